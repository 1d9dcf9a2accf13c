import type { UpiAttemptView } from '../../../../contract/attempt'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { simulatorHref } from '../../../lib/simulator-href'
import { renderPhrase } from '../../../i18n/phrase-text'
import type { CancelControl } from '../rail-types'
import { WaitingPanel } from './waiting-panel'

/** A collect request on its way: to whom it went, the time left, and how to cancel it. */
export function CollectWaiting({ attempt, takeFocus, cancel }: { attempt: UpiAttemptView; takeFocus: boolean; cancel: CancelControl }) {
  const { t, catalog, locale } = useAreaText(upiCatalogs)
  const vpa = attempt.upi.payerVpa ?? ''
  return (
    <WaitingPanel attemptId={attempt.id} expiresAt={attempt.expiresAt} instructions={t('upi.waiting.collect')} takeFocus={takeFocus}>
      <p className="text-base text-slate-700">{renderPhrase({ key: 'upi.collect.sentTo', params: { vpa: { isolate: vpa } } }, catalog)}</p>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          disabled={cancel.pending}
          onClick={() => cancel.run(attempt.id)}
          className="min-h-11 rounded-lg border-2 border-slate-900 px-4 font-semibold text-slate-900 disabled:cursor-not-allowed"
        >
          {t('upi.collect.cancel')}
        </button>
        <a href={simulatorHref(attempt.upi.simulatorUrl, locale)} target="_blank" rel="noopener noreferrer" className="text-base font-semibold text-slate-900 underline">
          {t('upi.waiting.simulator')}
          <span className="sr-only"> {t('upi.newTab')}</span>
        </a>
      </div>
    </WaitingPanel>
  )
}
