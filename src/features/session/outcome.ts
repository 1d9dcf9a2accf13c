import type { OrderStatus } from '../../../contract/status'

export type OutcomeKind = 'success' | 'refunded' | 'failed' | 'processing'

/** What a finished session's order status means to the customer. */
export function outcomeKind(status: OrderStatus): OutcomeKind {
  switch (status) {
    case 'CHARGED':
    case 'VBV_SUCCESSFUL':
      return 'success'
    case 'AUTO_REFUNDED':
      return 'refunded'
    case 'JUSPAY_DECLINED':
    case 'AUTHENTICATION_FAILED':
    case 'AUTHORIZATION_FAILED':
      return 'failed'
    case 'NEW':
    case 'STARTED':
    case 'PENDING_VBV':
    case 'AUTHORIZING':
      return 'processing'
  }
}
