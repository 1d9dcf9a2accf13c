import type { PriceSchedule } from '../../../../contract/billing'
import { useI18n } from '../../../i18n/i18n-context'
import { renderPhrase } from '../../../i18n/phrase-text'
import { TEST_IDS } from '../../../lib/test-ids'
import { describeSchedule } from '../schedule'

/**
 * What a plan or a discounted subscription will cost, in the disclosure's plain words and look:
 * the plan, today, the introductory period, the debits up to the first at the regular price, the
 * regular amount after, and the mandate's cap. A list in time order under its own heading, shown
 * before the customer chooses how to pay. The plan's name and description are text, never markup.
 */
export function PriceScheduleSection({ schedule, merchantName }: { schedule: PriceSchedule; merchantName: string }) {
  const { locale, catalog } = useI18n()
  const text = describeSchedule(schedule, merchantName, locale)
  return (
    <section
      aria-labelledby="schedule-heading"
      data-testid={TEST_IDS.priceSchedule}
      className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-slate-50 p-4"
    >
      <h2 id="schedule-heading" className="text-lg font-semibold text-slate-900">
        {catalog['schedule.heading']}
      </h2>
      {text.plan && (
        <div className="flex flex-col gap-1">
          <p className="text-base font-semibold text-slate-900">{renderPhrase(text.plan, catalog)}</p>
          {text.description && (
            <p className="text-base text-slate-700" dir="auto">
              {text.description}
            </p>
          )}
        </div>
      )}
      <ol className="flex list-disc flex-col gap-2 ps-5 text-base leading-relaxed text-slate-800 marker:text-slate-500">
        {text.lines.map((line, index) =>
          line.kind === 'firstDebit' ? (
            <li key={`${line.phrase.key}-${index}`} data-testid={TEST_IDS.firstRegularDebit} className="font-semibold text-slate-900">
              {renderPhrase(line.phrase, catalog)}
            </li>
          ) : (
            <li key={`${line.phrase.key}-${index}`}>{renderPhrase(line.phrase, catalog)}</li>
          ),
        )}
      </ol>
    </section>
  )
}
