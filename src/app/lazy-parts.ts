import { lazy } from 'react'
import { preloadable } from '../lib/preloadable'

/**
 * Code that is not needed to show the first payment option, split off to keep the first load
 * within budget (docs/budgets.md#first-load: ≤ 100 KB gzip). The mandate disclosure is in lazy-disclosure.ts, and
 * each rail loads when its step starts (rails.ts).
 */
const closedScreens = preloadable(() => import('../features/session/components/closed-screens'))
export const preloadClosedScreens = closedScreens.preload
export const ExpiredScreen = lazy(() => closedScreens.load().then((m) => ({ default: m.ExpiredScreen })))
export const CancelledScreen = lazy(() => closedScreens.load().then((m) => ({ default: m.CancelledScreen })))
export const LinkErrorScreen = lazy(() => closedScreens.load().then((m) => ({ default: m.LinkErrorScreen })))

/** Success and failure screens. Fetched once a rail starts, so the outcome shows the moment it is known, without suspending. */
const finalSteps = preloadable(() => import('./final-steps'))
export const preloadFinalSteps = finalSteps.preload
export const SuccessStep = lazy(() => finalSteps.load().then((m) => ({ default: m.SuccessStep })))
export const FailureStep = lazy(() => finalSteps.load().then((m) => ({ default: m.FailureStep })))
