import type { Store } from '../store/store'
import type { PlanChangeQuote } from './order'
import type { Claim } from './orders'

/**
 * The order paying for a preview claims it before it is stored (docs/domain/billing.md#plan-changes-paying-for-one):
 * of two orders under different order ids, one gets it. When another request stores a different
 * order under the same order id first, the claim is given back unless that order pays for the same
 * preview, so the preview can still be paid for under another order id.
 */
export function previewClaim(store: Store, merchantId: string, quote: Pick<PlanChangeQuote, 'subscriptionId' | 'requestId'>): Claim {
  const { subscriptionId, requestId } = quote
  return {
    take: (order) => store.consumePreview(merchantId, subscriptionId, requestId, { orderId: order.orderId, pageId: order.id }),
    giveBack: async (stored) => {
      const paysFor = stored.billing?.planChange?.preview
      if (paysFor?.subscriptionId === subscriptionId && paysFor.requestId === requestId) return
      await store.releasePreview(merchantId, subscriptionId, requestId, stored.orderId)
    },
  }
}
