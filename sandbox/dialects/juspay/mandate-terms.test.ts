import { describe, expect, it } from 'vitest'
import type { MandateTerms } from '../../../contract/mandate'
import { FieldErrors, RequestFields } from './fields'
import { readMandateInput, resolveMandate, startOfTodayIst, type MandateInput } from './mandate-terms'
import { DAY_SECONDS, NOW, NOW_SECONDS } from '../../testing/juspay-dialect'

const START_OF_TODAY_IST = Date.parse('2026-03-09T18:30:00.000Z') / 1000

function resolve(input: MandateInput, amountMinor = 100) {
  const errors = new FieldErrors()
  const terms = resolveMandate({ maxAmountMinor: 100000, ...input }, { amountMinor, now: NOW }, errors)
  return { terms, errors: errors.list() }
}

function resolved(input: MandateInput): MandateTerms {
  const { terms, errors } = resolve(input)
  expect(errors).toEqual([])
  if (!terms) throw new Error('expected terms')
  return terms
}

describe('readMandateInput', () => {
  it('reads every mandate field under its dotted name, as a form body sends it', () => {
    const errors = new FieldErrors()
    const fields = new RequestFields(
      {
        'mandate.max_amount': '1500.50',
        'mandate.amount_rule': 'FIXED',
        'mandate.frequency': 'MONTHLY',
        'mandate.rule_type': 'ON',
        'mandate.rule_value': '5',
        'mandate.start_date': String(NOW_SECONDS),
        'mandate.end_date': String(NOW_SECONDS + DAY_SECONDS),
        'mandate.block_funds': 'false',
        'mandate.revokable_by_customer': 'true',
        'mandate.description': 'Gym membership',
      },
      errors,
    )
    expect(readMandateInput(fields)).toEqual({
      maxAmountMinor: 150050,
      amountRule: 'FIXED',
      frequency: 'MONTHLY',
      ruleType: 'ON',
      ruleValue: 5,
      startDate: NOW_SECONDS,
      endDate: NOW_SECONDS + DAY_SECONDS,
      blockFunds: false,
      revokableByCustomer: true,
      description: 'Gym membership',
    })
    expect(errors.list()).toEqual([])
  })
})

describe('startOfTodayIst', () => {
  it.each([
    ['2026-03-10T06:30:00.000Z', '2026-03-09T18:30:00.000Z'],
    ['2026-03-09T18:30:00.000Z', '2026-03-09T18:30:00.000Z'],
    ['2026-03-09T18:29:59.000Z', '2026-03-08T18:30:00.000Z'],
  ])('at %s the IST day began at %s', (now, start) => {
    expect(new Date(startOfTodayIst(new Date(now))).toISOString()).toBe(start)
  })
})

describe('mandate defaults', () => {
  it('fills Juspay defaults for a bare mandate', () => {
    expect(resolved({})).toEqual({
      maxAmount: { minor: 100000, currency: 'INR' },
      amountRule: 'VARIABLE',
      frequency: 'ASPRESENTED',
      ruleType: null,
      ruleValue: null,
      startDate: NOW.toISOString(),
      endDate: '2056-03-10T06:30:00.000Z',
      blockFunds: false,
      revokableByCustomer: true,
    })
  })

  it('gives ONETIME a 90-day validity and blocked funds', () => {
    const terms = resolved({ frequency: 'ONETIME' })
    expect(terms.endDate).toBe(new Date((NOW_SECONDS + 90 * DAY_SECONDS) * 1000).toISOString())
    expect(terms.blockFunds).toBe(true)
    expect(terms.revokableByCustomer).toBe(true)
  })

  it('infers rule_type AFTER when a debit day is given without one', () => {
    expect(resolved({ frequency: 'MONTHLY', ruleValue: 5 })).toMatchObject({ ruleType: 'AFTER', ruleValue: 5 })
  })

  it('keeps FIXED without requiring max_amount to equal the (₹1 registration) amount', () => {
    expect(resolved({ amountRule: 'FIXED' }).amountRule).toBe('FIXED')
  })

  it('keeps explicit dates as ISO instants', () => {
    const terms = resolved({ startDate: NOW_SECONDS + DAY_SECONDS, endDate: NOW_SECONDS + 400 * DAY_SECONDS })
    expect(terms.startDate).toBe('2026-03-11T06:30:00.000Z')
    expect(terms.endDate).toBe('2027-04-14T06:30:00.000Z')
  })

  it('accepts the OTM recipe', () => {
    expect(resolved({ frequency: 'ONETIME', blockFunds: true, revokableByCustomer: false })).toMatchObject({
      blockFunds: true,
      revokableByCustomer: false,
    })
  })
})

