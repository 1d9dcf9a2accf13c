import { useState } from 'react'
import type { SessionView } from '../../contract/session'
import { cancelSession } from '../features/session/api/cancel-session'
import { useI18n } from '../i18n/i18n-context'
import { PhraseText } from '../i18n/phrase-text'
import { embedContext, returnMode } from '../lib/embedding'
import { navigateTo } from '../lib/navigation'
import { useHydrated } from '../lib/use-hydrated'
import type { SessionControl } from './session-control'

/**
 * The customer's way out when the merchant gave a cancel_url: ends the session, then goes to
 * cancel_url the way a result goes to return_url (lib/embedding.ts returnMode): in its own window
 * at once; in a frame, the cancelled screen links out (whole window) or the host hears the end.
 */
export function CancelControl({ view, control }: { view: SessionView; control: SessionControl }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'cancelling' | 'failed'>('idle')
  const hydrated = useHydrated()
  const cancelUrl = view.cancelUrl
  if (!cancelUrl || view.state !== 'open' || view.attempt?.status === 'pending') return null

  const cancel = async () => {
    setState('cancelling')
    const result = await cancelSession(view.pageId)
    if (!result.ok) {
      setState('failed')
      control.refetch()
      return
    }
    control.write(result.view)
    if (result.view.state === 'cancelled' && returnMode(embedContext()) === 'window') navigateTo(cancelUrl)
  }

  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
      <button
        type="button"
        onClick={() => void cancel()}
        disabled={!hydrated || state === 'cancelling'}
        className="inline-flex min-h-11 items-center self-start rounded-lg px-2 text-base font-semibold text-slate-900 underline hover:text-slate-700 disabled:cursor-not-allowed disabled:text-slate-500"
      >
        {/* One span: as flex items, the words and the isolated name would lose the space between them. */}
        <span>
          {state === 'cancelling' ? t('state.cancelling') : <PhraseText phrase={{ key: 'state.cancel', params: { merchant: { isolate: view.merchant.name } } }} />}
        </span>
      </button>
      {state === 'failed' && (
        <p role="alert" className="text-sm text-red-700">
          {t('state.cancelFailed')}
        </p>
      )}
    </div>
  )
}
