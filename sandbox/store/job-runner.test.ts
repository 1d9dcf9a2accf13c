import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { clockFor, MovableClock } from '../domain/clock'
import type { Logger } from '../log'
import { JobRunner, type JobHandler } from './job-runner'
import { MemoryStore } from './memory-store'
import type { ScheduledJob } from './store'

/** Real time as the runner reads it: fixed, moved by the tests. */
const T0 = Date.parse('2026-12-02T10:00:00Z')
const MINUTE = 60_000

interface Entry {
  level: 'info' | 'error'
  event: string
  fields: Record<string, unknown>
}

function capturingLogger(): Logger & { entries: Entry[] } {
  const entries: Entry[] = []
  return {
    entries,
    info: (event, fields = {}) => void entries.push({ level: 'info', event, fields }),
    error: (event, fields = {}) => void entries.push({ level: 'error', event, fields }),
  }
}

const job = (id: string, dueAt: number, overrides: Partial<ScheduledJob> = {}): ScheduledJob => ({
  id,
  merchantId: 'm_acme',
  dueAt,
  kind: 'webhook',
  payload: JSON.stringify({ id }),
  ...overrides,
})

/** Resolves once `check` holds, looking after each turn of the event loop; fails the test after `turns` looks. */
async function until(check: () => boolean, turns = 200): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (check()) return
    await sleep(1)
  }
  throw new Error('the condition never held')
}

interface Harness {
  store: MemoryStore
  clock: MovableClock
  log: ReturnType<typeof capturingLogger>
  runner: JobRunner
  /** Each job a handler ran, as `id@merchant sandbox time` (ms after T0). */
  ran: string[]
}

const runners: JobRunner[] = []
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()))
})

/**
 * A runner over a memory store with a fixed real clock. Every kind's handler records the job with
 * the merchant's clock as it reads when the job runs, then ends the job, unless `handle` says otherwise.
 */
function harness(options: { handle?: JobHandler; batch?: number; maxIdleMs?: number; store?: MemoryStore } = {}): Harness {
  const store = options.store ?? new MemoryStore()
  const clock = new MovableClock({ now: () => new Date(T0) })
  const log = capturingLogger()
  const ran: string[] = []
  const record: JobHandler = async (done) => {
    const merchantNow = (await clockFor({ store, clock }, done.merchantId)).now().getTime()
    ran.push(`${done.id}@${merchantNow - T0}`)
    await (options.handle ?? ((finished) => store.finishJob(finished.id)))(done)
  }
  const handlers = { attempt_due: record, webhook: record, debit: record, mandate_expiry: record, pause_end: record, execution: record, mandate_replaced: record }
  const runner = new JobRunner({
    store,
    clock,
    log,
    handlers,
    leaseMs: MINUTE,
    ...(options.batch === undefined ? {} : { batch: options.batch }),
    ...(options.maxIdleMs === undefined ? {} : { maxIdleMs: options.maxIdleMs }),
  })
  runners.push(runner)
  return { store, clock, log, runner, ran }
}

