import type { Store } from '../store/store'

/** The sandbox never reads the wall clock directly: tests and QA move time through this. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that starts at the real time (or a given instant) and can be moved forward: tests stand it in for real time. */
export class MovableClock implements Clock {
  private offsetMs = 0
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs)
  }
  advance(ms: number): void {
    this.offsetMs += ms
  }
  reset(): void {
    this.offsetMs = 0
  }
}

/**
 * One merchant's sandbox clock: real time plus the offset QA moved that merchant's clock by
 * (Store.clockOffset), read once, when a request or a job begins. Everything timed for the
 * merchant's orders reads it: link and session expiry, approval windows and auto-outcomes,
 * webhook times and retries, plan-change quotes (docs/decisions/0015-a-clock-per-merchant.md).
 */
export class MerchantClock implements Clock {
  constructor(
    private readonly real: Clock,
    /** How far this clock runs ahead of real time, in milliseconds. */
    readonly offsetMs: number,
  ) {}

  now(): Date {
    return new Date(this.real.now().getTime() + this.offsetMs)
  }

  /** When, in real time (ms), this clock reads `sandboxMs`: the moment a job runner's timer waits for. */
  toReal(sandboxMs: number): number {
    return sandboxMs - this.offsetMs
  }
}

/** What a merchant's clock is read from: real time (deps.clock) and the merchant's offset in the store. */
export interface ClockSource {
  store: Pick<Store, 'clockOffset'>
  clock: Clock
}

/** The merchant's sandbox clock as it now stands. */
export async function clockFor(deps: ClockSource, merchantId: string): Promise<MerchantClock> {
  return new MerchantClock(deps.clock, await deps.store.clockOffset(merchantId))
}
