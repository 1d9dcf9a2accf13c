import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from '@playwright/test'
import { descendantsCpuMs } from './proc'

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
export const CHROMIUM_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** DevTools' "Slow 4G" (formerly "Fast 3G"): 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up, 150 ms × 3.75 RTT. */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6e6 / 8) * 0.9,
  uploadThroughput: (750e3 / 8) * 0.9,
}

/** A fresh browser with an empty profile, so no HTTP or code cache carries over between runs. */
export async function withFreshBrowser<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 412, height: 915 },
  })
  try {
    return await run(context)
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

/** Chromium's process names: Debian's `chromium`, Playwright's own `chrome` or `headless_shell`. */
const BROWSER_PROCESS = /^(chromium|chrome|headless_shell)/
const IDLE_WINDOW_MS = 200
/** At most this much CPU in a window counts as idle: a tenth of one core. */
const IDLE_CPU_MS = IDLE_WINDOW_MS / 10
const IDLE_WINDOWS = 2
const MAX_WAIT_MS = 10_000
/** Where /proc cannot be read: a freshly launched browser settled within 1.0–1.5 s here (docs/budgets.md#time-to-first-option). */
const WAIT_WITHOUT_PROC_MS = 2_000

/**
 * Waits until the browser this process launched has finished starting: its processes used at most
 * a tenth of a core in each of two 200 ms windows (at most 10 s). A fresh Chromium spends about
 * 1.2 s of CPU across both cores of this machine in the second after its first tab opens, and a navigation timed
 * meanwhile measures that start-up, which a customer's running browser does not have. Call it
 * before any CPU throttling: Chromium's throttling keeps its processes at about 0.85 of a core for
 * as long as it is on, so a throttled browser never looks idle. Answers the time waited, in ms.
 */
export async function untilBrowserIdle(): Promise<number> {
  const started = performance.now()
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const first = descendantsCpuMs(BROWSER_PROCESS)
  if (first === null) {
    await sleep(WAIT_WITHOUT_PROC_MS)
    return performance.now() - started
  }
  let last = first
  let quiet = 0
  while (quiet < IDLE_WINDOWS && performance.now() - started < MAX_WAIT_MS) {
    await sleep(IDLE_WINDOW_MS)
    const now = descendantsCpuMs(BROWSER_PROCESS) ?? last
    // A process started in the window counts from zero; one that ended in it is not counted.
    let used = 0
    for (const [pid, cpuMs] of now) used += cpuMs - (last.get(pid) ?? 0)
    quiet = used <= IDLE_CPU_MS ? quiet + 1 : 0
    last = now
  }
  return performance.now() - started
}

/** The ready screen's primary button once it works: on the server-rendered screen it is disabled until the page has hydrated. */
export const primaryButtonWorks = 'button:has-text("Continue with"):enabled'
