import type { BrowserContext, Request, Response } from '@playwright/test'
import { expect, test } from '../fixtures'
import { emulate } from '../support/emulate'
import { UpiAppPage } from '../../packages/testing/src/pages/upi-app'
import { AttemptLedger } from '../support/attempt-ledger'
import { DEMO_MERCHANT, uniqueOrderId } from '../support/merchant-api'
import { checkoutSubscriptionSample } from '../support/samples'
import { baseURL } from '../../playwright.config'
import { stayOnResult } from '../support/return'

interface SeenRequest {
  url: string
  isNavigation: boolean
  /** The Referer the browser really sent; read once the journey is over. */
  headers: Promise<Record<string, string>>
}

/**
 * Everything the browser does in a context, popups included: each request with the headers it
 * really sent, each response from the sandbox, and every CSP violation (as an event in the page
 * and as the console message Chromium prints).
 */
class BrowserRecord {
  readonly requests: SeenRequest[] = []
  readonly responses: Response[] = []
  readonly cspConsole: string[] = []

  static async start(context: BrowserContext): Promise<BrowserRecord> {
    const record = new BrowserRecord()
    await context.addInitScript(() => {
      const seen: string[] = []
      Object.defineProperty(window, '__cspViolations', { value: seen })
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    context.on('request', (request: Request) => {
      record.requests.push({ url: request.url(), isNavigation: request.isNavigationRequest(), headers: request.allHeaders() })
    })
    context.on('response', (response) => {
      if (response.url().startsWith(baseURL)) record.responses.push(response)
    })
    context.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) record.cspConsole.push(message.text())
    })
    return record
  }

  /** CSP violations the context's open pages saw so far (read before a page navigates away), and those printed. */
  async violations(context: BrowserContext): Promise<string[]> {
    const perPage = await Promise.all(
      context.pages().map((p) => p.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
    )
    return [...perPage.flat(), ...this.cspConsole]
  }

  /** Each request with the Referer it sent. */
  async referers(): Promise<{ url: string; referer: string | null }[]> {
    return Promise.all(this.requests.map(async (r) => ({ url: r.url, referer: (await r.headers)['referer'] ?? null })))
  }

  /** Request URLs and Referers that contain any of the secrets, leaving out the first navigation (the merchant's own link). */
  async leaks(secrets: readonly string[], firstUrl: string | null): Promise<string[]> {
    const found: string[] = []
    for (const { url, referer } of await this.referers()) {
      for (const secret of secrets) {
        if (url.includes(secret) && url !== firstUrl) found.push(`URL ${url}`)
        if (referer?.includes(secret)) found.push(`Referer ${referer} on ${url}`)
      }
    }
    return found
  }

  /** Requests that carried any Referer at all (the page's policy is no-referrer). */
  async withReferer(): Promise<string[]> {
    return (await this.referers()).filter((r) => r.referer !== null).map((r) => `${r.url} ← ${r.referer ?? ''}`)
  }
}

/** The CSP directives of a response, by name. */
function cspDirectives(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), values)
  }
  return directives
}

function expectStrictPageHeaders(response: Response | null): void {
  expect(response).not.toBeNull()
  const headers = response?.headers() ?? {}
  const csp = cspDirectives(headers['content-security-policy'])
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('default-src')).toEqual(["'none'"])
  expect(csp.get('style-src')).not.toContain("'unsafe-inline'")
  expect(csp.get('frame-ancestors')?.length).toBeGreaterThan(0)
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['cache-control']).toContain('no-store')
}

/** Every answer of the page API that the browser saw holds session data: none may be cached, and none may run as a document. */
function expectApiHeaders(responses: readonly Response[]): void {
  const api = responses.filter((r) => new URL(r.url()).pathname.startsWith('/api/') && !r.url().endsWith('/events'))
  expect(api.length).toBeGreaterThan(0)
  for (const response of api) {
    const headers = response.headers()
    expect(headers['cache-control'], response.url()).toContain('no-store')
    expect(cspDirectives(headers['content-security-policy']).get('default-src'), response.url()).toEqual(["'none'"])
    expect(headers['x-content-type-options'], response.url()).toBe('nosniff')
  }
}

/** The merchant's return and anything else off the sandbox answer in the test: no request leaves the machine. */
async function answerOffSandbox(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'merchant' }),
  )
}

