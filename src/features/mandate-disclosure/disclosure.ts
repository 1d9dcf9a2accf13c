import type { Frequency, MandateTerms, RuleType } from '../../../contract/mandate'
import type { Money } from '../../../contract/money'
import type { InstrumentNotice } from '../../../contract/instrument'
import type { Rail } from '../../../contract/rail'
import type { Locale } from '../../../contract/session'
import type { Phrase as AnyPhrase } from '../../i18n/phrase'
import type { DisclosureKey } from '../../i18n/disclosure-catalogs'
import { formatDate, formatMoney, formatMonthName } from '../../lib/format'
import { UPI_EXTRA_APPROVAL_LIMIT } from '../../lib/upi-limits'

export interface DisclosureInput {
  merchantName: string
  terms: MandateTerms
  chargedToday: Money
  registrationRefunded: boolean
  /** The rail the customer has chosen, if any: it decides how to cancel, and its notices whether the PIN notice applies. */
  instrument: { rail: Rail; notices: readonly InstrumentNotice[] } | null
}

/** A disclosure sentence or part of one, keyed into the disclosure catalogs. */
export type Phrase = AnyPhrase<DisclosureKey>

export type Recurring = Exclude<Frequency, 'ONETIME'>
type DayOfMonthFrequency = 'MONTHLY' | 'BIMONTHLY' | 'QUARTERLY' | 'HALFYEARLY' | 'YEARLY'

/** The CLDR ordinal categories a catalog words (`zero` is in none of the page's languages). */
type OrdinalCategory = 'one' | 'two' | 'few' | 'many' | 'other'
const ordinalRules = new Map<Locale, Intl.PluralRules>()

/** CLDR's ordinal category of `n` in `locale`: English 1st/2nd/3rd/4th, Bengali's, Marathi's or Odia's own classes, one class in Tamil. */
export function ordinalCategory(n: number, locale: Locale): OrdinalCategory {
  let rules = ordinalRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type: 'ordinal' })
    ordinalRules.set(locale, rules)
  }
  const category = rules.select(n)
  return category === 'zero' ? 'other' : category
}

/** The ordinal `n` ("5th") as the language words it for a day of the month. */
export const ordinal = (n: number, locale: Locale): Phrase => ({ key: `disclosure.ordinal.${ordinalCategory(n, locale)}`, params: { n } })
const dayOfMonth = (n: number, locale: Locale): Phrase => ({ key: 'disclosure.dayOfMonth', params: { ordinal: ordinal(n, locale) } })

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const

/**
 * The debit day for frequencies with a rule, and an optional note on short months; null when the
 * rule is absent or out of range for the frequency (the sentence then names only the period).
 * The price schedule words its debit day with the same phrases.
 */
export function debitDay(
  frequency: Recurring,
  ruleType: RuleType | null,
  value: number | null,
  locale: Locale,
): { when: Phrase; note: Phrase | null } | null {
  if (ruleType === null || value === null) return null
  const on = (day: Phrase): Phrase => ({ key: `disclosure.rule.${ruleType}`, params: { day } })
  switch (frequency) {
    case 'WEEKLY': {
      const weekday = WEEKDAYS[value - 1]
      return weekday ? { when: on({ key: `disclosure.weekday.${weekday}` }), note: null } : null
    }
    case 'FORTNIGHTLY': {
      // 1–15: the v-th and the (v+15)-th; 16: the 15th and the month's last day (docs/domain/upi.md#debit-day-rule-value).
      if (value === 16) {
        return { when: on({ key: 'disclosure.fortnightMonthEnd', params: { first: ordinal(15, locale) } }), note: null }
      }
      if (value > 16) return null
      const second = value + 15
      return {
        when: on({ key: 'disclosure.fortnightDays', params: { first: ordinal(value, locale), second: ordinal(second, locale) } }),
        note: second >= 29 ? { key: 'disclosure.shortMonthFortnight', params: { ordinal: ordinal(second, locale) } } : null,
      }
    }
    case 'MONTHLY':
    case 'BIMONTHLY':
    case 'QUARTERLY':
    case 'HALFYEARLY':
    case 'YEARLY':
      return {
        when: on(dayOfMonth(value, locale)),
        note: value >= 29 ? { key: 'disclosure.shortMonth', params: { ordinal: ordinal(value, locale) } } : null,
      }
    case 'DAILY':
    case 'ASPRESENTED':
      return null
  }
}

function isDayOfMonth(frequency: Recurring): frequency is DayOfMonthFrequency {
  return ['MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'HALFYEARLY', 'YEARLY'].includes(frequency)
}

function period(frequency: Recurring, startDate: string, locale: Locale): Phrase {
  if (frequency === 'YEARLY') return { key: 'disclosure.period.YEARLY', params: { month: formatMonthName(startDate, locale) } }
  return { key: `disclosure.period.${frequency}` }
}

/**
 * The mandate in plain words, sentence by sentence, as message keys and parameters. Pure: the same
 * input gives the same phrases; the component renders them with the active catalog.
 */
export function describeMandate(input: DisclosureInput, locale: Locale): Phrase[] {
  const { terms, instrument } = input
  const merchant = { isolate: input.merchantName }
  const money = (m: Money) => formatMoney(m, locale)
  const start = formatDate(terms.startDate, locale)
  const end = formatDate(terms.endDate, locale)
  const sentences: Phrase[] = []

  if (terms.frequency === 'ONETIME') {
    const amount: Phrase = { key: `disclosure.onetimeAmount.${terms.amountRule}`, params: { amount: money(terms.maxAmount) } }
    sentences.push({ key: 'disclosure.onetime', params: { merchant, amount, start, end } })
    sentences.push({ key: 'disclosure.onetimeValidity' })
    if (terms.blockFunds) {
      sentences.push({ key: 'disclosure.blockFunds', params: { amount: money(terms.maxAmount), end, merchant } })
    }
  } else {
    const amount: Phrase = { key: `disclosure.amount.${terms.amountRule}`, params: { amount: money(terms.maxAmount) } }
    const frequency = terms.frequency
    const day = isDayOfMonth(frequency) || frequency === 'WEEKLY' || frequency === 'FORTNIGHTLY'
      ? debitDay(frequency, terms.ruleType, terms.ruleValue, locale)
      : null
    const periodPhrase = period(frequency, terms.startDate, locale)
    if (day) {
      sentences.push({ key: 'disclosure.recurring', params: { merchant, amount, period: periodPhrase, when: day.when, start, end } })
      if (day.note) sentences.push(day.note)
    } else {
      sentences.push({ key: 'disclosure.recurringAnyDay', params: { merchant, amount, period: periodPhrase, start, end } })
    }
  }

  if (input.chargedToday.minor === 0) sentences.push({ key: 'disclosure.today.nothing' })
  else {
    sentences.push({
      key: input.registrationRefunded ? 'disclosure.today.refunded' : 'disclosure.today.kept',
      params: { amount: money(input.chargedToday) },
    })
  }

  sentences.push({ key: 'disclosure.preDebit' })

  if (instrument?.notices.includes('upi_extra_approval_above_limit')) {
    sentences.push({ key: 'disclosure.extraApproval', params: { limit: money(UPI_EXTRA_APPROVAL_LIMIT) } })
  }

  if (!terms.revokableByCustomer) sentences.push({ key: 'disclosure.notRevokable' })
  else if (instrument === null) sentences.push({ key: 'disclosure.cancel.any' })
  else sentences.push({ key: `disclosure.cancel.${instrument.rail}` })

  return sentences
}
