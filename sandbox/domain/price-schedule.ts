import type { BillingInterval, IstDate, PriceSchedule, ScheduledCharge } from '../../contract/billing'
import type { RuleType } from '../../contract/mandate'
import type { Plan } from '../../contract/plan'
import { inr } from '../../contract/money'

/**
 * The one computation of what a subscription will charge and when (docs/domain/billing.md#the-price-schedule,
 * docs/decisions/0011-one-price-schedule.md). Pure: calendar arithmetic on IST dates, no clock.
 */

/** How the subscription starts below full price, as the dialect read it. */
export type IntroTerms =
  | { type: 'NONE' }
  | { type: 'DAYS'; days: number }
  | { type: 'CYCLES'; cycles: number; minor: number }
  | { type: 'START_DATE'; at: Date }


export interface ScheduleTerms {
  /** The session's creation: the schedule's "today". */
  at: Date
  plan: PriceSchedule['plan']
  interval: BillingInterval
  /** The debit day; both null where the interval has none (DAILY, ASPRESENTED) or the merchant set none. */
  ruleType: RuleType | null
  ruleValue: number | null
  /** The regular amount of each debit, in paise. */
  recurringMinor: number
  capMinor: number
  today: {
    minor: number
    refunded: boolean
    /**
     * Today's debit pays the first period (a checkout session's first period, discounted or not):
     * the debits after today begin when that period ends, and it counts as one intro cycle.
     */
    paysFirstPeriod: boolean
  }
  intro: IntroTerms
}

/** A calendar day: a Date at 00:00 UTC standing for that date in India. */
type Day = Date

const DAY_MS = 24 * 3600 * 1000
/** India has one time zone and no daylight saving: IST is always UTC+05:30. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

const istDay = (instant: Date): Day => {
  const shifted = new Date(instant.getTime() + IST_OFFSET_MS)
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()))
}
const addDays = (day: Day, days: number): Day => new Date(day.getTime() + days * DAY_MS)
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
/** The day of a month, or the month's last day when it has fewer (31 → 30 April, 28 or 29 February). */
const dayOfMonth = (y: number, m: number, d: number): Day => new Date(Date.UTC(y, m, Math.min(d, daysInMonth(y, m))))
/** Monday 1 … Sunday 7, as a weekly mandate's rule_value counts. */
const weekday = (day: Day): number => (day.getUTCDay() === 0 ? 7 : day.getUTCDay())
const format = (day: Day): IstDate => day.toISOString().slice(0, 10)

const MONTH_STEP = { MONTHLY: 1, BIMONTHLY: 2, QUARTERLY: 3, HALFYEARLY: 6, YEARLY: 12 } as const

/** The day one period after `day`: the period today's charge paid ends there. */
function periodAfter(interval: Exclude<BillingInterval, 'ASPRESENTED'>, day: Day): Day {
  switch (interval) {
    case 'DAILY':
      return addDays(day, 1)
    case 'WEEKLY':
      return addDays(day, 7)
    case 'FORTNIGHTLY':
      return addDays(day, 14)
    default:
      return dayOfMonth(day.getUTCFullYear(), day.getUTCMonth() + MONTH_STEP[interval], day.getUTCDate())
  }
}

/**
 * The debit days on or after `from`, in order, for as long as asked. With no debit day the
 * schedule keeps the anchor's own day (weekday, day of month) and its months: a yearly plan begun
 * in February bills in February. A month-based day keeps its anchor: the 31st falls on 30 April,
 * then on 31 May again.
 */
function* debitDays(interval: Exclude<BillingInterval, 'ASPRESENTED'>, ruleValue: number | null, anchor: Day, from: Day): Generator<Day> {
  switch (interval) {
    case 'DAILY':
      for (let day = from; ; day = addDays(day, 1)) yield day
    case 'WEEKLY': {
      const target = ruleValue ?? weekday(anchor)
      for (let day = addDays(from, (target - weekday(from) + 7) % 7); ; day = addDays(day, 7)) yield day
    }
    case 'FORTNIGHTLY': {
      const v = ruleValue ?? Math.min(anchor.getUTCDate(), 16)
      const [first, second] = v === 16 ? [15, 31] : [v, v + 15]
      for (let m = from.getUTCMonth(); ; m++) {
        for (const d of [first, second]) {
          const day = dayOfMonth(from.getUTCFullYear(), m, d)
          if (day >= from) yield day
        }
      }
    }
    default: {
      const step = MONTH_STEP[interval]
      const day = ruleValue ?? anchor.getUTCDate()
      const y = anchor.getUTCFullYear()
      for (let m = anchor.getUTCMonth(); ; m += step) {
        const due = dayOfMonth(y, m, day)
        if (due >= from) yield due
      }
    }
  }
}

