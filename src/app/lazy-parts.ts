import { preloadable } from '../lib/preloadable'
import { retryableLazy } from '../lib/retryable-lazy'

/**
 * Code that is not needed to show the first payment option, split off to keep the first load
 * within budget (docs/budgets.md#first-load: ≤ 100 KB gzip). The mandate disclosure is in lazy-disclosure.ts, and
 * each rail loads when its step starts (rails.ts).
 */
const closedScreens = preloadable(() => import('../features/session/components/closed-screens'))
export const preloadClosedScreens = closedScreens.preload
export const ExpiredScreen = retryableLazy(closedScreens.load, (m) => m.ExpiredScreen)
export const CancelledScreen = retryableLazy(closedScreens.load, (m) => m.CancelledScreen)
export const LinkErrorScreen = retryableLazy(closedScreens.load, (m) => m.LinkErrorScreen)

/** Success and failure screens. Fetched once a rail starts, so the outcome shows the moment it is known, without suspending. */
const finalSteps = preloadable(() => import('./final-steps'))
export const preloadFinalSteps = finalSteps.preload
export const SuccessStep = retryableLazy(finalSteps.load, (m) => m.SuccessStep)
export const FailureStep = retryableLazy(finalSteps.load, (m) => m.FailureStep)

/**
 * The screens a rail can end on, fetched as it starts: the answer may arrive (on a stream that
 * outlives a dropped connection) while the network is down, and a screen that cannot load then
 * would turn a success into a crash. A failed fetch here is fetched again when the screen shows,
 * so it is not an error of its own.
 */
export const preloadEndScreens = () => Promise.all([finalSteps.preload(), closedScreens.preload()]).catch(() => null)
