import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { CHROMIUM, CHROMIUM_FLAGS } from './browser'

/** Lighthouse 12 mobile (its default simulated Slow 4G and 4× CPU), performance and accessibility. */
export async function lighthouseScores(url: string): Promise<{ performance: number; accessibility: number; lcp: number; cls: number }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lh-profile-'))
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', ...CHROMIUM_FLAGS],
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
      output: 'json',
      logLevel: 'error',
    })
    const lhr = result?.lhr
    if (!lhr) throw new Error('Lighthouse returned no result')
    return {
      performance: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories['accessibility']?.score ?? 0) * 100),
      lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
    }
  } finally {
    chrome.kill()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}
