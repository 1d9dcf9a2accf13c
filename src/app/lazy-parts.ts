import { lazy } from 'react'
import { preloadable } from '../lib/preloadable'

/**
 * Code that is not needed to show the first payment option, split off to keep the first load
 * within budget (product.md: ≤ 100 KB gzip). Each rail loads when its step starts.
 */
const closedScreens = () => import('../features/session/components/closed-screens')
export const ExpiredScreen = lazy(() => closedScreens().then((m) => ({ default: m.ExpiredScreen })))
export const LinkErrorScreen = lazy(() => closedScreens().then((m) => ({ default: m.LinkErrorScreen })))

/** The mandate disclosure: fetched as soon as the session is known to have a mandate, shown under the options. */
const disclosure = preloadable(() => import('../features/mandate-disclosure/components/mandate-disclosure'))
export const preloadDisclosure = disclosure.preload
export const MandateDisclosure = lazy(() => disclosure.load().then((m) => ({ default: m.MandateDisclosure })))

/** Success and failure screens. Fetched once a rail starts, so the outcome shows the moment it is known, without suspending. */
const finalSteps = preloadable(() => import('./final-steps'))
export const preloadFinalSteps = finalSteps.preload
export const SuccessStep = lazy(() => finalSteps.load().then((m) => ({ default: m.SuccessStep })))
export const FailureStep = lazy(() => finalSteps.load().then((m) => ({ default: m.FailureStep })))

/** The UPI rail with its live status (and, inside it, the QR encoder and the collect form as they are needed). */
export const preloadUpi = () => import('./upi-step')
export const UpiStep = lazy(() => {
  void preloadFinalSteps()
  return preloadUpi().then((m) => ({ default: m.UpiStep }))
})

/** The eNACH (and plain net banking) rail: bank, auth mode, account form, and the wait for the bank. */
export const preloadEnach = () => import('./enach-step')
export const EnachStep = lazy(() => {
  void preloadFinalSteps()
  return preloadEnach().then((m) => ({ default: m.EnachStep }))
})
