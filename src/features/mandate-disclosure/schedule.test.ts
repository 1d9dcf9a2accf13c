import { describe, expect, it } from 'vitest'
import { BILLING_INTERVALS, type BillingInterval, type PriceSchedule } from '../../../contract/billing'
import { RULE_TYPES, type RuleType } from '../../../contract/mandate'
import { inr } from '../../../contract/money'
import type { Locale } from '../../../contract/session'
import { LOCALES } from '../../../contract/values'
import { disclosureCatalogs } from '../../i18n/disclosure-catalogs'
import { phraseText } from '../../i18n/phrase'
import { scheduleCatalogs } from '../../i18n/schedule-catalogs'
import { monthlyCharges, scheduleFixture } from '../../testing/price-schedule'
import { describeSchedule, type ScheduleLineKind } from './schedule'

const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, { ...disclosureCatalogs[locale], ...scheduleCatalogs[locale] }])) as Record<
  Locale,
  (typeof disclosureCatalogs)[Locale] & (typeof scheduleCatalogs)[Locale]
>

const described = (schedule: PriceSchedule, locale: Locale) => {
  return describeSchedule(schedule, 'Acme Fitness', locale)
}
const lines = (schedule: PriceSchedule, locale: Locale = 'en') =>
  described(schedule, locale).lines.map((line) => phraseText(line.phrase, catalogs[locale]))
const plan = (schedule: PriceSchedule, locale: Locale) => {
  const phrase = described(schedule, locale).plan
  return phrase && phraseText(phrase, catalogs[locale])
}
const line = (schedule: PriceSchedule, kind: ScheduleLineKind, locale: Locale = 'en') => {
  const found = described(schedule, locale).lines.filter((l) => l.kind === kind)
  return found.map((l) => phraseText(l.phrase, catalogs[locale])).join(' | ')
}

type Interval = BillingInterval
const INTERVALS = BILLING_INTERVALS
const recurring = (interval: BillingInterval, ruleType: RuleType | null = 'ON', ruleValue: number | null = 5): PriceSchedule['recurring'] => ({
  amount: inr(499_00),
  interval,
  ruleType,
  ruleValue,
})

describe('the reference plan: 14 days free, then ₹499 every month on the 5th (docs/product.md#showing-the-price-schedule)', () => {
  it('reads line by line in English', () => {
    expect(plan(scheduleFixture(), 'en')).toBe('Plan: Gold Monthly')
    expect(lines(scheduleFixture(), 'en')).toEqual([
      '₹1.00 today to set up the mandate, refunded once it is active',
      'Free for 14 days (until 15 Dec 2026)',
      'First debit at the regular price: ₹499.00 on 5 Jan 2027',
      'Then ₹499.00 every month on the 5th',
      'Mandate limit: up to ₹1,000.00 per debit',
    ])
  })

  it('reads line by line in Hindi, with Hindi month names', () => {
    expect(plan(scheduleFixture(), 'hi')).toBe('प्लान: Gold Monthly')
    expect(lines(scheduleFixture(), 'hi')).toEqual([
      'मैंडेट सेट करने के लिए आज ₹1.00, जो इसके सक्रिय होते ही वापस कर दिए जाएँगे',
      '14 दिन मुफ़्त (15 दिस॰ 2026 तक)',
      'नियमित कीमत पर पहली कटौती: 5 जन॰ 2027 को ₹499.00',
      'इसके बाद हर महीने 5 तारीख को ₹499.00',
      'मैंडेट सीमा: हर कटौती पर अधिकतम ₹1,000.00',
    ])
  })

  it('keeps the plan description as written, and none when it is empty', () => {
    expect(described(scheduleFixture(), 'en').description).toBe('All classes at every centre')
    expect(described(scheduleFixture({ plan: { id: 'p', name: 'Gold', description: '' } }), 'en').description).toBeNull()
  })

  it('names no plan when none is sold (a checkout session’s discount period)', () => {
    expect(described(scheduleFixture({ plan: null }), 'en')).toMatchObject({ plan: null, description: null })
  })

  it('passes a hostile plan name through as isolated text, never as markup', () => {
    const name = '<img src=x onerror=alert(1)> Gold'
    expect(described(scheduleFixture({ plan: { id: 'p', name, description: '' } }), 'en').plan).toEqual({ key: 'schedule.plan', params: { name: { isolate: name } } })
  })
})

