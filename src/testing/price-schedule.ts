import type { PriceSchedule, ScheduledCharge } from '../../contract/billing'
import { inr } from '../../contract/money'

/**
 * A price schedule as the sandbox computes it (sandbox/domain/price-schedule.ts) for a session
 * opened on 1 Dec 2026 (IST): the "Gold Monthly" plan, 14 days free, then ₹499 every month on
 * the 5th, a ₹1 registration charge refunded, a ₹1,000 cap. Override what a test is about.
 */
export const scheduleFixture = (over: Partial<PriceSchedule> = {}): PriceSchedule => ({
  plan: { id: 'gold-monthly', name: 'Gold Monthly', description: 'All classes at every centre' },
  today: { amount: inr(100), refunded: true, paysFirstPeriod: false },
  intro: { type: 'DAYS', days: 14, endsOn: '2026-12-15' },
  charges: [{ date: '2027-01-05', amount: inr(499_00), intro: false }],
  recurring: { amount: inr(499_00), interval: 'MONTHLY', ruleType: 'ON', ruleValue: 5 },
  cap: inr(1_000_00),
  ...over,
})

/** `count` debits of `minor` paise on the 5th of each month from January 2027, introductory or not. */
export const monthlyCharges = (count: number, minor: number, intro: boolean, from = 0): ScheduledCharge[] =>
  Array.from({ length: count }, (_, index) => {
    const month = from + index
    const date = `${2027 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-05`
    return { date, amount: inr(minor), intro }
  })
