import { lazy } from 'react'

/**
 * Code that is not needed to show the first payment option, split off to keep the first load
 * within budget (product.md: ≤ 100 KB gzip). Each rail loads when its step starts.
 */
const closedScreens = () => import('../features/session/components/closed-screens')
export const ExpiredScreen = lazy(() => closedScreens().then((m) => ({ default: m.ExpiredScreen })))
export const LinkErrorScreen = lazy(() => closedScreens().then((m) => ({ default: m.LinkErrorScreen })))

/** The mandate disclosure: fetched as soon as the session is known to have a mandate, shown under the options. */
export const preloadDisclosure = () => import('../features/mandate-disclosure/components/mandate-disclosure')
export const MandateDisclosure = lazy(() => preloadDisclosure().then((m) => ({ default: m.MandateDisclosure })))

/** The UPI rail with its live status (and, inside it, the QR encoder and the collect form as they are needed). */
export const preloadUpi = () => import('./upi-step')
export const UpiStep = lazy(() => preloadUpi().then((m) => ({ default: m.UpiStep })))

/** The eNACH (and plain net banking) rail: bank, auth mode, account form, and the wait for the bank. */
export const preloadEnach = () => import('./enach-step')
export const EnachStep = lazy(() => preloadEnach().then((m) => ({ default: m.EnachStep })))

/** Success and failure screens. */
const finalSteps = () => import('./final-steps')
export const SuccessStep = lazy(() => finalSteps().then((m) => ({ default: m.SuccessStep })))
export const FailureStep = lazy(() => finalSteps().then((m) => ({ default: m.FailureStep })))