describe('what is paid today', () => {
  it.each([
    [{ amount: inr(0), refunded: true, paysFirstPeriod: false }, { type: 'NONE' }, 'Nothing to pay today', 'आज कोई भुगतान नहीं'],
    [{ amount: inr(100), refunded: true, paysFirstPeriod: false }, { type: 'NONE' }, '₹1.00 today to set up the mandate, refunded once it is active', 'मैंडेट सेट करने के लिए आज ₹1.00, जो इसके सक्रिय होते ही वापस कर दिए जाएँगे'],
    [{ amount: inr(99_00), refunded: false, paysFirstPeriod: true }, { type: 'CYCLES', cycles: 3, amount: inr(99_00) }, '₹99.00 today for your first month', 'आज ₹99.00, आपके पहले महीने के लिए'],
    [{ amount: inr(499_00), refunded: false, paysFirstPeriod: true }, { type: 'NONE' }, '₹499.00 today for your first month', 'आज ₹499.00, आपके पहले महीने के लिए'],
    [{ amount: inr(600_00), refunded: false, paysFirstPeriod: false }, { type: 'NONE' }, '₹600.00 today, not refunded', 'आज ₹600.00, जो वापस नहीं किए जाएँगे'],
    [{ amount: inr(499_00), refunded: false, paysFirstPeriod: false }, { type: 'DAYS', days: 14, endsOn: '2026-12-15' }, '₹499.00 today, not refunded', 'आज ₹499.00, जो वापस नहीं किए जाएँगे'],
    [{ amount: inr(50_00), refunded: false, paysFirstPeriod: false }, { type: 'CYCLES', cycles: 3, amount: inr(99_00) }, '₹50.00 today, not refunded', 'आज ₹50.00, जो वापस नहीं किए जाएँगे'],
  ] as const)('%o with intro %o: "%s"', (today, intro, en, hi) => {
    const schedule = scheduleFixture({ today, intro })
    expect(line(schedule, 'today', 'en')).toBe(en)
    expect(line(schedule, 'today', 'hi')).toBe(hi)
  })

  const firstPeriod: Record<Interval, [string, string]> = {
    DAILY: ['₹99.00 today for your first day', 'आज ₹99.00, आपके पहले दिन के लिए'],
    WEEKLY: ['₹99.00 today for your first week', 'आज ₹99.00, आपके पहले सप्ताह के लिए'],
    FORTNIGHTLY: ['₹99.00 today for your first fortnight', 'आज ₹99.00, आपके पहले पखवाड़े के लिए'],
    MONTHLY: ['₹99.00 today for your first month', 'आज ₹99.00, आपके पहले महीने के लिए'],
    BIMONTHLY: ['₹99.00 today for your first 2 months', 'आज ₹99.00, आपके पहले 2 महीनों के लिए'],
    QUARTERLY: ['₹99.00 today for your first quarter', 'आज ₹99.00, आपकी पहली तिमाही के लिए'],
    HALFYEARLY: ['₹99.00 today for your first 6 months', 'आज ₹99.00, आपके पहले 6 महीनों के लिए'],
    YEARLY: ['₹99.00 today for your first year', 'आज ₹99.00, आपके पहले साल के लिए'],
    ASPRESENTED: ['₹99.00 today, not refunded', 'आज ₹99.00, जो वापस नहीं किए जाएँगे'],
  }
  it.each(INTERVALS)('a kept first discounted %s', (interval) => {
    const schedule = scheduleFixture({
      today: { amount: inr(99_00), refunded: false, paysFirstPeriod: true },
      intro: { type: 'CYCLES', cycles: 3, amount: inr(99_00) },
      recurring: recurring(interval),
    })
    expect([line(schedule, 'today', 'en'), line(schedule, 'today', 'hi')]).toEqual(firstPeriod[interval])
  })
})

