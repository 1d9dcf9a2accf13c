import {
  AMOUNT_RULES,
  FREQUENCIES,
  RULE_TYPES,
  ruleValueRange,
  type AmountRule,
  type Frequency,
  type MandateTerms,
  type RuleType,
} from '../../../contract/mandate'
import { formatRupees, parseRupees } from './decimal'
import type { FieldErrors, RequestFields } from './fields'
import { bool, epochSeconds, integer, oneOf, text } from './parsers'

/** The mandate fields as sent, parsed but before defaults (what the request fingerprint covers). */
export interface MandateInput {
  maxAmountMinor?: number
  amountRule?: AmountRule
  frequency?: Frequency
  ruleType?: RuleType
  ruleValue?: number
  startDate?: number
  endDate?: number
  blockFunds?: boolean
  revokableByCustomer?: boolean
  description?: string
}

export const MANDATE_FIELD_NAMES = [
  'max_amount',
  'amount_rule',
  'frequency',
  'rule_type',
  'rule_value',
  'start_date',
  'end_date',
  'block_funds',
  'revokable_by_customer',
  'description',
] as const

const DAY_MS = 24 * 60 * 60 * 1000
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000
/** UPI AutoPay one-time mandates are valid for 90 days (docs/domain/upi.md#limits). */
const ONETIME_VALIDITY_MS = 90 * DAY_MS
/** [I] Juspay says the start must be "today"; we also allow a start up to a year ahead. */
const LATEST_START_MS = 365 * DAY_MS
const DEFAULT_VALIDITY_YEARS = 30

const parseAmountRule = oneOf(AMOUNT_RULES)
const parseFrequency = oneOf(FREQUENCIES)
const parseRuleType = oneOf(RULE_TYPES)
const parseRuleValue = integer(1, 31)
const parseMandateDescription = text({ max: 255, multiline: true })

export function readMandateInput(fields: RequestFields): MandateInput {
  return {
    maxAmountMinor: fields.read('mandate.max_amount', parseRupees),
    amountRule: fields.read('mandate.amount_rule', parseAmountRule),
    frequency: fields.read('mandate.frequency', parseFrequency),
    ruleType: fields.read('mandate.rule_type', parseRuleType),
    ruleValue: fields.read('mandate.rule_value', parseRuleValue),
    startDate: fields.read('mandate.start_date', epochSeconds),
    endDate: fields.read('mandate.end_date', epochSeconds),
    blockFunds: fields.read('mandate.block_funds', bool),
    revokableByCustomer: fields.read('mandate.revokable_by_customer', bool),
    description: fields.read('mandate.description', parseMandateDescription),
  }
}

/** Midnight of the current calendar day in India, as epoch milliseconds. */
export function startOfTodayIst(now: Date): number {
  const istMs = now.getTime() + IST_OFFSET_MS
  return istMs - (istMs % DAY_MS) - IST_OFFSET_MS
}

const addYears = (ms: number, years: number): number => {
  const date = new Date(ms)
  date.setUTCFullYear(date.getUTCFullYear() + years)
  return date.getTime()
}

const iso = (ms: number): string => new Date(ms).toISOString()

export interface MandateContext {
  /** The order amount in paise, or undefined when it was itself invalid. */
  amountMinor: number | undefined
  now: Date
}

/**
 * Applies Juspay's defaults and cross-field rules (docs/domain/juspay.md#mandate-fields) to the mandate fields of an order
 * that asked for a mandate. Returns null when any rule failed; every failure is in `errors`.
 */
export function resolveMandate(input: MandateInput, ctx: MandateContext, errors: FieldErrors): MandateTerms | null {
  const frequency = input.frequency ?? 'ASPRESENTED'
  const frequencyKnown = !errors.failed('mandate.frequency')
  const maxAmountMinor = checkMaxAmount(input, ctx, errors)
  const rule = frequencyKnown ? checkRule(input, frequency, errors) : null
  const dates = frequencyKnown ? checkDates(input, frequency, ctx.now, errors) : null
  const flags = frequencyKnown ? checkOneTimeFlags(input, frequency, errors) : null
  if (maxAmountMinor === null || !rule || !dates || !flags || errors.list().length > 0) return null
  return {
    maxAmount: { minor: maxAmountMinor, currency: 'INR' },
    // [I] FIXED only says every debit is exactly max_amount; the order amount is often a ₹1
    // registration charge, so it is not required to equal max_amount.
    amountRule: input.amountRule ?? 'VARIABLE',
    frequency,
    ruleType: rule.ruleType,
    ruleValue: rule.ruleValue,
    startDate: iso(dates.startMs),
    endDate: iso(dates.endMs),
    blockFunds: flags.blockFunds,
    revokableByCustomer: flags.revokableByCustomer,
  }
}

