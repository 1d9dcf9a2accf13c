import type { PlanChangeView } from '../../../contract/billing'
import type { Locale } from '../../../contract/session'
import type { Phrase } from '../../i18n/phrase'
import type { PlanChangeKey } from '../../i18n/plan-change-catalogs'
import { formatCalendarDate, formatMoney } from '../../lib/format'

/** What a paid plan change means: the plan it changed to, and the next charge (its date and amount). */
export function planChangedText(change: PlanChangeView, locale: Locale): { changed: Phrase<PlanChangeKey>; next: Phrase<PlanChangeKey> } {
  return {
    changed: { key: 'planChange.success.changed', params: { name: { isolate: change.to.name } } },
    next: {
      key: 'planChange.success.next',
      params: { amount: formatMoney(change.nextCharge.amount, locale), date: formatCalendarDate(change.nextCharge.date, locale) },
    },
  }
}

/** What an unpaid plan change means: nothing changed, the customer stays on the plan they had. */
export const planUnchangedText = (change: PlanChangeView): Phrase<PlanChangeKey> => ({
  key: 'planChange.failure.unchanged',
  params: { name: { isolate: change.from.name } },
})