describe('the introductory period', () => {
  it.each([
    [{ type: 'NONE' }, '', ''],
    [{ type: 'DAYS', days: 14, endsOn: '2026-12-15' }, 'Free for 14 days (until 15 Dec 2026)', '14 दिन मुफ़्त (15 दिस॰ 2026 तक)'],
    [{ type: 'DAYS', days: 1, endsOn: '2026-12-02' }, 'Free for 1 day (until 2 Dec 2026)', '1 दिन मुफ़्त (2 दिस॰ 2026 तक)'],
    [{ type: 'CYCLES', cycles: 3, amount: inr(0) }, 'Free for the first 3 months', 'पहले 3 महीने मुफ़्त'],
    [{ type: 'CYCLES', cycles: 1, amount: inr(0) }, 'Free for the first month', 'पहला महीना मुफ़्त'],
    [{ type: 'CYCLES', cycles: 3, amount: inr(99_00) }, '₹99.00 a month for the first 3 months', 'पहले 3 महीने ₹99.00 प्रति माह'],
    [{ type: 'CYCLES', cycles: 1, amount: inr(99_00) }, '₹99.00 a month for the first month', 'पहला महीना ₹99.00 प्रति माह'],
    [{ type: 'START_DATE', startsOn: '2026-12-11' }, 'Billing starts on 11 Dec 2026', 'बिलिंग 11 दिस॰ 2026 से शुरू होगी'],
  ] as const)('%o: "%s"', (intro, en, hi) => {
    expect(line(scheduleFixture({ intro }), 'intro', 'en')).toBe(en)
    expect(line(scheduleFixture({ intro }), 'intro', 'hi')).toBe(hi)
  })

  const cycles: Record<Interval, [free: string, paid: string, hindiFree: string, hindiPaid: string]> = {
    DAILY: ['Free for the first 3 days', '₹99.00 a day for the first 3 days', 'पहले 3 दिन मुफ़्त', 'पहले 3 दिन ₹99.00 प्रति दिन'],
    WEEKLY: ['Free for the first 3 weeks', '₹99.00 a week for the first 3 weeks', 'पहले 3 सप्ताह मुफ़्त', 'पहले 3 सप्ताह ₹99.00 प्रति सप्ताह'],
    FORTNIGHTLY: ['Free for the first 3 fortnights', '₹99.00 a fortnight for the first 3 fortnights', 'पहले 3 पखवाड़े मुफ़्त', 'पहले 3 पखवाड़े ₹99.00 प्रति पखवाड़ा'],
    MONTHLY: ['Free for the first 3 months', '₹99.00 a month for the first 3 months', 'पहले 3 महीने मुफ़्त', 'पहले 3 महीने ₹99.00 प्रति माह'],
    BIMONTHLY: ['Free for the first 6 months', '₹99.00 every 2 months for the first 6 months', 'पहले 6 महीने मुफ़्त', 'पहले 6 महीने ₹99.00 हर 2 महीने में'],
    QUARTERLY: ['Free for the first 3 quarters', '₹99.00 a quarter for the first 3 quarters', 'पहली 3 तिमाहियाँ मुफ़्त', 'पहली 3 तिमाहियाँ ₹99.00 प्रति तिमाही'],
    HALFYEARLY: ['Free for the first 18 months', '₹99.00 every 6 months for the first 18 months', 'पहले 18 महीने मुफ़्त', 'पहले 18 महीने ₹99.00 हर 6 महीने में'],
    YEARLY: ['Free for the first 3 years', '₹99.00 a year for the first 3 years', 'पहले 3 साल मुफ़्त', 'पहले 3 साल ₹99.00 प्रति वर्ष'],
    ASPRESENTED: ['Free for the first 3 debits', '₹99.00 per debit for the first 3 debits', 'पहली 3 कटौतियाँ मुफ़्त', 'पहली 3 कटौतियाँ ₹99.00 प्रति कटौती'],
  }
  it.each(INTERVALS)('three introductory cycles of %s, free and discounted', (interval) => {
    const free = scheduleFixture({ intro: { type: 'CYCLES', cycles: 3, amount: inr(0) }, recurring: recurring(interval) })
    const paid = scheduleFixture({ intro: { type: 'CYCLES', cycles: 3, amount: inr(99_00) }, recurring: recurring(interval) })
    expect([line(free, 'intro'), line(paid, 'intro'), line(free, 'intro', 'hi'), line(paid, 'intro', 'hi')]).toEqual(cycles[interval])
  })

  it.each(INTERVALS)('one introductory cycle of %s is singular', (interval) => {
    const one = scheduleFixture({ intro: { type: 'CYCLES', cycles: 1, amount: inr(0) }, recurring: recurring(interval) })
    const many = scheduleFixture({ intro: { type: 'CYCLES', cycles: 2, amount: inr(0) }, recurring: recurring(interval) })
    for (const locale of ['en', 'hi'] as const) expect(line(one, 'intro', locale)).not.toBe(line(many, 'intro', locale))
  })
})

