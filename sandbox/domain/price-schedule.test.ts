import { describe, expect, it } from 'vitest'
import { monthlyPlan } from '../testing/fixtures'
import { creditedCharges, debitDayAfter, planStart, priceSchedule, type CreditedTerms, type ScheduleTerms } from './price-schedule'

/** 10:00 IST on a date, as the instant a session was created. */
const at = (date: string, time = '10:00:00'): Date => new Date(`${date}T${time}+05:30`)

const monthly = (overrides: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  at: at('2026-12-01'),
  plan: { id: 'fit_monthly', name: 'Fit monthly', description: '' },
  interval: 'MONTHLY',
  ruleType: 'ON',
  ruleValue: 5,
  recurringMinor: 49_900,
  capMinor: 100_000,
  today: { minor: 100, refunded: true, paysFirstPeriod: false },
  intro: { type: 'NONE' },
  ...overrides,
})

const dates = (terms: ScheduleTerms) => priceSchedule(terms).charges.map((c) => `${c.date} ${c.amount.minor}${c.intro ? ' intro' : ''}`)

describe('priceSchedule: when the debits fall', () => {
  it.each<[string, Partial<ScheduleTerms>, string[]]>([
    ['no intro: the next debit day after today', {}, ['2026-12-05 49900']],
    ['no intro, today is the debit day: next month', { at: at('2026-12-05') }, ['2027-01-05 49900']],
    ['no debit day: same day next month', { ruleType: null, ruleValue: null }, ['2027-01-01 49900']],
    ['day 31 from a 30-day month start falls on the 31st', { ruleValue: 31, at: at('2026-12-01') }, ['2026-12-31 49900']],
    ['day 31 after 31 Jan falls on 28 Feb', { ruleValue: 31, at: at('2027-01-31') }, ['2027-02-28 49900']],
    ['day 30 in a leap February falls on the 29th', { ruleValue: 30, at: at('2028-02-01') }, ['2028-02-29 49900']],
    ['day 29 in a common February falls on the 28th', { ruleValue: 29, at: at('2027-02-10') }, ['2027-02-28 49900']],
    ['yearly on 29 from a leap day anchors on 28 Feb next year', { interval: 'YEARLY', ruleValue: null, ruleType: null, at: at('2028-02-29') }, ['2029-02-28 49900']],
    ['daily: tomorrow', { interval: 'DAILY', ruleType: null, ruleValue: null }, ['2026-12-02 49900']],
    ['weekly on Monday (1) from a Tuesday', { interval: 'WEEKLY', ruleValue: 1 }, ['2026-12-07 49900']],
    ['fortnightly 16 means the 15th and the month end', { interval: 'FORTNIGHTLY', ruleValue: 16, at: at('2026-12-20') }, ['2026-12-31 49900']],
    ['fortnightly on the 5th and 20th: a debit day falling tomorrow is the first', { interval: 'FORTNIGHTLY', ruleValue: 5, at: at('2026-12-04') }, ['2026-12-05 49900']],
    ['fortnightly, no debit day, begun on the 3rd: the 3rd and the 18th', { interval: 'FORTNIGHTLY', ruleType: null, ruleValue: null, at: at('2026-12-03') }, ['2026-12-18 49900']],
    ['fortnightly, no debit day, begun after the 16th: the 15th and the month end', { interval: 'FORTNIGHTLY', ruleType: null, ruleValue: null, at: at('2026-12-20') }, ['2026-12-31 49900']],
    ['quarterly on the 5th after the 5th has passed waits a quarter', { interval: 'QUARTERLY', at: at('2026-12-10') }, ['2027-03-05 49900']],
    ['as presented: no date can be promised', { interval: 'ASPRESENTED', ruleType: null, ruleValue: null }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(dates(monthly(overrides))).toEqual(expected)
  })

  it.each<[string, Date, string]>([
    ['18:29:59 UTC is still the day before in India', new Date('2026-12-04T18:29:59Z'), '2026-12-05 49900'],
    ['18:30 UTC is midnight IST: the debit day itself, so next month', new Date('2026-12-04T18:30:00Z'), '2027-01-05 49900'],
  ])('a session created at IST midnight: %s', (_name, instant, expected) => {
    expect(dates(monthly({ at: instant }))).toEqual([expected])
  })
})

describe('priceSchedule: introductory periods', () => {
  it.each<[string, Partial<ScheduleTerms>, string[]]>([
    ['14 free days, no debit day: the day they end', { ruleType: null, ruleValue: null, intro: { type: 'DAYS', days: 14 } }, ['2026-12-15 49900']],
    ['14 free days, debit day 5: the first 5th on or after they end', { intro: { type: 'DAYS', days: 14 } }, ['2027-01-05 49900']],
    ['free days ending on the debit day bill that day', { intro: { type: 'DAYS', days: 4 } }, ['2026-12-05 49900']],
    ['3 cycles at ₹99 on the 5th, then the regular amount', { intro: { type: 'CYCLES', cycles: 3, minor: 9_900 } }, ['2026-12-05 9900 intro', '2027-01-05 9900 intro', '2027-02-05 9900 intro', '2027-03-05 49900']],
    ['2 free cycles take two debit days and list no debit until the regular one', { intro: { type: 'CYCLES', cycles: 2, minor: 0 } }, ['2027-02-05 49900']],
    ['a discounted first period paid today counts as a cycle; the next debit waits a period', { today: { minor: 9_900, refunded: false, paysFirstPeriod: true }, intro: { type: 'CYCLES', cycles: 2, minor: 9_900 } }, ['2027-01-05 9900 intro', '2027-02-05 49900']],
    ['a single discounted period paid today: the regular amount a period later', { today: { minor: 9_900, refunded: false, paysFirstPeriod: true }, intro: { type: 'CYCLES', cycles: 1, minor: 9_900 } }, ['2027-01-05 49900']],
    ['a first period paid today with no debit day: a month to the day', { ruleType: null, ruleValue: null, today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2027-01-01 49900']],
    ['a first period paid on 31 Jan ends on 28 Feb', { ruleType: null, ruleValue: null, at: at('2027-01-31'), today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2027-02-28 49900']],
    ['a first period paid on 10 Mar with debits on the 5th: 5 Apr is nearer its end than 5 May', { at: at('2027-03-10'), today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2027-04-05 49900']],
    ['a quarter paid on 31 Mar with debits on the 28th: 28 Jun', { interval: 'QUARTERLY', ruleValue: 28, at: at('2027-03-31'), today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2027-06-28 49900']],
    ['a day paid today: the next debit tomorrow', { interval: 'DAILY', ruleType: null, ruleValue: null, today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2026-12-02 49900']],
    // The period paid on 31 Jan ends on 28 Feb, 14 days after 14 Feb and 14 before 14 Mar: the later wins the tie.
    ['a tie between two debit days goes to the later', { ruleValue: 14, at: at('2027-01-31'), today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2027-03-14 49900']],
    ['a weekly period paid today: a week later on the debit weekday', { interval: 'WEEKLY', ruleValue: 2, today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, ['2026-12-08 49900']],
    ['a paid period paid today, as presented: no date', { interval: 'ASPRESENTED', ruleType: null, ruleValue: null, today: { minor: 49_900, refunded: false, paysFirstPeriod: true } }, []],
    ['a start date on the debit day bills that day', { intro: { type: 'START_DATE', at: at('2027-01-05', '00:00:00') } }, ['2027-01-05 49900']],
    ['a start date between debit days bills the next debit day', { intro: { type: 'START_DATE', at: at('2026-12-11') } }, ['2027-01-05 49900']],
    ['a start date with no debit day bills on that date', { ruleType: null, ruleValue: null, intro: { type: 'START_DATE', at: at('2026-12-11') } }, ['2026-12-11 49900']],
  ])('%s', (_name, overrides, expected) => {
    expect(dates(monthly(overrides))).toEqual(expected)
  })

  it('names the intro as the page shows it', () => {
    expect(priceSchedule(monthly()).intro).toEqual({ type: 'NONE' })
    expect(priceSchedule(monthly({ intro: { type: 'DAYS', days: 14 } })).intro).toEqual({ type: 'DAYS', days: 14, endsOn: '2026-12-15' })
    expect(priceSchedule(monthly({ intro: { type: 'START_DATE', at: new Date('2026-12-10T18:30:00Z') } })).intro).toEqual({
      type: 'START_DATE',
      startsOn: '2026-12-11',
    })
    expect(priceSchedule(monthly({ intro: { type: 'CYCLES', cycles: 3, minor: 9_900 } })).intro).toEqual({
      type: 'CYCLES',
      cycles: 3,
      amount: { minor: 9_900, currency: 'INR' },
    })
  })

  it('carries today, the recurring amount and the cap as given', () => {
    const schedule = priceSchedule(monthly())
    expect(schedule.today).toEqual({ amount: { minor: 100, currency: 'INR' }, refunded: true, paysFirstPeriod: false })
    expect(schedule.recurring).toEqual({ amount: { minor: 49_900, currency: 'INR' }, interval: 'MONTHLY', ruleType: 'ON', ruleValue: 5 })
    expect(schedule.cap).toEqual({ minor: 100_000, currency: 'INR' })
  })

  it('keeps the 31st after a first period paid on 31 Jan ends on 28 Feb', () => {
    const charges = priceSchedule(
      monthly({ ruleType: null, ruleValue: null, at: at('2027-01-31'), today: { minor: 9_900, refunded: false, paysFirstPeriod: true }, intro: { type: 'CYCLES', cycles: 3, minor: 9_900 } }),
    ).charges
    expect(charges.map((c) => c.date)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30'])
  })

  it('lists sixty discounted cycles and the regular one without losing a month', () => {
    const charges = priceSchedule(monthly({ ruleValue: 31, intro: { type: 'CYCLES', cycles: 60, minor: 100 } })).charges
    expect(charges).toHaveLength(61)
    expect(charges.slice(0, 4).map((c) => c.date)).toEqual(['2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31'])
    expect(charges.at(-1)).toEqual({ date: '2031-12-31', amount: { minor: 49_900, currency: 'INR' }, intro: false })
  })
})

describe('creditedCharges: the debits after a plan change, credit taken off in turn', () => {
  type Row = [name: string, terms: Omit<CreditedTerms, 'interval'> & { interval?: CreditedTerms['interval'] }, expected: [date: string, rupees: number][]]
  const ROWS: Row[] = [
    ['no credit: the first debit at the full amount', { first: '2026-04-05', ruleValue: 5, amountMinor: 49900, creditMinor: 0 }, [['2026-04-05', 499]]],
    ['credit below one debit', { first: '2026-04-05', ruleValue: 5, amountMinor: 49900, creditMinor: 17560 }, [['2026-04-05', 323.4], ['2026-05-05', 499]]],
    ['credit of exactly one debit: ₹0, then the full amount', { first: '2026-04-05', ruleValue: 5, amountMinor: 49900, creditMinor: 49900 }, [['2026-04-05', 0], ['2026-05-05', 499]]],
    [
      'credit over two and a half debits',
      { first: '2026-04-05', ruleValue: 5, amountMinor: 9900, creditMinor: 25000 },
      [['2026-04-05', 0], ['2026-05-05', 0], ['2026-06-05', 47], ['2026-07-05', 99]],
    ],
    // The new day nearest a month after 5 April: 28 April is 7 days before 5 May, 28 May 23 after.
    ['a new debit day before the period ends', { first: '2026-04-05', ruleValue: 28, amountMinor: 49900, creditMinor: 60000 }, [['2026-04-05', 0], ['2026-04-28', 398], ['2026-05-28', 499]]],
    ['a new debit day after it', { first: '2026-04-05', ruleValue: 10, amountMinor: 49900, creditMinor: 49900 }, [['2026-04-05', 0], ['2026-05-10', 499]]],
    ['the 31st keeps its day after a short month', { first: '2027-01-31', ruleValue: 31, amountMinor: 10000, creditMinor: 25000 }, [['2027-01-31', 0], ['2027-02-28', 0], ['2027-03-31', 50], ['2027-04-30', 100]]],
    ['weekly on Mondays', { first: '2026-11-30', ruleValue: 1, amountMinor: 9900, creditMinor: 10000, interval: 'WEEKLY' }, [['2026-11-30', 0], ['2026-12-07', 98], ['2026-12-14', 99]]],
    ['a free plan: one debit at ₹0, whatever the credit', { first: '2026-04-05', ruleValue: 5, amountMinor: 0, creditMinor: 5000 }, [['2026-04-05', 0]]],
    ['yearly, no debit day: the anchor\'s date', { first: '2028-02-29', ruleValue: null, amountMinor: 499900, creditMinor: 100000, interval: 'YEARLY' }, [['2028-02-29', 3999], ['2029-02-28', 4999]]],
  ]

  it.each(ROWS)('%s', (_name, { interval = 'MONTHLY', ...terms }, expected) => {
    const charges = creditedCharges({ interval, ...terms })
    expect(charges.map((c) => [c.date, c.amount.minor / 100])).toEqual(expected)
    expect(charges.every((c) => !c.intro && c.amount.currency === 'INR')).toBe(true)
  })
})

describe('debitDayAfter: the cycles past the listed charges', () => {
  it.each<[string, Parameters<typeof debitDayAfter>, string]>([
    ['monthly on the 5th, the day after a debit', ['MONTHLY', 5, '2026-12-05', '2026-12-05'], '2027-01-05'],
    ['monthly on the 31st keeps the anchor after a short month', ['MONTHLY', 31, '2027-01-31', '2027-02-28'], '2027-03-31'],
    ['weekly, no debit day: the anchor\'s weekday', ['WEEKLY', null, '2026-12-06', '2026-12-06'], '2026-12-13'],
    ['daily: the next day', ['DAILY', null, '2026-12-31', '2026-12-31'], '2027-01-01'],
  ])('%s', (_name, args, expected) => {
    expect(debitDayAfter(...args)).toBe(expected)
  })
})

describe('planStart: what a plan checkout charges today and which intro follows', () => {
  const AUTHORISATION = 100
  const authorisation = { minor: AUTHORISATION, refunded: true, paysFirstPeriod: false }
  const startsAt = new Date('2027-01-10T00:00:00+05:30')

  it.each<[string, Parameters<typeof planStart>, ReturnType<typeof planStart>]>([
    ['no intro: the first period at the regular amount', [monthlyPlan(), 49_900, 1, null, AUTHORISATION], { today: { minor: 49_900, refunded: false, paysFirstPeriod: true }, intro: { type: 'NONE' } }],
    ['free days: only the authorisation, refunded', [monthlyPlan({ intro: { type: 'DAYS', days: 14 } }), 49_900, 1, null, AUTHORISATION], { today: authorisation, intro: { type: 'DAYS', days: 14 } }],
    [
      'discounted cycles: the first at the intro price times the quantity',
      [monthlyPlan({ intro: { type: 'CYCLES', cycles: 3, paise: 9_900 } }), 99_800, 2, null, AUTHORISATION],
      { today: { minor: 19_800, refunded: false, paysFirstPeriod: true }, intro: { type: 'CYCLES', cycles: 3, minor: 19_800 } },
    ],
    ['free cycles: only the authorisation', [monthlyPlan({ intro: { type: 'CYCLES', cycles: 2, paise: 0 } }), 49_900, 1, null, AUTHORISATION], { today: authorisation, intro: { type: 'CYCLES', cycles: 2, minor: 0 } }],
    ['a later start overrides the plan\'s intro', [monthlyPlan({ intro: { type: 'CYCLES', cycles: 3, paise: 9_900 } }), 49_900, 1, startsAt, AUTHORISATION], { today: authorisation, intro: { type: 'START_DATE', at: startsAt } }],
  ])('%s', (_name, args, expected) => {
    expect(planStart(...args)).toEqual(expected)
  })
})
