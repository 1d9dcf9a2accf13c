import { setTimeout as sleep } from 'node:timers/promises'
import { clockFor, type Clock, type MerchantClock } from '../domain/clock'
import type { Logger } from '../log'
import type { ScheduledJob, Store } from './store'

/** Runs one job; it ends the job itself (Store.finishJob), or the lease runs out and the job is due again. */
export type JobHandler = (job: ScheduledJob) => Promise<void>

export interface JobRunnerOptions {
  store: Store
  /** Real time: each job falls due when its sandbox time comes on its merchant's clock (Store.claimDue). */
  clock: Clock
  log: Logger
  handlers: Readonly<Record<ScheduledJob['kind'], JobHandler>>
  /** How long a claimed job is this runner's before another may take it (real time). */
  leaseMs?: number
  /** The longest wait between two looks at the store, for work another instance scheduled. */
  maxIdleMs?: number
  /** Jobs taken in one claim. */
  batch?: number
}

const DEFAULT_LEASE_MS = 30_000
const DEFAULT_MAX_IDLE_MS = 1_000
const DEFAULT_BATCH = 32
/** The most jobs one move of a merchant's clock runs itself; past it, what is left is due and the runners take it as usual. */
const MAX_RUNS_PER_ADVANCE = 1000
/** How often a move of the clock looks again at a job another runner holds, waiting for it to end. */
const HELD_POLL_MS = 25
/** The longest delay setTimeout takes. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Takes due jobs from the store and runs them (docs/architecture.md#shared-sandbox). Every instance
 * sharing a store runs one; the store's claim gives each job to one runner at a time, and a job
 * whose runner died is due again once its lease ends. Work this instance schedules wakes it at the
 * moment it falls due (`wakeAt`); work another instance scheduled is found at the next look, at
 * most `maxIdleMs` later.
 */
export class JobRunner {
  private readonly store: Store
  private readonly clock: Clock
  private readonly log: Logger
  private readonly handlers: JobRunnerOptions['handlers']
  private readonly leaseMs: number
  private readonly maxIdleMs: number
  private readonly batch: number
  private timer: ReturnType<typeof setTimeout> | null = null
  private timerAt = Number.POSITIVE_INFINITY
  private looking: Promise<void> | null = null
  private lookAgain = false
  private stopped = true
  private readonly running = new Set<Promise<void>>()

  constructor(options: JobRunnerOptions) {
    this.store = options.store
    this.clock = options.clock
    this.log = options.log
    this.handlers = options.handlers
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
    this.maxIdleMs = options.maxIdleMs ?? DEFAULT_MAX_IDLE_MS
    this.batch = options.batch ?? DEFAULT_BATCH
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.wakeAt(0)
  }

  /** Stops looking for work and waits for the jobs running to end. */
  async stop(): Promise<void> {
    this.stopped = true
    this.clearTimer()
    await this.looking
    await Promise.all([...this.running])
  }

  /** Looks for work at `dueAt` (real time, ms: a job's sandbox due time less its merchant's clock offset), or now when that has passed. */
  wakeAt(dueAt: number): void {
    if (this.stopped) return
    // A job due years ahead (a mandate's expiry) is found by a later look: setTimeout fires at once past MAX_TIMER_MS.
    this.armWithin(Math.min(MAX_TIMER_MS, Math.max(0, dueAt - this.clock.now().getTime())))
  }

  /**
   * Moves the merchant's clock forward to sandbox time `upTo` (ms), running on the way, one at a
   * time and in due order, every job of the merchant due by then: the clock is moved to each job's
   * due time before it runs, so what the job does is timed when it fell due, and what it schedules
   * within the span runs too (a webhook's retries, the next step of a schedule). A job another
   * runner holds is waited for, so the order holds. Answers once that work is done, with the clock
   * at `upTo`, or where it already was when that is later (a clock never goes back).
   * docs/decisions/0015-a-clock-per-merchant.md.
   */
  async runDueUpTo(merchantId: string, upTo: number): Promise<MerchantClock> {
    for (let runs = 0; runs < MAX_RUNS_PER_ADVANCE; ) {
      const next = await this.store.claimNextDue(merchantId, upTo, this.leaseMs)
      if (next === null) return this.moveClock(merchantId, upTo)
      if (next === 'held') {
        await sleep(HELD_POLL_MS)
        continue
      }
      await this.moveClock(merchantId, next.dueAt)
      // A job that failed is left to its lease, as the runners leave it; the rest would wait on it.
      if (!(await this.execute(next))) break
      runs++
    }
    this.log.error('clock_moved_with_work_left', { merchant_id: merchantId })
    return this.moveClock(merchantId, upTo)
  }

  /** Sets the merchant's clock to read `at` (sandbox ms) now, unless it already reads later. */
  private async moveClock(merchantId: string, at: number): Promise<MerchantClock> {
    await this.store.advanceClock(merchantId, at - this.clock.now().getTime())
    return clockFor({ store: this.store, clock: this.clock }, merchantId)
  }

  /** Arms the timer for `delayMs` from now, unless it already fires sooner. */
  private armWithin(delayMs: number): void {
    if (this.timer && performance.now() + delayMs >= this.timerAt) return
    this.arm(delayMs)
  }

  private arm(delayMs: number): void {
    this.clearTimer()
    this.timerAt = performance.now() + delayMs
    this.timer = setTimeout(() => {
      this.timer = null
      this.timerAt = Number.POSITIVE_INFINITY
      void this.look()
    }, delayMs)
    // Scheduled work must not keep a process alive that is otherwise done.
    this.timer.unref()
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.timerAt = Number.POSITIVE_INFINITY
  }

  /** One look at a time; a wake during a look makes one more. */
  private look(): Promise<void> {
    if (this.looking) {
      this.lookAgain = true
      return this.looking
    }
    this.looking = this.claimAndRun().finally(() => {
      this.looking = null
      if (this.stopped) return
      if (this.lookAgain) {
        this.lookAgain = false
        this.arm(0)
      } else this.armWithin(this.maxIdleMs)
    })
    return this.looking
  }

  private async claimAndRun(): Promise<void> {
    let jobs: ScheduledJob[]
    try {
      jobs = await this.store.claimDue(this.clock.now().getTime(), this.leaseMs, this.batch)
    } catch (error) {
      this.log.error('jobs_claim_failed', { message: error instanceof Error ? error.message : 'unknown' })
      return
    }
    for (const job of jobs) void this.execute(job)
    if (jobs.length === this.batch) this.lookAgain = true
  }

  /** Runs one job to its end; answers whether it ended without an error. */
  private execute(job: ScheduledJob): Promise<boolean> {
    const running = this.handlers[job.kind](job).then(
      () => true,
      (error: unknown) => {
        // Left to its lease: the job is due again once that ends.
        this.log.error('job_failed', { job_kind: job.kind, message: error instanceof Error ? error.name : 'unknown' })
        return false
      },
    )
    const tracked = running.then(() => undefined)
    this.running.add(tracked)
    void tracked.finally(() => this.running.delete(tracked))
    return running
  }
}
