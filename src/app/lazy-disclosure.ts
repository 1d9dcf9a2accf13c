import { preloadable } from '../lib/preloadable'
import { retryableLazy } from '../lib/retryable-lazy'

/**
 * The mandate disclosure: fetched as soon as the session is known to have a mandate, shown under
 * the options, on a rail that asks again before the customer commits, and on success. On its own
 * module so that the screens it appears on (themselves loaded lazily) import it without a cycle.
 */
const disclosure = preloadable(() => import('../features/mandate-disclosure/components/mandate-disclosure'))
export const preloadDisclosure = disclosure.preload
export const MandateDisclosure = retryableLazy(disclosure.load, (m) => m.MandateDisclosure)
/** A plan's price schedule, in the disclosure's chunk: preloaded with it, so it shows with the options. */
export const PriceScheduleSection = retryableLazy(disclosure.load, (m) => m.PriceScheduleSection)

/** A plan change's block: its own chunk, fetched only for a session that pays for a plan change, shown with the options. */
const planChange = preloadable(() => import('../features/plan-change/components/plan-change-section'))
export const preloadPlanChange = planChange.preload
export const PlanChangeSection = retryableLazy(planChange.load, (m) => m.PlanChangeSection)
