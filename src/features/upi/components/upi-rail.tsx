import { useCallback } from 'react'
import type { StartUpiAttempt } from '../../../../contract/attempt'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import type { ChannelProps, UpiRailProps } from '../rail-types'
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
export function UpiRail({ view, step, attempts, back, restart }: UpiRailProps) {
  const { t } = useAreaText(upiCatalogs)
  const latest = view.attempt
  const attempt = latest && latest.rail === 'upi' && latest.id !== step.after && latest.channel === step.channel ? latest : null
  const pending = attempt?.status === 'pending' ? attempt : null
  const busy = attempts.starting || attempts.cancelling

  const { channel, setUpMandate } = step
  const { start: startWith } = attempts
  const start = useCallback(
    (extra?: Pick<StartUpiAttempt, 'vpa'>) => startWith({ rail: 'upi', channel, setUpMandate, ...extra }),
    [startWith, channel, setUpMandate],
  )
  const leave = (then: (leftAttempt: string | null) => void) => {
    if (!pending) return then(latest?.id ?? null)
    void attempts.cancel(pending.id).then((result) => result?.ok && then(pending.id))
  }
  const rail: ChannelProps = { view, attempt, start, starting: attempts.starting, startFailure: attempts.startFailure, setUpMandate }
  const cancel = { run: (id: string) => void attempts.cancel(id), pending: attempts.cancelling }
  const failure = attempts.startFailure

  return (
    <section aria-labelledby="upi-heading" className="flex flex-col gap-6">
      <div>
        <button
          type="button"
          disabled={busy}
          onClick={() => leave(back)}
          className="min-h-11 rounded-lg px-1 font-semibold text-slate-900 underline disabled:cursor-not-allowed"
        >
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{' '}
          {t('upi.back')}
        </button>
      </div>
      <RailSummary view={view} setUpMandate={setUpMandate} />
      {channel === 'intent' && <IntentView {...rail} />}
      {channel === 'qr' && <QrView {...rail} />}
      {channel === 'collect' && <CollectView rail={rail} cancel={cancel} />}
      {failure && !pending && fieldFailure(failure) === null && <RailError failure={failure} onRetry={() => void attempts.retry()} retrying={attempts.starting} />}
      <OtherChannels
        current={channel}
        allowed={view.upiChannelPolicy.allowed}
        disabled={busy}
        onChoose={(next) => leave((left) => restart({ ...step, channel: next, after: left }))}
      />
    </section>
  )
}
