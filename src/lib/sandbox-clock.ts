import { createContext, useContext } from 'react'

/**
 * How far the sandbox's clock runs ahead of this device's, in milliseconds: the merchant's clock,
 * which QA may move (docs/domain/sandbox-clock.md), and whatever the device's clock is off by. The
 * page counts down on it, never on the device's clock alone. 0 where no session says otherwise.
 */
export const SandboxClockOffset = createContext(0)

/** The offset a view's serverNow gives, the view having arrived at `receivedAt` (device ms). */
export const sandboxOffset = (serverNow: string, receivedAt: number): number => Date.parse(serverNow) - receivedAt

/** The offset the page counts down on. */
export const useSandboxOffset = (): number => useContext(SandboxClockOffset)