function take(days: Generator<Day>, count: number): Day[] {
  const out: Day[] = []
  for (const day of days) {
    if (out.length === count) break
    out.push(day)
  }
  return out
}

interface Billing {
  /** The day whose weekday or day of month the debits keep when the merchant set no debit day. */
  anchor: Day
  /** The first day a debit may fall on. */
  from: Day
  /** Introductory debits still to come, and their amount. */
  introCharges: number
  introMinor: number
}

/**
 * When today's charge pays the first period, the next debit falls on the debit day nearest the
 * day that period ends (a month after today for a monthly plan; the later one on a tie). So the
 * first period is never more than half a period shorter or longer than the rest: paid on 1 Dec
 * with debits on the 5th, the next is 5 Jan, not 5 Dec; paid on 10 Mar, it is 5 Apr, not 5 May.
 */
function afterPaidPeriod(interval: Exclude<BillingInterval, 'ASPRESENTED'>, ruleValue: number | null, today: Day): Day {
  const ends = periodAfter(interval, today)
  let before: Day | null = null
  for (const day of debitDays(interval, ruleValue, today, addDays(today, 1))) {
    if (day >= ends) return before && ends.getTime() - before.getTime() < day.getTime() - ends.getTime() ? before : day
    before = day
  }
  return ends
}

/**
 * Where the debits after today begin: after today, or at the end of the period today's charge
 * paid, after the free days, or at the start date.
 */
function billingFrom(terms: ScheduleTerms, today: Day): Billing {
  const from =
    terms.today.paysFirstPeriod && terms.interval !== 'ASPRESENTED' ? afterPaidPeriod(terms.interval, terms.ruleValue, today) : addDays(today, 1)
  const afterToday = { anchor: today, from, introCharges: 0, introMinor: 0 }
  switch (terms.intro.type) {
    case 'NONE':
      return afterToday
    case 'DAYS': {
      const ends = addDays(today, terms.intro.days)
      return { ...afterToday, anchor: ends, from: ends }
    }
    case 'START_DATE': {
      const starts = istDay(terms.intro.at)
      return { ...afterToday, anchor: starts, from: starts }
    }
    case 'CYCLES': {
      const remaining = terms.intro.cycles - (terms.today.paysFirstPeriod ? 1 : 0)
      return { ...afterToday, introCharges: remaining, introMinor: terms.intro.minor }
    }
  }
}

function introView(terms: ScheduleTerms, today: Day): PriceSchedule['intro'] {
  switch (terms.intro.type) {
    case 'NONE':
      return { type: 'NONE' }
    case 'DAYS':
      return { type: 'DAYS', days: terms.intro.days, endsOn: format(addDays(today, terms.intro.days)) }
    case 'START_DATE':
      return { type: 'START_DATE', startsOn: format(istDay(terms.intro.at)) }
    case 'CYCLES':
      return { type: 'CYCLES', cycles: terms.intro.cycles, amount: inr(terms.intro.minor) }
  }
}

/**
 * Computes the schedule. The debits after today run from the first debit day after today (or
 * after the free days or the start date): the introductory cycles still to come, each at the
 * introductory amount, then the first at the regular amount. A free introductory cycle is a
 * period with no debit, so it takes a debit day but lists no charge.
 */
