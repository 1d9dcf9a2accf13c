import { describe, expect, it } from 'vitest'
import { ORDER_STATUS_IDS, type OrderStatus } from '../../../contract/status'
import { outcomeKind, type OutcomeKind } from './outcome'

const expected: Record<OrderStatus, OutcomeKind> = {
  NEW: 'processing',
  STARTED: 'processing',
  CHARGED: 'success',
  JUSPAY_DECLINED: 'failed',
  PENDING_VBV: 'processing',
  VBV_SUCCESSFUL: 'success',
  AUTHENTICATION_FAILED: 'failed',
  AUTHORIZATION_FAILED: 'failed',
  AUTHORIZING: 'processing',
  AUTO_REFUNDED: 'refunded',
}

describe('outcomeKind', () => {
  it.each(Object.keys(ORDER_STATUS_IDS) as OrderStatus[])('%s', (status) => {
    expect(outcomeKind(status)).toBe(expected[status])
  })
})