describe('JobRunner: the runners every instance keeps', () => {
  it('runs the jobs due when it starts, each once, and leaves the rest', async () => {
    const { store, runner, ran } = harness()
    await store.schedule(job('due', T0 - 1))
    await store.schedule(job('now', T0, { kind: 'debit' }))
    await store.schedule(job('later', T0 + MINUTE))
    runner.start()
    runner.start()
    await until(() => ran.length === 2)
    await runner.stop()
    expect(ran.sort()).toEqual(['due@0', 'now@0'])
    expect(await store.claimDue(T0 + MINUTE, MINUTE, 10)).toEqual([job('later', T0 + MINUTE)])
  })

  it('takes a job scheduled for later once its time comes and the runner is woken for it', async () => {
    const { store, clock, runner, ran } = harness()
    runner.start()
    await store.schedule(job('later', T0 + MINUTE))
    clock.advance(MINUTE)
    runner.wakeAt(T0 + MINUTE)
    await until(() => ran.length === 1)
    expect(ran).toEqual([`later@${MINUTE}`])
  })

  it('takes a full batch, then looks again at once for the rest', async () => {
    const { store, runner, ran } = harness({ batch: 2 })
    for (const id of ['a', 'b', 'c', 'd', 'e']) await store.schedule(job(id, T0 - 1))
    runner.start()
    await until(() => ran.length === 5)
    expect(ran.sort()).toEqual(['a@0', 'b@0', 'c@0', 'd@0', 'e@0'])
  })

  it('looks again within its idle limit, for work another instance scheduled', async () => {
    const { store, runner, ran } = harness({ maxIdleMs: 5 })
    runner.start()
    await sleep(10)
    await store.schedule(job('elsewhere', T0))
    await until(() => ran.length === 1)
    expect(ran).toEqual(['elsewhere@0'])
  })

  it('logs a failed job by its kind and error name only, and leaves it held until its lease ends', async () => {
    const { store, log, runner, ran } = harness({
      handle: () => Promise.reject(new TypeError('secret_key=sk_live_1 in the message')),
    })
    await store.schedule(job('fails', T0, { kind: 'execution' }))
    runner.start()
    await until(() => log.entries.length === 1)
    await runner.stop()
    expect(ran).toEqual(['fails@0'])
    expect(log.entries).toEqual([{ level: 'error', event: 'job_failed', fields: { job_kind: 'execution', message: 'TypeError' } }])
    expect(await store.claimDue(T0, MINUTE, 10)).toEqual([])
  })

  it('logs a claim the store refused, and runs what is due at the next look', async () => {
    let refuse = true
    const store = new (class extends MemoryStore {
      override claimDue(dueBy: number, leaseMs: number, limit: number): Promise<ScheduledJob[]> {
        if (!refuse) return super.claimDue(dueBy, leaseMs, limit)
        refuse = false
        return Promise.reject(new Error('connection reset'))
      }
    })()
    const { log, runner, ran } = harness({ store, maxIdleMs: 5 })
    await store.schedule(job('after-the-failure', T0))
    runner.start()
    await until(() => ran.length === 1)
    expect(log.entries).toEqual([{ level: 'error', event: 'jobs_claim_failed', fields: { message: 'connection reset' } }])
  })

  it('does nothing once stopped, and stop waits for the jobs running', async () => {
    let release = (): void => undefined
    const { store, runner, ran } = harness({
      handle: (held) => new Promise<void>((resolve) => (release = () => void store.finishJob(held.id).then(resolve))),
    })
    await store.schedule(job('slow', T0))
    runner.start()
    await until(() => ran.length === 1)
    let stopped = false
    const stopping = runner.stop().then(() => (stopped = true))
    await sleep(5)
    expect(stopped).toBe(false)
    release()
    await stopping
    await store.schedule(job('after-stop', T0))
    runner.wakeAt(T0)
    await sleep(10)
    expect(ran).toEqual(['slow@0'])
  })

  it('does not look again at once for a job years ahead (past the longest timer)', async () => {
    let claims = 0
    let open = (): void => undefined
    const gate = new Promise<void>((resolve) => (open = resolve))
    const store = new (class extends MemoryStore {
      override async claimDue(dueBy: number, leaseMs: number, limit: number): Promise<ScheduledJob[]> {
        claims++
        await gate
        return super.claimDue(dueBy, leaseMs, limit)
      }
    })()
    // No idle look in the window this test watches.
    const { runner } = harness({ store, maxIdleMs: 10 * MINUTE })
    runner.start()
    await until(() => claims === 1)
    // During the look no timer is armed, so this wake arms one. Node fires a timer past its
    // longest delay after 1 ms: without the cap, a second look would follow the first at once.
    runner.wakeAt(T0 + 5 * 365 * 24 * 60 * MINUTE)
    await sleep(20)
    open()
    await sleep(20)
    expect(claims).toBe(1)
  })
})