describe('rule_value per frequency', () => {
  it.each([
    ['WEEKLY', 1],
    ['WEEKLY', 7],
    ['FORTNIGHTLY', 16],
    ['MONTHLY', 31],
    ['BIMONTHLY', 1],
    ['QUARTERLY', 15],
    ['HALFYEARLY', 28],
    ['YEARLY', 31],
  ] as const)('%s accepts %i', (frequency, ruleValue) => {
    expect(resolved({ frequency, ruleValue, ruleType: 'ON' })).toMatchObject({ frequency, ruleValue, ruleType: 'ON' })
  })

  it.each([
    ['WEEKLY', 7],
    ['FORTNIGHTLY', 16],
    ['MONTHLY', 31],
    ['BIMONTHLY', 31],
    ['QUARTERLY', 31],
    ['HALFYEARLY', 31],
    ['YEARLY', 31],
  ] as const)('%s takes a debit day from 1 to %i, and nothing outside it', (frequency, max) => {
    for (const ruleValue of [1, max]) expect(resolve({ frequency, ruleValue }).errors).toEqual([])
    for (const ruleValue of [0, max + 1]) {
      expect(resolve({ frequency, ruleValue }).errors).toEqual([
        { field_name: 'mandate.rule_value', reason: `must be between 1 and ${max} with frequency ${frequency}` },
      ])
    }
  })

  it.each([
    ['WEEKLY', 8, 'between 1 and 7'],
    ['FORTNIGHTLY', 17, 'between 1 and 16'],
    ['MONTHLY', undefined, 'is required'],
    ['YEARLY', undefined, 'is required'],
  ] as const)('%s refuses %j', (frequency, ruleValue, reason) => {
    const { terms, errors } = resolve({ frequency, ruleValue })
    expect(terms).toBeNull()
    expect(errors).toEqual([{ field_name: 'mandate.rule_value', reason: expect.stringContaining(reason) as string }])
  })

  it.each(['ONETIME', 'DAILY', 'ASPRESENTED'] as const)('%s refuses a debit day it would ignore', (frequency) => {
    const { errors } = resolve({ frequency, ruleValue: 5, ruleType: 'ON' })
    expect(errors).toEqual([
      { field_name: 'mandate.rule_value', reason: `is not used with frequency ${frequency}; omit it` },
      { field_name: 'mandate.rule_type', reason: `is not used with frequency ${frequency}; omit it` },
    ])
  })
})

describe('mandate rules', () => {
  it.each<[string, MandateInput, string, string]>([
    ['max below amount', { maxAmountMinor: 50 }, 'mandate.max_amount', 'at least the order amount'],
    ['start before today (IST)', { startDate: START_OF_TODAY_IST - 1 }, 'mandate.start_date', 'today'],
    ['start more than a year ahead', { startDate: NOW_SECONDS + 366 * DAY_SECONDS }, 'mandate.start_date', '365 days'],
    ['end before start', { endDate: NOW_SECONDS - 60 }, 'mandate.end_date', 'after mandate.start_date'],
    ['end equal to start', { startDate: NOW_SECONDS, endDate: NOW_SECONDS }, 'mandate.end_date', 'after mandate.start_date'],
    ['ONETIME past 90 days', { frequency: 'ONETIME', endDate: NOW_SECONDS + 91 * DAY_SECONDS }, 'mandate.end_date', '90 days'],
    ['blocked funds on a recurring mandate', { frequency: 'MONTHLY', ruleValue: 1, blockFunds: true }, 'mandate.block_funds', 'ONETIME'],
    ['irrevocable recurring mandate', { revokableByCustomer: false }, 'mandate.revokable_by_customer', 'ONETIME'],
  ])('refuses %s', (_, input, field, reason) => {
    const { terms, errors } = resolve(input)
    expect(terms).toBeNull()
    expect(errors).toEqual([{ field_name: field, reason: expect.stringContaining(reason) as string }])
  })

  it('accepts max_amount equal to the order amount (a fixed-price subscription)', () => {
    const { terms, errors } = resolve({ maxAmountMinor: 49900 }, 49900)
    expect(errors).toEqual([])
    expect(terms?.maxAmount).toEqual({ minor: 49900, currency: 'INR' })
  })

  it('accepts a start exactly 365 days ahead', () => {
    expect(resolved({ startDate: NOW_SECONDS + 365 * DAY_SECONDS }).startDate).toBe('2027-03-10T06:30:00.000Z')
  })

  it('accepts a start earlier today (IST)', () => {
    expect(resolved({ startDate: START_OF_TODAY_IST }).startDate).toBe('2026-03-09T18:30:00.000Z')
  })

  it('requires max_amount', () => {
    const errors = new FieldErrors()
    expect(resolveMandate({}, { amountMinor: 100, now: NOW }, errors)).toBeNull()
    expect(errors.list()).toEqual([{ field_name: 'mandate.max_amount', reason: expect.stringContaining('required') as string }])
  })

  it('collects every failing rule at once', () => {
    const { errors } = resolve({ maxAmountMinor: 1, frequency: 'WEEKLY', revokableByCustomer: false, endDate: NOW_SECONDS - 5 })
    expect(errors.map((e) => e.field_name).sort()).toEqual([
      'mandate.end_date',
      'mandate.max_amount',
      'mandate.revokable_by_customer',
      'mandate.rule_value',
    ])
  })
})

describe('mandate fields that already failed to parse', () => {
  /** Resolves with `field` already refused by its parser (so absent from the input), as request parsing leaves it. */
  function afterParseFailure(field: string, input: MandateInput) {
    const errors = new FieldErrors()
    errors.add(field, 'could not be read')
    const terms = resolveMandate({ maxAmountMinor: 100000, ...input }, { amountMinor: 100, now: NOW }, errors)
    return { terms, errors: errors.list() }
  }

  it.each<[string, MandateInput]>([
    ['mandate.max_amount', { maxAmountMinor: undefined }],
    ['mandate.rule_value', { frequency: 'MONTHLY' }],
    // An unknown frequency: no rule is checked against the default it would otherwise take.
    ['mandate.frequency', { ruleValue: 5, ruleType: 'ON' }],
  ])('reports %s once, with no second error for its absence', (field, input) => {
    expect(afterParseFailure(field, input)).toEqual({ terms: null, errors: [{ field_name: field, reason: 'could not be read' }] })
  })

  it('gives no terms when a field the rules do not read failed', () => {
    expect(afterParseFailure('mandate.description', {})).toEqual({
      terms: null,
      errors: [{ field_name: 'mandate.description', reason: 'could not be read' }],
    })
  })
})
