import { useI18n } from '../../../i18n/i18n-context'
import { renderPhrase } from '../../../i18n/phrase-text'
import { TEST_IDS } from '../../../lib/test-ids'
import { describeMandate, type DisclosureInput } from '../disclosure'

/** The price schedule loads with the disclosure, in its chunk (src/app/lazy-disclosure.ts). */
export { PriceScheduleSection } from './price-schedule'

/**
 * The mandate in plain words, shown before the customer commits (and again on success, under its
 * own heading). Readable size, not fine print.
 */
export function MandateDisclosure({ input, heading }: { input: DisclosureInput; heading?: string }) {
  const { locale, catalog } = useI18n()
  const sentences = describeMandate(input, locale)
  return (
    <section
      aria-labelledby="disclosure-heading"
      data-testid={TEST_IDS.mandateDisclosure}
      className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-slate-50 p-4"
    >
      <h2 id="disclosure-heading" className="text-lg font-semibold text-slate-900">
        {heading ?? catalog['disclosure.heading']}
      </h2>
      <ul className="flex list-disc flex-col gap-2 ps-5 text-base leading-relaxed text-slate-800 marker:text-slate-500">
        {sentences.map((sentence, index) => (
          <li key={`${sentence.key}-${index}`}>
            {renderPhrase(sentence, catalog)}
          </li>
        ))}
      </ul>
    </section>
  )
}
