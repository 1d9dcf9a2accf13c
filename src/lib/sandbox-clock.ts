import { createContext, useContext } from 'react'

/**
 * How far the sandbox's clock runs ahead of this device's, in milliseconds: the merchant's clock,
 * which QA may move (docs/domain/sandbox-clock.md), and whatever the device's clock is off by. The
 * page counts down on it, never on the device's clock alone. 0 where no session says otherwise.
 */
export const SandboxClockOffset = createContext(0)

/**
 * Under this, the difference between a view's serverNow and its arrival is the network's delay (it
 * always reads behind by that), or a device clock near enough: the device's clock stands as it is.
 */
const NEAR_ENOUGH_MS = 2000

/**
 * The offset a view's serverNow gives, the view having arrived at `receivedAt` (device ms), to the
 * whole second: QA moves a clock by whole seconds, and the view always arrives a little after its
 * serverNow, so the exact difference reads short by the network's delay and a five-minute window
 * would count down from 5:01.
 */
export function sandboxOffset(serverNow: string, receivedAt: number): number {
  const offset = Date.parse(serverNow) - receivedAt
  return Math.abs(offset) < NEAR_ENOUGH_MS ? 0 : Math.round(offset / 1000) * 1000
}

/** The offset the page counts down on. */
export const useSandboxOffset = (): number => useContext(SandboxClockOffset)