describe('the debits up to the first at the regular price', () => {
  it('lists a few discounted debits, then the first regular one', () => {
    const schedule = scheduleFixture({
      today: { amount: inr(99_00), refunded: false, paysFirstPeriod: true },
      intro: { type: 'CYCLES', cycles: 3, amount: inr(99_00) },
      charges: [...monthlyCharges(2, 99_00, true), ...monthlyCharges(1, 499_00, false, 2)],
    })
    expect(lines(schedule)).toEqual([
      '₹99.00 today for your first month',
      '₹99.00 a month for the first 3 months',
      '₹99.00 on 5 Jan 2027',
      '₹99.00 on 5 Feb 2027',
      'First debit at the regular price: ₹499.00 on 5 Mar 2027',
      'Then ₹499.00 every month on the 5th',
      'Mandate limit: up to ₹1,000.00 per debit',
    ])
    expect(line(schedule, 'introDebit', 'hi')).toBe('5 जन॰ 2027 को ₹99.00 | 5 फ़र॰ 2027 को ₹99.00')
  })

  it('lists three introductory debits one by one', () => {
    const schedule = scheduleFixture({
      intro: { type: 'CYCLES', cycles: 3, amount: inr(99_00) },
      charges: [...monthlyCharges(3, 99_00, true), ...monthlyCharges(1, 499_00, false, 3)],
    })
    expect(described(schedule, 'en').lines.filter((l) => l.kind === 'introDebit')).toHaveLength(3)
  })

  it.each([
    [4, '₹99.00 on each of 4 debits, from 5 Jan 2027 to 5 Apr 2027', '5 जन॰ 2027 से 5 अप्रैल 2027 तक 4 कटौतियाँ, हर बार ₹99.00'],
    [60, '₹99.00 on each of 60 debits, from 5 Jan 2027 to 5 Dec 2031', '5 जन॰ 2027 से 5 दिस॰ 2031 तक 60 कटौतियाँ, हर बार ₹99.00'],
  ])('summarises a run of %i introductory debits in one line', (count, en, hi) => {
    const schedule = scheduleFixture({
      intro: { type: 'CYCLES', cycles: count, amount: inr(99_00) },
      charges: [...monthlyCharges(count, 99_00, true), ...monthlyCharges(1, 499_00, false, count)],
    })
    expect(line(schedule, 'introDebit', 'en')).toBe(en)
    expect(line(schedule, 'introDebit', 'hi')).toBe(hi)
    expect(lines(schedule)).toHaveLength(6)
    expect(line(schedule, 'firstDebit')).toBe(`First debit at the regular price: ₹499.00 on ${count === 4 ? '5 May 2027' : '5 Jan 2032'}`)
  })

  it('lists no debit for free introductory cycles, only the first regular one', () => {
    const schedule = scheduleFixture({ intro: { type: 'CYCLES', cycles: 3, amount: inr(0) }, charges: monthlyCharges(1, 499_00, false, 2) })
    expect(line(schedule, 'introDebit')).toBe('')
    expect(line(schedule, 'firstDebit')).toBe('First debit at the regular price: ₹499.00 on 5 Mar 2027')
  })

  it.each([
    [{ type: 'NONE' }, 'First debit: ₹499.00 on 5 Jan 2027', 'पहली कटौती: 5 जन॰ 2027 को ₹499.00'],
    [{ type: 'START_DATE', startsOn: '2027-01-05' }, 'First debit: ₹499.00 on 5 Jan 2027', 'पहली कटौती: 5 जन॰ 2027 को ₹499.00'],
    [{ type: 'DAYS', days: 14, endsOn: '2026-12-15' }, 'First debit at the regular price: ₹499.00 on 5 Jan 2027', 'नियमित कीमत पर पहली कटौती: 5 जन॰ 2027 को ₹499.00'],
  ] as const)('with intro %o the first debit reads "%s"', (intro, en, hi) => {
    expect(line(scheduleFixture({ intro }), 'firstDebit', 'en')).toBe(en)
    expect(line(scheduleFixture({ intro }), 'firstDebit', 'hi')).toBe(hi)
  })
})

