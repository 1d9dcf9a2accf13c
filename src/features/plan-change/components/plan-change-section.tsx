import { useEffect, useMemo, useRef } from 'react'
import type { PlanChangeView } from '../../../../contract/billing'
import { useAnnounce } from '../../../components/ui/announcer'
import { useI18n } from '../../../i18n/i18n-context'
import { phraseText } from '../../../i18n/phrase'
import { renderPhrase } from '../../../i18n/phrase-text'
import { planChangeCatalogs } from '../../../i18n/plan-change-catalogs'
import { formatCountdown } from '../../../lib/countdown'
import { TEST_IDS } from '../../../lib/test-ids'
import { useSecondsLeft } from '../../../lib/use-seconds-left'
import { describePlanChange, quoteCue } from '../plan-change-text'

interface PlanChangeSectionProps {
  change: PlanChangeView
  merchantName: string
}

/**
 * A session that pays for a plan change, above the ways to pay: from which plan to which, what is
 * paid now and how it is worked out, from when the new price applies, and how long the quote
 * holds. The time left is read out once a minute and at 30 seconds through the page's live
 * region; at zero the block says the quote has expired (the ready screen then offers no payment).
 * Plan names are text, never markup.
 */
export function PlanChangeSection({ change, merchantName }: PlanChangeSectionProps) {
  const { locale, catalog: main } = useI18n()
  const catalog = useMemo(() => ({ ...main, ...planChangeCatalogs[locale] }), [main, locale])
  const text = describePlanChange(change, locale)
  const seconds = useSecondsLeft(change.quoteExpiresAt)
  const announce = useAnnounce()
  const previous = useRef<number | null>(null)
  const expiredMessage = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    const cue = quoteCue(previous.current, seconds, merchantName)
    const expiredNow = previous.current !== null && previous.current > 0 && seconds === 0
    previous.current = seconds
    if (cue) announce(phraseText(cue, catalog))
    // The ready screen drops the way to pay as the quote expires: focus lost with it lands on the message, not the top of the page.
    const focused = document.activeElement
    if (expiredNow && (focused === null || focused === document.body)) expiredMessage.current?.focus()
  }, [seconds, merchantName, announce, catalog])

  const row = 'flex flex-wrap items-baseline justify-between gap-x-4'
  return (
    <section
      aria-labelledby="plan-change-heading"
      data-testid={TEST_IDS.planChange}
      className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-slate-50 p-4"
    >
      <h2 id="plan-change-heading" className="text-lg font-semibold text-slate-900">
        {catalog['planChange.heading']}
      </h2>
      <ul className="flex flex-col gap-1 text-base text-slate-800">
        <li>{renderPhrase(text.from, catalog)}</li>
        <li className="font-semibold text-slate-900">{renderPhrase(text.to, catalog)}</li>
      </ul>
      <h3 className="text-base font-semibold text-slate-900">
        {catalog['planChange.breakdown']}
      </h3>
      <dl className="flex flex-col gap-2 text-base text-slate-800">
        <div className={row}>
          <dt>{renderPhrase(text.credit.label, catalog)}</dt>
          <dd className="tabular-nums">{renderPhrase(text.credit.amount, catalog)}</dd>
        </div>
        <div className={row}>
          <dt>{renderPhrase(text.charge.label, catalog)}</dt>
          <dd className="tabular-nums">{text.charge.amount}</dd>
        </div>
        {text.heldCredit && (
          <div className={row}>
            <dt>{catalog['planChange.heldCredit']}</dt>
            <dd className="tabular-nums" data-testid={TEST_IDS.planChangeHeldCredit}>
              {renderPhrase(text.heldCredit, catalog)}
            </dd>
          </div>
        )}
        <div className={row}>
          <dt>{catalog['planChange.covers']}</dt>
          <dd>{renderPhrase(text.covers, catalog)}</dd>
        </div>
        <div className={`${row} border-t border-slate-300 pt-2 font-semibold text-slate-900`}>
          <dt>{catalog['planChange.payNow']}</dt>
          <dd className="tabular-nums" data-testid={TEST_IDS.planChangePayNow}>
            {text.payNow}
          </dd>
        </div>
      </dl>
      <p className="text-base font-semibold text-slate-900" data-testid={TEST_IDS.planChangeNextCharge}>
        {renderPhrase(text.next, catalog)}
      </p>
      {text.newMandate && <p className="text-base text-slate-800">{renderPhrase(text.newMandate, catalog)}</p>}
      {seconds > 0 ? (
        <div className="flex items-baseline justify-between gap-4">
          <span id="quote-time-left-label" className="text-base text-slate-700">
            {catalog['planChange.quote.label']}
          </span>
          <span
            role="timer"
            aria-labelledby="quote-time-left-label"
            data-testid={TEST_IDS.quoteTimer}
            className="font-mono text-2xl font-semibold text-slate-900"
            // Drawn by the server seconds before the page hydrates: hydration keeps the server's figure, the next tick replaces it.
            suppressHydrationWarning
          >
            {formatCountdown(seconds)}
          </span>
        </div>
      ) : (
        <p
          ref={expiredMessage}
          tabIndex={-1}
          data-testid={TEST_IDS.quoteExpired}
          className="rounded-lg border border-amber-700 bg-amber-50 p-3 text-base font-semibold text-slate-900"
        >
          {renderPhrase({ key: 'planChange.quote.expired', params: { merchant: { isolate: merchantName } } }, catalog)}
        </p>
      )}
    </section>
  )
}