function checkMaxAmount(input: MandateInput, ctx: MandateContext, errors: FieldErrors): number | null {
  if (input.maxAmountMinor === undefined) {
    if (!errors.failed('mandate.max_amount')) {
      errors.add('mandate.max_amount', 'is required when options.create_mandate is given')
    }
    return null
  }
  if (ctx.amountMinor !== undefined && input.maxAmountMinor < ctx.amountMinor) {
    errors.add('mandate.max_amount', `must be at least the order amount (${formatRupees(ctx.amountMinor)})`)
    return null
  }
  return input.maxAmountMinor
}

function checkRule(
  input: MandateInput,
  frequency: Frequency,
  errors: FieldErrors,
): { ruleType: RuleType | null; ruleValue: number | null } | null {
  const range = ruleValueRange(frequency)
  if (!range) {
    // A debit day that the rails ignore would mislead the disclosure the customer approves.
    if (input.ruleValue !== undefined) errors.add('mandate.rule_value', `is not used with frequency ${frequency}; omit it`)
    if (input.ruleType !== undefined) errors.add('mandate.rule_type', `is not used with frequency ${frequency}; omit it`)
    return input.ruleValue === undefined && input.ruleType === undefined ? { ruleType: null, ruleValue: null } : null
  }
  if (input.ruleValue === undefined) {
    if (!errors.failed('mandate.rule_value')) {
      errors.add('mandate.rule_value', `is required with frequency ${frequency} (${range.min} to ${range.max})`)
    }
    return null
  }
  if (input.ruleValue < range.min || input.ruleValue > range.max) {
    errors.add('mandate.rule_value', `must be between ${range.min} and ${range.max} with frequency ${frequency}`)
    return null
  }
  // [I] Juspay echoes rule_type AFTER in its samples; we take it as the default when absent.
  return { ruleType: input.ruleType ?? 'AFTER', ruleValue: input.ruleValue }
}

function checkDates(
  input: MandateInput,
  frequency: Frequency,
  now: Date,
  errors: FieldErrors,
): { startMs: number; endMs: number } | null {
  const nowSecondsMs = Math.floor(now.getTime() / 1000) * 1000
  const startMs = input.startDate === undefined ? nowSecondsMs : input.startDate * 1000
  let valid = !errors.failed('mandate.start_date') && !errors.failed('mandate.end_date')
  if (startMs < startOfTodayIst(now)) {
    errors.add('mandate.start_date', 'must be today (India time) or later')
    valid = false
  } else if (startMs > now.getTime() + LATEST_START_MS) {
    errors.add('mandate.start_date', 'must be within 365 days from today')
    valid = false
  }
  const endMs = input.endDate === undefined ? defaultEnd(startMs, frequency) : input.endDate * 1000
  if (input.endDate !== undefined && endMs <= startMs) {
    errors.add('mandate.end_date', 'must be after mandate.start_date')
    valid = false
  } else if (frequency === 'ONETIME' && endMs > startMs + ONETIME_VALIDITY_MS) {
    errors.add('mandate.end_date', 'must be at most 90 days after mandate.start_date for a ONETIME mandate')
    valid = false
  }
  return valid ? { startMs, endMs } : null
}

function defaultEnd(startMs: number, frequency: Frequency): number {
  return frequency === 'ONETIME' ? startMs + ONETIME_VALIDITY_MS : addYears(startMs, DEFAULT_VALIDITY_YEARS)
}

function checkOneTimeFlags(
  input: MandateInput,
  frequency: Frequency,
  errors: FieldErrors,
): { blockFunds: boolean; revokableByCustomer: boolean } | null {
  const oneTime = frequency === 'ONETIME'
  const blockFunds = input.blockFunds ?? oneTime
  const revokableByCustomer = input.revokableByCustomer ?? true
  let valid = !errors.failed('mandate.block_funds') && !errors.failed('mandate.revokable_by_customer')
  if (blockFunds && !oneTime) {
    errors.add('mandate.block_funds', 'can be true only for a ONETIME mandate')
    valid = false
  }
  if (!revokableByCustomer && !oneTime) {
    errors.add('mandate.revokable_by_customer', 'can be false only for a ONETIME mandate')
    valid = false
  }
  return valid ? { blockFunds, revokableByCustomer } : null
}