describe('JobRunner.runDueUpTo: moving a merchant\'s clock runs what falls due on the way', () => {
  it('runs the merchant\'s jobs in due order, each at its own due time, and stops the clock at the target', async () => {
    const { store, runner, ran } = harness()
    await store.schedule(job('second', T0 + 2 * MINUTE))
    await store.schedule(job('first', T0 + MINUTE))
    await store.schedule(job('beyond', T0 + 10 * MINUTE))
    await store.schedule(job('other-merchant', T0 + MINUTE, { merchantId: 'm_other' }))
    const clock = await runner.runDueUpTo('m_acme', T0 + 5 * MINUTE)
    expect(ran).toEqual([`first@${MINUTE}`, `second@${2 * MINUTE}`])
    expect(clock.now().getTime()).toBe(T0 + 5 * MINUTE)
    expect(await store.clockOffset('m_acme')).toBe(5 * MINUTE)
    expect(await store.clockOffset('m_other')).toBe(0)
  })

  it('runs what a job schedules within the span too, as a retry would', async () => {
    const { store, runner, ran } = harness({
      handle: (done) => store.finishJob(done.id, done.payload === 'last' ? undefined : { dueAt: done.dueAt + MINUTE, payload: 'last' }),
    })
    await store.schedule(job('retrying', T0 + MINUTE))
    await runner.runDueUpTo('m_acme', T0 + 3 * MINUTE)
    expect(ran).toEqual([`retrying@${MINUTE}`, `retrying@${2 * MINUTE}`])
  })

  it('never moves a clock back: a target behind it leaves it where it is', async () => {
    const { store, runner } = harness()
    await store.advanceClock('m_acme', 10 * MINUTE)
    const clock = await runner.runDueUpTo('m_acme', T0 + MINUTE)
    expect(clock.now().getTime()).toBe(T0 + 10 * MINUTE)
  })

  it('waits for a job another runner holds, so the order holds', async () => {
    const { store, runner, ran } = harness()
    await store.schedule(job('held-elsewhere', T0 + MINUTE))
    await store.schedule(job('after-it', T0 + 2 * MINUTE))
    const [held] = await store.claimDue(T0 + MINUTE, MINUTE, 1)
    let advanced = false
    const advancing = runner.runDueUpTo('m_acme', T0 + 3 * MINUTE).then(() => (advanced = true))
    await sleep(60)
    expect(advanced).toBe(false)
    expect(ran).toEqual([])
    await store.finishJob(held?.id ?? '')
    await advancing
    expect(ran).toEqual([`after-it@${2 * MINUTE}`])
  })

  it('stops at a job that fails, logs the work left, and still moves the clock to the target', async () => {
    const { store, log, runner, ran } = harness({ handle: () => Promise.reject(new Error('down')) })
    await store.schedule(job('fails', T0 + MINUTE))
    await store.schedule(job('waits', T0 + 2 * MINUTE))
    const clock = await runner.runDueUpTo('m_acme', T0 + 3 * MINUTE)
    expect(ran).toEqual([`fails@${MINUTE}`])
    expect(log.entries.map((entry) => entry.event)).toEqual(['job_failed', 'clock_moved_with_work_left'])
    expect(log.entries[1]?.fields).toEqual({ merchant_id: 'm_acme' })
    expect(clock.now().getTime()).toBe(T0 + 3 * MINUTE)
  })

  it('runs at most a thousand jobs in one move and leaves the rest due', async () => {
    const { store, log, runner, ran } = harness({ handle: (done) => store.finishJob(done.id, { dueAt: done.dueAt + 1, payload: '' }) })
    await store.schedule(job('endless', T0 + 1))
    await runner.runDueUpTo('m_acme', T0 + MINUTE)
    expect(ran).toHaveLength(1000)
    expect(log.entries.map((entry) => entry.event)).toEqual(['clock_moved_with_work_left'])
    expect(await store.claimDue(T0, MINUTE, 10)).toEqual([job('endless', T0 + 1001, { payload: '' })])
  })
})
