import type { PlanChangeView } from '../../contract/billing'
import { inr } from '../../contract/money'

/**
 * A plan change as the sandbox maps it from a prorated preview: from "Gold Monthly" (₹499 a month)
 * to "Platinum Monthly" (₹999 a month) on 16 Dec 2026, for the 20 days left of a cycle that ends
 * on 5 Jan 2027 (credit ₹321.94, charge ₹644.52, ₹322.58 now), the quote holding until 18:15 UTC on
 * 1 Dec 2026, within the current mandate. Override what a test is about.
 */
export const planChangeFixture = (over: Partial<PlanChangeView> = {}): PlanChangeView => ({
  from: { planId: 'gold-monthly', name: 'Gold Monthly', amount: inr(499_00) },
  to: { planId: 'platinum-monthly', name: 'Platinum Monthly', amount: inr(999_00) },
  interval: 'MONTHLY',
  credit: inr(321_94),
  charge: inr(644_52),
  heldCredit: inr(0),
  payNow: inr(322_58),
  covers: { from: '2026-12-16', until: '2027-01-04', days: 20 },
  nextCharge: { date: '2027-01-05', amount: inr(999_00), intro: false },
  quoteExpiresAt: '2026-12-01T18:15:00.000Z',
  newMandate: false,
  ...over,
})
