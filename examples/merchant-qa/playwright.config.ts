import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/** Debian's Chromium when there is one (or CHROMIUM_PATH); else Playwright's own (`npx playwright install chromium`). */
const chromium = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

/** The sandbox comes from SANDBOX_URL (default http://127.0.0.1:4000, as `npm start` serves it). */
export default defineConfig({
  testDir: 'tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 45_000,
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromium },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'] } }],
})
