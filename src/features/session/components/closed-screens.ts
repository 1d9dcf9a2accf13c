/**
 * Screens for sessions that cannot be paid (expired, cancelled, bad link). They are never on the way to the
 * first payment option, so the app loads them as one lazy chunk.
 */
export { CancelledScreen } from './cancelled-screen'
export { ExpiredScreen } from './expired-screen'
export { LinkErrorScreen } from './link-error-screen'
