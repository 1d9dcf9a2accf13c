import { useCallback } from 'react'
import type { StartAttempt } from '../../../../contract/attempt'
import type { SessionView } from '../../../../contract/session'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { useCancelAttempt } from '../api/use-cancel-attempt'
import { useStartAttempt } from '../api/use-start-attempt'
import type { ChannelProps, UpiRailActions, UpiRailStep } from '../rail-types'
import { CollectView } from './collect-view'
import { IntentView } from './intent-view'
import { OtherChannels } from './other-channels'
import { QrView } from './qr-view'
import { RailError } from './rail-error'
import { RailSummary } from './rail-summary'
import { fieldFailure } from '../vpa-schema'

/**
 * The UPI AutoPay rail: the chosen channel's view, "Pay another way", and Back. Leaving while a
 * request waits for approval cancels it first, so no old request can still be approved later.
 */
export function UpiRail({ view, step, actions }: { view: SessionView; step: UpiRailStep; actions: UpiRailActions }) {
  const { t } = useAreaText(upiCatalogs)
  const starter = useStartAttempt(view.pageId, actions.sink)
  const canceller = useCancelAttempt(view.pageId, actions.sink)
  const latest = view.attempt
  const attempt = latest && latest.id !== step.after && latest.channel === step.channel ? latest : null
  const pending = attempt?.status === 'pending' ? attempt : null
  const busy = starter.pending || canceller.pending

  const { channel, setUpMandate } = step
  const { start: startWith } = starter
  const start = useCallback(
    (extra?: Pick<StartAttempt, 'vpa'>) => startWith({ rail: 'upi', channel, setUpMandate, ...extra }),
    [startWith, channel, setUpMandate],
  )
  const leave = (then: (leftAttempt: string | null) => void) => {
    if (!pending) return then(latest?.id ?? null)
    void canceller.run(pending.id).then((result) => result?.ok && then(pending.id))
  }
  const rail: ChannelProps = { view, attempt, start, starting: starter.pending, startFailure: starter.failure, setUpMandate }
  const cancel = { run: (id: string) => void canceller.run(id), pending: canceller.pending }

  return (
    <section aria-labelledby="upi-heading" className="flex flex-col gap-6">
      <div>
        <button
          type="button"
          disabled={busy}
          onClick={() => leave(actions.back)}
          className="min-h-11 rounded-lg px-1 font-semibold text-slate-900 underline disabled:cursor-not-allowed"
        >
          <span aria-hidden="true">← </span>
          {t('upi.back')}
        </button>
      </div>
      <RailSummary view={view} setUpMandate={setUpMandate} />
      {channel === 'intent' && <IntentView {...rail} />}
      {channel === 'qr' && <QrView {...rail} />}
      {channel === 'collect' && <CollectView rail={rail} cancel={cancel} />}
      {starter.failure && !pending && fieldFailure(starter.failure) === null && <RailError failure={starter.failure} onRetry={() => void starter.retry()} retrying={starter.pending} />}
      <OtherChannels
        current={channel}
        allowed={view.upiChannelPolicy.allowed}
        disabled={busy}
        onChoose={(next) => leave((left) => actions.switchTo(next, left))}
      />
    </section>
  )
}
