import * as z from 'zod/mini'

/** Juspay order statuses with their ids (docs/domain/juspay.md#order-statuses). */
export const ORDER_STATUS_IDS = {
  NEW: 10,
  STARTED: 20,
  CHARGED: 21,
  JUSPAY_DECLINED: 22,
  PENDING_VBV: 23,
  VBV_SUCCESSFUL: 24,
  AUTHENTICATION_FAILED: 26,
  AUTHORIZATION_FAILED: 27,
  AUTHORIZING: 28,
  AUTO_REFUNDED: 36,
} as const
export type OrderStatus = keyof typeof ORDER_STATUS_IDS
export const OrderStatus = z.enum(
  Object.keys(ORDER_STATUS_IDS) as [OrderStatus, ...OrderStatus[]],
)

export const MANDATE_STATUSES = ['CREATED', 'ACTIVE', 'PAUSED', 'REVOKED', 'FAILURE', 'EXPIRED'] as const
export const MandateStatus = z.enum(MANDATE_STATUSES)
export type MandateStatus = z.infer<typeof MandateStatus>
