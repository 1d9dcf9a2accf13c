import { lazy } from 'react'

/**
 * Code that is not needed to show the first payment option, split off to keep the first load
 * within budget (product.md: ≤ 100 KB gzip). Rails (UPI, eNACH) will be added here the same way.
 */
const closedScreens = () => import('../features/session/components/closed-screens')
export const ExpiredScreen = lazy(() => closedScreens().then((m) => ({ default: m.ExpiredScreen })))
export const CompletedScreen = lazy(() => closedScreens().then((m) => ({ default: m.CompletedScreen })))
export const LinkErrorScreen = lazy(() => closedScreens().then((m) => ({ default: m.LinkErrorScreen })))

/** The mandate disclosure: fetched as soon as the session is known to have a mandate, shown under the options. */
export const preloadDisclosure = () => import('../features/mandate-disclosure/components/mandate-disclosure')
export const MandateDisclosure = lazy(() => preloadDisclosure().then((m) => ({ default: m.MandateDisclosure })))