test('a client secret in the query leaves the address bar, never travels in a URL or Referer again, and a full QR journey runs under the strict CSP', async ({
  merchant,
  page,
  context,
  request,
  expectAccessible,
}) => {
  const record = await BrowserRecord.start(context)
  await answerOffSandbox(context)
  const orderId = uniqueOrderId('sec')
  const { clientSecret } = await merchant.createCheckoutSession({
    ...checkoutSubscriptionSample(),
    merchant_order_id: orderId,
    success_url: 'https://shop.merchant.com/done',
  })
  const firstUrl = `${baseURL}/checkout?client_secret=${clientSecret}`

  const document = await page.goto(firstUrl)
  expectStrictPageHeaders(document)
  await expect(page.getByRole('heading', { level: 1, name: 'Review and pay' })).toBeVisible()
  const address = new URL(page.url())
  expect(address.search).toBe('')
  expect(address.pathname).toBe('/checkout')

  await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
  await expect(page.getByRole('img', { name: 'QR code for the UPI mandate' })).toBeVisible()
  const popupPromise = page.waitForEvent('popup')
  await page.getByRole('link', { name: /Open the simulated UPI app/ }).click()
  const app = new UpiAppPage(await popupPromise)
  await app.expectMandateRequest()
  await app.approve()
  await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
  await stayOnResult(page)
  await expectAccessible()
  const violations = await record.violations(context)
  const returned = page.waitForRequest((r) => r.isNavigationRequest() && !r.url().startsWith(baseURL))
  await page.getByRole('button', { name: /^Return to / }).click()
  await returned

  const pageId = record.requests.map((r) => /\/api\/pages\/(ordeh_[0-9a-f]{32})/.exec(r.url)?.[1]).find(Boolean)
  expect(pageId).toBeDefined()
  await new AttemptLedger(request).expectOneAttempt(orderId, pageId ?? '')

  expect(record.requests.filter((r) => r.url === firstUrl)).toHaveLength(1)
  expect(await record.leaks([clientSecret, DEMO_MERCHANT.apiKey], firstUrl)).toEqual([])
  expect(await record.withReferer()).toEqual([])
  expectApiHeaders(record.responses)
  expect(violations).toEqual([])
  expect(record.cspConsole).toEqual([])
})

test.describe('iPhone: collect', () => {
  test.use(emulate('iPhone 13'))

  test("the payer's UPI ID travels only in request bodies, never in a URL or Referer, and the journey raises no CSP violation", async ({
    merchant,
    page,
    context,
    request,
  }) => {
    const record = await BrowserRecord.start(context)
    await answerOffSandbox(context)
    const vpa = 'asha.verma.7731@okhdfc'
    const { orderId, pageUrl } = await merchant.createSession({
      amount: '1.00',
      'options.create_mandate': 'REQUIRED',
      'mandate.max_amount': '1000.00',
      'mandate.frequency': 'MONTHLY',
      'mandate.rule_value': '5',
    })
    const document = await page.goto(pageUrl)
    expectStrictPageHeaders(document)
    await page.getByRole('button', { name: 'Continue with UPI AutoPay' }).click()
    await page.getByRole('textbox', { name: 'UPI ID' }).fill(vpa)
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('button', { name: 'Send request' }).click()
    await expect(page.getByText(`We sent a request to ${vpa}.`)).toBeVisible()
    await new AttemptLedger(request).decide(orderId, 'approve')
    await expect(page.getByRole('heading', { level: 1, name: 'AutoPay is set up' })).toBeVisible()
    await stayOnResult(page)
    const violations = await record.violations(context)
    await page.getByRole('button', { name: /^Return to / }).click()
    await expect.poll(() => record.requests.some((r) => r.isNavigation && !r.url.startsWith(baseURL))).toBe(true)

    const encoded = [vpa, encodeURIComponent(vpa), vpa.split('@')[0] ?? vpa]
    expect(await record.leaks([...encoded, DEMO_MERCHANT.apiKey], null)).toEqual([])
    expect(await record.withReferer()).toEqual([])
    expectApiHeaders(record.responses)
    expect(violations).toEqual([])
    expect(record.cspConsole).toEqual([])
  })
})
