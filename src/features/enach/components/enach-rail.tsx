import type { ReactNode } from 'react'
import type { AttemptView } from '../../../../contract/attempt'
import type { SessionView } from '../../../../contract/session'
import { Button } from '../../../components/ui/button'
import { ScreenHeading } from '../../../components/ui/screen-heading'
import { enachCatalogs, type EnachKey } from '../../../i18n/enach-catalogs'
import { renderPhrase } from '../../../i18n/phrase-text'
import { useAreaText } from '../../../i18n/use-area-text'
import { formatMoney } from '../../../lib/format'
import type { BankPurpose } from '../enach-rules'
import type { EnachRailActions, EnachRailStep, EnachStartBody, WriteResult } from '../rail-types'
import { serverFieldError } from '../enach-form-schema'
import { AtBankPanel, ConfirmingPanel } from './pending-panels'
import { EnachForm } from './enach-form'

const RETRYABLE = new Set(['network', 'unreachable'])

function failureKey(failure: string): EnachKey {
  if (RETRYABLE.has(failure)) return 'enach.error.network'
  if (failure === 'too_many_attempts' || failure === 'amount_above_mode_limit') return `enach.error.${failure}`
  return 'enach.error.other'
}

/** The bank side of a mandate needs the merchant's per-mode limits; without them only a payment can be made. */
function purposeOf(view: SessionView, setUpMandate: boolean): BankPurpose {
  if (setUpMandate && view.mandate && view.enachLimits) return { kind: 'mandate', maxAmount: view.mandate.maxAmount, limits: view.enachLimits }
  return { kind: 'payment' }
}

/**
 * eNACH (or a plain net banking payment): the form, then the bank's page, then — back here — the
 * open request to finish or cancel, or the wait while the bank confirms. The server's attempt
 * decides which, so a reload or a return from the bank lands on the right one.
 */
interface EnachRailProps {
  view: SessionView
  step: EnachRailStep
  actions: EnachRailActions
  /** The mandate's terms in plain words, shown before the customer commits (the shell renders it). */
  disclosure: ReactNode
}

export function EnachRail({ view, step, actions, disclosure }: EnachRailProps) {
  const { t, catalog, locale } = useAreaText(enachCatalogs)
  const latest = view.attempt
  const own = latest && latest.id !== step.after && latest.rail === 'netbanking' ? latest : null
  const pending: AttemptView | null = own?.status === 'pending' ? own : null
  const purpose = purposeOf(view, step.setUpMandate)
  const { handOff } = actions

  /** A request the server took (first try or retry) sends the customer on to the bank's page. */
  const onToBank = (result: WriteResult | null) => {
    const bankUrl = result?.ok ? result.view.attempt?.enach?.bankUrl : undefined
    if (bankUrl) handOff(bankUrl)
    return result
  }
  const start = (body: EnachStartBody) => actions.start(body).then(onToBank)

  const summary = renderPhrase(
    {
      key: purpose.kind === 'mandate' ? 'enach.summary.mandate' : 'enach.summary.payment',
      params: { merchant: { isolate: view.merchant.name }, amount: formatMoney(view.chargedToday, locale) },
    },
    catalog,
  )
  const back = (
    <div>
      <button
        type="button"
        disabled={actions.starting || actions.cancelling}
        onClick={() => actions.back(latest?.id ?? null)}
        className="min-h-11 rounded-lg px-1 font-semibold text-slate-900 underline disabled:cursor-not-allowed"
      >
        <span aria-hidden="true">← </span>
        {t('enach.back')}
      </button>
    </div>
  )
  const frame = (screen: string, heading: string, body: ReactNode, withBack: boolean) => (
    <section aria-labelledby="enach-heading" className="flex flex-col gap-6">
      {withBack && back}
      <ScreenHeading screen={screen} id="enach-heading">
        {heading}
      </ScreenHeading>
      <p className="text-base text-slate-700">{summary}</p>
      {body}
    </section>
  )

  if (pending?.enach?.stage === 'awaiting_bank') {
    return frame('enach-confirming', t('enach.confirming.heading'), <ConfirmingPanel attempt={pending} enach={pending.enach} />, false)
  }
  if (pending?.enach) {
    const cancel = async () => {
      const result = await actions.cancel(pending.id)
      if (result?.ok) actions.restart(pending.id)
    }
    return frame(
      'enach-at-bank',
      t('enach.atBank.heading'),
      <AtBankPanel attempt={pending} enach={pending.enach} onContinue={handOff} onCancel={() => void cancel()} cancelling={actions.cancelling} />,
      false,
    )
  }
  const failure = actions.startFailure
  return frame(
    'enach-form',
    t(purpose.kind === 'mandate' ? 'enach.heading.mandate' : 'enach.heading.payment'),
    <>
      {purpose.kind === 'mandate' && disclosure}
      <EnachForm purpose={purpose} last={own?.enach ?? latest?.enach ?? null} start={start} />
      {failure && serverFieldError(failure) === null && (
        <div role="alert" className="flex flex-col gap-3 border-l-4 border-red-600 pl-4">
          <p className="text-base text-slate-900">{t(failureKey(failure))}</p>
          {RETRYABLE.has(failure) && (
            <div>
              <Button onClick={() => void actions.retry().then(onToBank)} disabled={actions.starting}>
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
