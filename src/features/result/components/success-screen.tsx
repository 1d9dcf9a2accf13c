import { useEffect, type ReactNode } from 'react'
import type { Rail } from '../../../../contract/rail'
import type { SessionView } from '../../../../contract/session'
import { MessagePanel } from '../../../components/ui/message-panel'
import { ReturnLink } from '../../../components/ui/return-link'
import { embedContext, returnMode } from '../../../lib/embedding'
import { useAnnounce } from '../../../components/ui/announcer'
import { resultCatalogs, type ResultKey } from '../../../i18n/result-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { simulatorHref } from '../../../lib/simulator-href'
import { renderPhrase } from '../../../i18n/phrase-text'
import { formatCalendarDate, formatDate, formatMoney } from '../../../lib/format'
import { TEST_IDS } from '../../../lib/test-ids'
import { planChangeCatalogs } from '../../../i18n/plan-change-catalogs'
import { planChangedText } from '../plan-change-result'
import { ReturnCountdown } from './return-countdown'

/** How each rail names the mandate it set up, in the heading and the line under it. */
const MANDATE_WORDING = {
  upi: { heading: 'result.success.mandate', body: 'result.success.mandateBody' },
  netbanking: { heading: 'result.success.enach', body: 'result.success.enachBody' },
} as const satisfies Record<Rail, { heading: ResultKey; body: ResultKey }>

/**
 * The session is paid: the mandate id, what was authorised (the shell passes the disclosure in),
 * when the first debit can come (with a price schedule, the date and amount of its first debit),
 * what happens to today's charge (for a plan change, the plan it changed to and its next charge), for a UPI
 * mandate the simulated UPI app's list of the payer's mandates (the sandbox's own link), then back to the merchant: by itself after a countdown in a
 * window of its own; never from a frame, whose host hears the result (lib/embedding.ts
 * returnMode). A reload after success shows this same screen.
 */
export function SuccessScreen({ view, disclosure }: { view: SessionView; disclosure: ReactNode }) {
  const { t, catalog, locale } = useAreaText(resultCatalogs)
  const announce = useAnnounce()
  const outcome = view.outcome
  const mandate = Boolean(outcome?.mandateId ?? view.attempt?.setsUpMandate)
  // A completed session keeps the attempt that completed it; should it have none, the words are UPI AutoPay's.
  const wording = MANDATE_WORDING[view.attempt?.rail ?? 'upi']
  const heading = t(mandate ? wording.heading : 'result.success.payment')
  const merchant = { isolate: view.merchant.name }
  const today = formatMoney(view.chargedToday, locale)
  const firstCharge = view.planChange?.nextCharge ?? view.schedule?.charges[0] ?? null
  const planChanged = view.planChange && planChangedText(view.planChange, locale)
  useEffect(() => announce(heading), [announce, heading])

  return (
    <MessagePanel screen="success" heading={heading}>
      <p className="text-lg font-medium text-slate-900">
        {renderPhrase(
          mandate
            ? { key: wording.body, params: { merchant } }
            : { key: 'result.success.paymentBody', params: { merchant, amount: formatMoney(view.amount, locale) } },
          catalog,
        )}
      </p>
      {planChanged && (
        <div data-testid={TEST_IDS.planChangeResult} className="flex flex-col gap-1 text-base text-slate-900">
          <p className="font-semibold">{renderPhrase(planChanged.changed, planChangeCatalogs[locale])}</p>
          <p>{renderPhrase(planChanged.next, planChangeCatalogs[locale])}</p>
        </div>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {outcome?.mandateId && (
          <>
            <dt className="text-slate-700">{t('result.mandateId')}</dt>
            <dd className="break-all font-mono text-slate-900">{outcome.mandateId}</dd>
          </>
        )}
        {mandate && (
          <>
            <dt className="text-slate-700">{t('result.firstDebit')}</dt>
            <dd className="text-slate-900" data-testid={TEST_IDS.firstDebit}>
              {firstCharge
                ? t('result.firstCharge', { amount: formatMoney(firstCharge.amount, locale), date: formatCalendarDate(firstCharge.date, locale) })
                : outcome?.firstDebitDate
                  ? formatDate(outcome.firstDebitDate, locale)
                  : renderPhrase({ key: 'result.firstDebitAsPresented', params: { merchant } }, catalog)}
            </dd>
          </>
        )}
        <dt className="text-slate-700">{t('result.orderId')}</dt>
        <dd className="break-all font-mono text-slate-900" dir="auto">
          {view.orderId}
        </dd>
      </dl>
      {outcome?.mandatesUrl && (
        <p>
          <a
            href={simulatorHref(outcome.mandatesUrl, locale)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid={TEST_IDS.mandatesLink}
            className="text-base font-semibold text-slate-900 underline"
          >
            {t('result.mandatesLink')}
          </a>
        </p>
      )}
      {mandate && view.chargedToday.minor > 0 && (
        <p>{t(view.registrationRefunded ? 'result.refund' : 'result.kept', { amount: today })}</p>
      )}
      {disclosure}
      {view.returnUrl &&
        (returnMode(embedContext()) === 'window' ? (
          <ReturnCountdown url={view.returnUrl} merchantName={view.merchant.name} />
        ) : (
          <ReturnLink href={view.returnUrl}>{renderPhrase({ key: 'result.returnTo', params: { merchant } }, catalog)}</ReturnLink>
        ))}
    </MessagePanel>
  )
}
