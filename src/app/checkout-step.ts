/**
 * Where the customer is in the checkout. Only choosing exists today; each payment rail (UPI,
 * eNACH) will add a step here and be rendered from a lazily loaded feature folder
 * (`lazy(() => import('../features/upi/...'))`), so its code loads only when that step starts.
 */
export type CheckoutStep = { name: 'choose' }

export const FIRST_STEP: CheckoutStep = { name: 'choose' }
