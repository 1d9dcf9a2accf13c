import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/** A system Chromium (CHROMIUM_PATH, or Debian's /usr/bin/chromium) when present; else Playwright's own. */
const systemChromium = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const port = Number(process.env['E2E_PORT'] ?? 4100)
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: 'e2e/journeys',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A failed journey keeps its trace with DOM snapshots but no screenshots: the screencast
    // behind them cost a third of the suite's wall time on a 2-core machine (docs/architecture.md#what-ci-costs).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Software compositing: headless Chromium otherwise composites through SwiftShader, a GPU
        // emulated on the CPU, which the journeys pay for and never look at (docs/architecture.md#what-ci-costs).
        '--disable-gpu',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    command: 'tsx sandbox/server.ts',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    env: { PORT: String(port), HOST: '127.0.0.1', SANDBOX_ALLOWED_HOSTS: 'checkout.qa.test' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