describe('the regular amount, its interval and its debit day', () => {
  const expected: Record<Interval, [string, string]> = {
    DAILY: ['Then ₹499.00 every day', 'इसके बाद हर दिन ₹499.00'],
    WEEKLY: ['Then ₹499.00 every week on Friday', 'इसके बाद हर सप्ताह शुक्रवार को ₹499.00'],
    FORTNIGHTLY: ['Then ₹499.00 twice a month on the 5th and the 20th', 'इसके बाद महीने में दो बार 5 और 20 तारीख को ₹499.00'],
    MONTHLY: ['Then ₹499.00 every month on the 5th', 'इसके बाद हर महीने 5 तारीख को ₹499.00'],
    BIMONTHLY: ['Then ₹499.00 every 2 months on the 5th', 'इसके बाद हर 2 महीने में 5 तारीख को ₹499.00'],
    QUARTERLY: ['Then ₹499.00 every 3 months on the 5th', 'इसके बाद हर 3 महीने में 5 तारीख को ₹499.00'],
    HALFYEARLY: ['Then ₹499.00 every 6 months on the 5th', 'इसके बाद हर 6 महीने में 5 तारीख को ₹499.00'],
    YEARLY: ['Then ₹499.00 every year in January on the 5th', 'इसके बाद हर साल जनवरी में 5 तारीख को ₹499.00'],
    ASPRESENTED: ['Then ₹499.00 as Acme Fitness presents each debit, with no fixed dates', 'इसके बाद जब भी Acme Fitness कटौती का अनुरोध भेजे, हर बार ₹499.00; कोई तारीख तय नहीं है'],
  }
  it.each(INTERVALS)('%s', (interval) => {
    const rule = interval === 'DAILY' || interval === 'ASPRESENTED' ? recurring(interval, null, null) : recurring(interval)
    const schedule = scheduleFixture({ recurring: rule, charges: interval === 'ASPRESENTED' ? [] : scheduleFixture().charges })
    expect([line(schedule, 'recurring', 'en'), line(schedule, 'recurring', 'hi')]).toEqual(expected[interval])
  })

  it('gives nine different sentences in each language', () => {
    for (const index of [0, 1]) expect(new Set(INTERVALS.map((i) => expected[i][index])).size).toBe(INTERVALS.length)
  })

  it.each(RULE_TYPES.flatMap((ruleType) => (['en', 'hi'] as const).map((locale) => [ruleType, locale] as const)))('rule type %s in %s', (ruleType, locale) => {
    const words = { ON: ['on the 5th', '5 तारीख को ₹'], BEFORE: ['on or before the 5th', '5 तारीख को या उससे पहले ₹'], AFTER: ['on or after the 5th', '5 तारीख को या उसके बाद ₹'] }
    expect(line(scheduleFixture({ recurring: recurring('MONTHLY', ruleType) }), 'recurring', locale)).toContain(words[ruleType][locale === 'en' ? 0 : 1])
  })

  it.each([
    [1, 'Monday', 'सोमवार'],
    [2, 'Tuesday', 'मंगलवार'],
    [3, 'Wednesday', 'बुधवार'],
    [4, 'Thursday', 'गुरुवार'],
    [5, 'Friday', 'शुक्रवार'],
    [6, 'Saturday', 'शनिवार'],
    [7, 'Sunday', 'रविवार'],
  ])('weekly rule value %i is %s', (value, en, hi) => {
    const schedule = scheduleFixture({ recurring: recurring('WEEKLY', 'BEFORE', value) })
    expect(line(schedule, 'recurring', 'en')).toBe(`Then ₹499.00 every week on or before ${en}`)
    expect(line(schedule, 'recurring', 'hi')).toBe(`इसके बाद हर सप्ताह ${hi} को या उससे पहले ₹499.00`)
  })

  it('words a fortnightly 16 as the 15th and the month’s last day', () => {
    expect(line(scheduleFixture({ recurring: recurring('FORTNIGHTLY', 'ON', 16) }), 'recurring')).toBe(
      'Then ₹499.00 twice a month on the 15th and the last day of the month',
    )
  })

  it('notes short months for a debit day past the 28th', () => {
    const schedule = scheduleFixture({ recurring: recurring('MONTHLY', 'ON', 31), charges: [{ date: '2027-01-31', amount: inr(499_00), intro: false }] })
    expect(line(schedule, 'recurring')).toBe('Then ₹499.00 every month on the 31st')
    expect(line(schedule, 'note')).toBe('In months that have no 31st day, the debit falls on the last day of the month.')
  })

  it('names no day when the merchant set none', () => {
    expect(line(scheduleFixture({ recurring: recurring('MONTHLY', null, null) }), 'recurring')).toBe('Then ₹499.00 every month')
  })

  it('promises no date for ASPRESENTED: no debit line, only the regular amount as presented', () => {
    const schedule = scheduleFixture({ intro: { type: 'NONE' }, charges: [], recurring: recurring('ASPRESENTED', null, null) })
    expect(lines(schedule)).toEqual([
      '₹1.00 today to set up the mandate, refunded once it is active',
      'Then ₹499.00 as Acme Fitness presents each debit, with no fixed dates',
      'Mandate limit: up to ₹1,000.00 per debit',
    ])
  })
})

describe('the cap', () => {
  it('is the mandate’s limit per debit, apart from the price', () => {
    const schedule = scheduleFixture({ cap: inr(1_00_000_00) })
    expect(line(schedule, 'cap')).toBe('Mandate limit: up to ₹1,00,000.00 per debit')
    expect(line(schedule, 'cap', 'hi')).toBe('मैंडेट सीमा: हर कटौती पर अधिकतम ₹1,00,000.00')
    expect(lines(schedule).at(-1)).toBe(line(schedule, 'cap'))
  })
})