export function priceSchedule(terms: ScheduleTerms): PriceSchedule {
  const today = istDay(terms.at)
  const { anchor, from, introCharges, introMinor } = billingFrom(terms, today)
  const charges: ScheduledCharge[] = []
  if (terms.interval !== 'ASPRESENTED') {
    const days = take(debitDays(terms.interval, terms.ruleValue, anchor, from), introCharges + 1)
    days.forEach((day, index) => {
      const intro = index < introCharges
      if (intro && introMinor === 0) return
      charges.push({ date: format(day), amount: inr(intro ? introMinor : terms.recurringMinor), intro })
    })
  }
  return {
    plan: terms.plan,
    today: { amount: inr(terms.today.minor), refunded: terms.today.refunded, paysFirstPeriod: terms.today.paysFirstPeriod },
    intro: introView(terms, today),
    charges,
    recurring: {
      amount: inr(terms.recurringMinor),
      interval: terms.interval,
      ruleType: terms.ruleType,
      ruleValue: terms.ruleValue,
    },
    cap: inr(terms.capMinor),
  }
}

/**
 * The debit day after `after` on a schedule whose debits keep `anchor`'s day: the cycles a
 * subscription bills past the charges its schedule lists (sandbox/domain/debit-dates.ts).
 */
export function debitDayAfter(interval: Exclude<BillingInterval, 'ASPRESENTED'>, ruleValue: number | null, anchor: IstDate, after: IstDate): IstDate {
  const [day] = take(debitDays(interval, ruleValue, new Date(`${anchor}T00:00:00.000Z`), addDays(new Date(`${after}T00:00:00.000Z`), 1)), 1)
  if (!day) throw new Error(`no debit day after ${after}`)
  return format(day)
}

/** What the debits after a plan change start from: the first one's day, the new plan's terms, and the credit the subscription holds. */
export interface CreditedTerms {
  first: IstDate
  interval: Exclude<BillingInterval, 'ASPRESENTED'>
  ruleValue: number | null
  amountMinor: number
  creditMinor: number
}

/**
 * The debits from a plan change's first one (the day the paid cycle ends) up to and including the
 * first at the full amount, with the held credit taken off them in turn
 * (docs/domain/billing.md#a-net-of-zero-or-below). A debit the credit covers whole is listed at ₹0,
 * so the day each period ends stays visible. After the first, debits fall on the debit day: the
 * one nearest a period after the first (as after a period paid at checkout), then every period.
 */
export function creditedCharges(terms: CreditedTerms): ScheduledCharge[] {
  const { interval, ruleValue, amountMinor } = terms
  const first = new Date(`${terms.first}T00:00:00.000Z`)
  // Debits the credit covers whole, one it covers in part, then the first at the full amount.
  const count = amountMinor === 0 ? 1 : Math.ceil(terms.creditMinor / amountMinor) + 1
  const later = count > 1 ? take(debitDays(interval, ruleValue, first, afterPaidPeriod(interval, ruleValue, first)), count - 1) : []
  let credit = terms.creditMinor
  return [first, ...later].map((day) => {
    const applied = Math.min(credit, amountMinor)
    credit -= applied
    return { date: format(day), amount: inr(amountMinor - applied), intro: false }
  })
}

/**
 * What a plan checkout charges at registration and which introductory period follows
 * (docs/domain/billing.md#introductory-period): with a later start, only an authorisation, refunded;
 * else the first period (its introductory price when discounted cycles begin), or the authorisation
 * when the first period is free. `quantity` multiplies the introductory price as it does the regular one.
 */
export function planStart(plan: Plan, recurringMinor: number, quantity: number, startsAt: Date | null, authorisationMinor: number): Pick<ScheduleTerms, 'today' | 'intro'> {
  const authorisation = { minor: authorisationMinor, refunded: true, paysFirstPeriod: false }
  if (startsAt) return { today: authorisation, intro: { type: 'START_DATE', at: startsAt } }
  const intro: IntroTerms =
    plan.intro.type === 'NONE'
      ? { type: 'NONE' }
      : plan.intro.type === 'DAYS'
        ? { type: 'DAYS', days: plan.intro.days }
        : { type: 'CYCLES', cycles: plan.intro.cycles, minor: plan.intro.paise * quantity }
  if (intro.type === 'NONE') return { today: { minor: recurringMinor, refunded: false, paysFirstPeriod: true }, intro }
  if (intro.type === 'CYCLES' && intro.minor > 0) return { today: { minor: intro.minor, refunded: false, paysFirstPeriod: true }, intro }
  return { today: authorisation, intro }
}
