import type { ReactNode } from 'react'
import type { SessionView } from '../../../../contract/session'
import { Button } from '../../../components/ui/button'
import { ScreenHeading } from '../../../components/ui/screen-heading'
import { enachCatalogs, type EnachKey } from '../../../i18n/enach-catalogs'
import { renderPhrase } from '../../../i18n/phrase-text'
import { simulatorHref } from '../../../lib/simulator-href'
import { useAreaText } from '../../../i18n/use-area-text'
import { formatMoney } from '../../../lib/format'
import { isRetryable, type WriteFailure, type WriteResult } from '../../../lib/write-result'
import type { BankPurpose } from '../enach-rules'
import type { NetbankingRailProps, NetbankingStartBody } from '../rail-types'
import { serverFieldError } from '../enach-form-schema'
import { AtBankPanel, ConfirmingPanel } from './pending-panels'
import { EnachForm } from './enach-form'

function failureKey(failure: WriteFailure): EnachKey {
  if (isRetryable(failure)) return 'enach.error.network'
  if (failure === 'too_many_attempts' || failure === 'amount_above_mode_limit') return `enach.error.${failure}`
  return 'enach.error.other'
}

/** The bank side of a mandate needs the merchant's per-mode limits; without them only a payment can be made. */
function purposeOf(view: SessionView, setUpMandate: boolean): BankPurpose {
  if (setUpMandate && view.mandate && view.enachLimits) return { kind: 'mandate', maxAmount: view.mandate.maxAmount, limits: view.enachLimits }
  return { kind: 'payment' }
}

/**
 * The net banking rail, for an eNACH registration or a plain net banking payment: the form, then
 * the bank's page, then — back here — the open request to finish or cancel, or the wait while the
 * bank confirms. The server's attempt decides which, so a reload or a return from the bank lands
 * on the right one.
 */
export function NetbankingRail({ view, step, attempts, back, restart, handOff, disclosure }: NetbankingRailProps) {
  const { t, catalog, locale } = useAreaText(enachCatalogs)
  const latest = view.attempt?.rail === 'netbanking' ? view.attempt : null
  const own = latest && latest.id !== step.after ? latest : null
  const pending = own?.status === 'pending' ? own : null
  const purpose = purposeOf(view, step.setUpMandate)

  /** The bank's page, in the language the customer reads this one in. */
  const toBank = (bankUrl: string) => handOff(simulatorHref(bankUrl, locale))
  /** A request the server took (first try or retry) sends the customer on to the bank's page. */
  const onToBank = (result: WriteResult | null) => {
    const attempt = result?.ok ? result.view.attempt : null
    if (attempt?.rail === 'netbanking') toBank(attempt.netbanking.bankUrl)
    return result
  }
  const start = (body: NetbankingStartBody) => attempts.start({ rail: 'netbanking', ...body }).then(onToBank)

  const summary = renderPhrase(
    {
      key: purpose.kind === 'mandate' ? 'enach.summary.mandate' : 'enach.summary.payment',
      params: { merchant: { isolate: view.merchant.name }, amount: formatMoney(view.chargedToday, locale) },
    },
    catalog,
  )
  const backLink = (
    <div>
      <button
        type="button"
        disabled={attempts.starting || attempts.cancelling}
        onClick={() => back(view.attempt?.id ?? null)}
        className="min-h-11 rounded-lg px-1 font-semibold text-slate-900 underline disabled:cursor-not-allowed"
      >
        <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
          ←
        </span>{' '}
        {t('enach.back')}
      </button>
    </div>
  )
  const frame = (screen: string, heading: string, body: ReactNode, withBack: boolean) => (
    <section aria-labelledby="enach-heading" className="flex flex-col gap-6">
      {withBack && backLink}
      <ScreenHeading screen={screen} id="enach-heading">
        {heading}
      </ScreenHeading>
      <p className="text-base text-slate-700">{summary}</p>
      {body}
    </section>
  )

  if (pending?.netbanking.stage === 'awaiting_bank') {
    return frame('enach-confirming', t('enach.confirming.heading'), <ConfirmingPanel attempt={pending} detail={pending.netbanking} />, false)
  }
  if (pending) {
    const cancel = async () => {
      const result = await attempts.cancel(pending.id)
      if (result?.ok) restart({ ...step, after: pending.id })
    }
    return frame(
      'enach-at-bank',
      t('enach.atBank.heading'),
      <AtBankPanel attempt={pending} detail={pending.netbanking} onContinue={toBank} onCancel={() => void cancel()} cancelling={attempts.cancelling} />,
      false,
    )
  }
  const failure = attempts.startFailure
  return frame(
    'enach-form',
    t(purpose.kind === 'mandate' ? 'enach.heading.mandate' : 'enach.heading.payment'),
    <>
      {purpose.kind === 'mandate' && disclosure}
      <EnachForm purpose={purpose} last={latest?.netbanking ?? null} start={start} />
      {failure && serverFieldError(failure) === null && (
        <div role="alert" className="flex flex-col gap-3 border-s-4 border-red-600 ps-4">
          <p className="text-base text-slate-900">{t(failureKey(failure))}</p>
          {isRetryable(failure) && (
            <div>
              <Button onClick={() => void attempts.retry().then(onToBank)} disabled={attempts.starting}>
                {t('enach.error.retry')}
              </Button>
            </div>
          )}
        </div>
      )}
    </>,
    true,
  )
}
