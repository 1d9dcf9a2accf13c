import type { Clock } from '../domain/clock'
import type { Logger } from '../log'
import type { ScheduledJob, Store } from './store'

/** Runs one job; it ends the job itself (Store.finishJob), or the lease runs out and the job is due again. */
export type JobHandler = (job: ScheduledJob) => Promise<void>

export interface JobRunnerOptions {
  store: Store
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

  /** Looks for work at `dueAt` (sandbox time, ms), or now when that has passed. */
  wakeAt(dueAt: number): void {
    if (this.stopped) return
    const at = Math.max(0, dueAt - this.clock.now().getTime())
    if (this.timer && performance.now() + at >= this.timerAt) return
    this.arm(at)
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
      } else if (!this.timer) this.arm(this.maxIdleMs)
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
    for (const job of jobs) this.run(job)
    if (jobs.length === this.batch) this.lookAgain = true
  }

  private run(job: ScheduledJob): void {
    const running = this.handlers[job.kind](job).catch((error: unknown) => {
      // Left to its lease: the job is due again once that ends.
      this.log.error('job_failed', { job_kind: job.kind, message: error instanceof Error ? error.name : 'unknown' })
    })
    this.running.add(running)
    void running.finally(() => this.running.delete(running))
  }
}
