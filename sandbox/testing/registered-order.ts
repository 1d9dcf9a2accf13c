import type { MandateStatus } from '../../contract/status'
import type { Attempt } from '../domain/attempt'
import type { Order } from '../domain/order'
import { mandateTerms } from './fixtures'
import { order as storedOrder } from './store-contract'

/** An order whose mandate (VARIABLE up to ₹1,000, MONTHLY) was registered on `rail`, now at `status`: the input of the pure mandate rules. */
export function registeredOrder(rail: 'upi' | 'netbanking', status: MandateStatus | null, overrides: Partial<Order> = {}): Order {
  const base = storedOrder()
  const attempt = base.attempts.find((a) => a.rail === rail) as Attempt
  const succeeded: Attempt = { ...attempt, status: 'succeeded', failureReason: null, mandateId: 'mid_1', mandateToken: 'tok_1' }
  return {
    ...base,
    mandate: mandateTerms(100_000),
    status: 'CHARGED',
    attempts: [succeeded],
    mandateStatus: status,
    mandateId: 'mid_1',
    mandateToken: 'tok_1',
    ...overrides,
  }
}
