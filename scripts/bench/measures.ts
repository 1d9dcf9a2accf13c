import { spawn } from 'node:child_process'
import * as z from 'zod'
import { BASIC, createSession, hasTaskset, root, type RunningSandbox } from './sandbox-process'
import type { Page } from '@playwright/test'
import { FIRST_OPTION_TIMING } from '../../src/lib/test-ids'
import { SLOW_4G, primaryButtonWorks, untilBrowserIdle, withFreshBrowser } from './browser'

export const LoadResult = z.object({ rps: z.number(), p99: z.number(), requests: z.number(), errors: z.number(), non2xx: z.number() })
export type LoadResult = z.infer<typeof LoadResult>

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/**
 * The bytes of a fresh load as the sandbox compressed them: the document (the ready screen drawn
 * in, its style sheet inlined), and the JS and CSS the browser fetched before the page worked
 * (hydrated: the primary button enabled). The first option shows before any of those arrive.
 */
export async function firstLoadBytes(origin: string): Promise<{ html: number; js: number; css: number; files: string[] }> {
  const { url } = await createSession(origin)
  return withFreshBrowser(async (context) => {
    const page = await context.newPage()
    const finished: { url: string; type: string; bytes: Promise<number> }[] = []
    page.on('requestfinished', (request) => {
      const type = request.resourceType()
      if (type === 'document' || type === 'script' || type === 'stylesheet') {
        finished.push({ url: request.url(), type, bytes: request.sizes().then((s) => s.responseBodySize) })
      }
    })
    await page.goto(url)
    await page.locator(primaryButtonWorks).waitFor({ state: 'visible' })
    const before = [...finished]
    const sizes = await Promise.all(before.map((f) => f.bytes))
    const sum = (type: string) => before.reduce((acc, f, i) => (f.type === type ? acc + (sizes[i] ?? 0) : acc), 0)
    return {
      html: sum('document'),
      js: sum('script'),
      css: sum('stylesheet'),
      files: before.filter((f) => f.type !== 'document').map((f) => new URL(f.url).pathname),
    }
  })
}

/**
 * Navigation → first payment option painted, and → the primary button enabled (the page has
 * hydrated), `runs` times in a fresh browser each. Nothing of the harness runs in the page while it
 * loads: the load event is awaited as an event, and the paint is read afterwards from the
 * browser's own Element Timing. Playwright's polling for a locator evaluates selectors on the
 * page's main thread, which at 4× CPU delayed the very paint and hydration being timed (by about
 * 150 and 200 ms here; docs/budgets.md#time-to-first-option). Each run navigates once the fresh
 * browser has finished starting (`settled`: how long that took, in ms), as a customer's browser has.
 */
export async function timeToFirstOption(origin: string, runs: number): Promise<{ visible: number[]; works: number[]; settled: number[] }> {
  const settled: number[] = []
  const visible: number[] = []
  const works: number[] = []
  for (let i = 0; i < runs; i++) {
    const { url } = await createSession(origin)
    await withFreshBrowser(async (context) => {
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      settled.push(await untilBrowserIdle())
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      const t0 = performance.now()
      await page.goto(url, { waitUntil: 'load' })
      await page.locator(primaryButtonWorks).waitFor({ state: 'visible', timeout: 60_000 })
      works.push(performance.now() - t0)
      visible.push(await optionPaintedAt(page))
    })
  }
  return { visible, works, settled }
}

/**
 * When the browser painted the first payment option, in ms from the navigation's start: the
 * earliest Element Timing entry of the options' labels (their `elementtiming`, FIRST_OPTION_TIMING).
 */
async function optionPaintedAt(page: Page): Promise<number> {
  const painted = await page.evaluate(
    (identifier) =>
      new Promise<number[]>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect()
          const times = list
            .getEntries()
            .filter((entry) => (entry as PerformanceEntry & { identifier?: string }).identifier === identifier)
            .map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime)
          resolve(times)
        }).observe({ type: 'element', buffered: true })
      }),
    FIRST_OPTION_TIMING,
  )
  if (painted.length === 0) throw new Error('No Element Timing entry for the payment options: is their elementtiming attribute still there?')
  return Math.min(...painted)
}

/** QA approval of a pending collect attempt → the success screen, as the customer's page shows it, `runs` times; the approval may go to another instance than the page's (`approveAt`). */
export async function approvalToSuccess(origin: string, runs: number, approveAt = origin): Promise<number[]> {
  const times: number[] = []
  await withFreshBrowser(async (context) => {
    for (let i = 0; i < runs; i++) {
      const { orderId, url } = await createSession(origin)
      const pageId = new URL(url).pathname.split('/')[2] ?? ''
      const started = await fetch(`${origin}/api/pages/${pageId}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${orderId}` },
        body: JSON.stringify({ rail: 'upi', channel: 'collect', vpa: 'pending@upi', setUpMandate: true }),
      })
      if (!started.ok) throw new Error(`starting the attempt answered ${started.status}`)
      const page = await context.newPage()
      await page.goto(url)
      await page.getByRole('heading', { name: /waiting for your approval/i }).waitFor()
      const t0 = performance.now()
      await fetch(`${approveAt}/sandbox/orders/${orderId}/attempt/approve`, { method: 'POST', headers: { authorization: BASIC } })
      await page.getByRole('heading', { level: 1, name: /AutoPay is set up/i }).waitFor()
      times.push(performance.now() - t0)
      await page.close()
    }
  })
  return times
}

/** Runs scripts/bench/load.ts against one origin (on CPU 1 when pinned) and answers what it measured. */
async function runLoad(origin: string, options: { count?: number; pinned?: boolean } = {}): Promise<LoadResult> {
  const load = [process.execPath, '--import', 'tsx', 'scripts/bench/load.ts', origin, ...(options.count === undefined ? [] : [String(options.count)])]
  const [command = process.execPath, ...args] = options.pinned && hasTaskset() ? ['taskset', '-c', '1', ...load] : load
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', () => resolve(out))
  })
  return LoadResult.parse(JSON.parse(output))
}

/** Creates `count` sessions with 50 connections, as fast as the sandbox takes them. */
export function fillSessions(sandbox: RunningSandbox, count: number): Promise<LoadResult> {
  return runLoad(sandbox.origin, { count })
}

/** POST /session at 50 connections for 10 s: the load generator on CPU 1, the sandbox (started on CPU 0) apart. */
export async function sessionThroughput(sandbox: RunningSandbox): Promise<LoadResult & { cpuUsPerRequest: number | null }> {
  const cpuBefore = sandbox.cpuMs()
  const result = await runLoad(sandbox.origin, { pinned: true })
  const cpuAfter = sandbox.cpuMs()
  // Server CPU per request holds still when other work shares the machine, unlike req/s.
  const cpuUsPerRequest =
    cpuBefore !== null && cpuAfter !== null && result.requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / result.requests : null
  return { ...result, cpuUsPerRequest }
}

/**
 * POST /session on several instances at once, 50 connections each for 10 s, the load generators
 * unpinned: what a shared sandbox gives on this machine, where they share its cores with the
 * instances. Requests add up; p99 is the worst instance's.
 */
export async function clusterThroughput(sandboxes: readonly RunningSandbox[]): Promise<LoadResult> {
  const results = await Promise.all(sandboxes.map((sandbox) => runLoad(sandbox.origin)))
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0)
  return {
    rps: sum((r) => r.rps),
    p99: Math.max(...results.map((r) => r.p99)),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  }
}
