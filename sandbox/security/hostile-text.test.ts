import { beforeAll, describe, expect, it } from 'vitest'
import { JuspayError } from '../../contract/errors'
import { SessionView } from '../../contract/session'
import { BANK_OTP } from '../../contract/scenarios'
import { seedOrder } from '../testing/fixtures'
import { basic, DEMO_KEY, jsonOf, secureSandbox, type SecureSandbox } from '../testing/security-harness'

const HOSTILE: [string, string][] = [
  ['a script element', '<script>alert(1)</script>'],
  ['a data element break-out', '</script><script>alert(2)</script><!--'],
  ['markup with a handler', '"><img src=x onerror=alert(3)>'],
  ['an attribute break-out in single quotes', "' onmouseover='alert(4)' x='"],
  ['markup already escaped once', '&lt;script&gt;alert(5)&lt;/script&gt;'],
  ['a right-to-left override', 'Acme \u202Egnp.exe'],
  ['bidi isolates and marks', '\u2067evil\u2069 \u200F\u061C \u202Bemb\u202C'],
  ['emoji', '🧘‍♀️ Yoga 🇮🇳 plan'],
  ['quotes of every kind', `"double" 'single' \`back\``],
]
const BENIGN = 'Gold plan'
/** 5,000 characters: more than any API field takes, so these reach the pages through the domain. */
const LONG = '<script>alert("long")</script>\u202E🧘'.repeat(200).slice(0, 5000)

/** Each test renders ten pages through two whole flows: a guard for a loaded CI machine, not a speed check. */
const FLOW_TIMEOUT_MS = 60_000

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

const PIN = '482916'
const ENACH = {
  bankCode: 'HDFC',
  authMode: 'netbanking',
  accountHolderName: 'Asha Verma',
  accountNumber: '1111111111',
  ifsc: 'HDFC0001234',
  accountType: 'SAVINGS',
} as const

/** Every Juspay field a merchant fills with free text. */
const juspayText = (text: string) => ({
  description: text,
  first_name: text,
  last_name: text,
  'mandate.description': text,
  ...Object.fromEntries([6, 7, 8, 9, 10].map((n) => [`udf${n}`, text])),
})

/** Every checkout-session field a merchant fills with free text. */
const checkoutText = (text: string) => ({
  description: text,
  customer: { email: 'asha@example.com', name: text, merchant_customer_id: 'cust-42' },
  line_items: [
    {
      quantity: 1,
      price_data: { unit_amount: 499, product_data: { name: text }, recurring: { interval: 'month', interval_count: 1 } },
    },
  ],
  metadata: { note: text },
})

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

type Via = 'api' | 'domain'

/** The merchant name and every order text set to `text`, through the APIs or (past their limits) the domain. */
async function ordersWith(s: SecureSandbox, text: string, via: Via) {
  if (via === 'domain') {
    const customer = { id: 'c1', email: 'asha@example.com', phone: '9876543210', firstName: text, lastName: text }
    const seed = () =>
      seedOrder(s.deps, {
        description: text,
        customer,
        udf: Array.from({ length: 10 }, () => text),
        lineItems: [{ name: text, quantity: 1, amount: { minor: 100, currency: 'INR' } }],
      })
    return { upi: await seed(), enach: await seed(), checkout: await seed() }
  }
  const upi = await s.juspayOrder(DEMO_KEY, juspayText(text))
  const enach = await s.juspayOrder(DEMO_KEY, juspayText(text))
  const checkout = (await s.checkoutSession(DEMO_KEY, checkoutText(text))).order
  return { upi, enach, checkout }
}

/** Every server-rendered page that shows merchant text, as HTML, for one value of that text. */
async function render(text: string, via: Via): Promise<Map<string, string>> {
  const s = secureSandbox({ customise: (m) => (m.id === 'demo_merchant' ? { ...m, name: text } : m) })
  const { upi, enach, checkout } = await ordersWith(s, text, via)
  const pages = new Map<string, string>()
  const get = async (name: string, path: string, init?: RequestInit) => {
    const res = await s.request(path, init)
    pages.set(name, await res.text())
    return res
  }

  await get('payment page (Juspay order)', `/orders/${upi.id}/payment-page`)
  await get('payment page (checkout session)', `/orders/${checkout.id}/payment-page`)

  const intent = await s.startAttempt(upi.id, { rail: 'upi', channel: 'intent', setUpMandate: true })
  const app = `/simulator/upi/${intent.attempt.simulatorToken}`
  await get('UPI app, request', app)
  await get('UPI app, form with errors', `${app}/approve`, form({ pin: '1' }))
  expect((await s.request(`${app}/approve`, form({ pin: PIN, payer_vpa: 'asha@okaxis' }))).status).toBe(303)
  await get('UPI app, approved', app)
  await get('UPI app, decided twice', `${app}/decline`, form({}))

  const bank = await s.startAttempt(enach.id, { rail: 'netbanking', setUpMandate: true, enach: ENACH })
  const at = `/simulator/bank/${bank.attempt.simulatorToken}`
  await get('bank, log in', at)
  expect((await s.request(`${at}/credentials`, form({ user_id: 'asha', password: 'pw' }))).status).toBe(303)
  expect((await s.request(`${at}/otp`, form({ otp: BANK_OTP }))).status).toBe(303)
  await get('bank, mandate to authorise', at)
  expect((await s.request(`${at}/authorise`, { method: 'POST' })).status).toBe(303)
  await get('bank, mandate registered', at)
  await get('payment page after the mandate', `/orders/${enach.id}/payment-page`)
  return pages
}

/** The document's structure: each tag with its attribute names, text and attribute values left out. */
const skeleton = (html: string): string[] =>
  [...html.matchAll(/<(\/?[a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g)].map(
    ([, tag = '', attrs = '']) => `${tag}${[...attrs.matchAll(/\s+([\w-]+)/g)].map((m) => ` ${m[1] ?? ''}`).join('')}`,
  )

/** Text outside every <bdi> element; bidi controls must not reach it. */
const outsideBdi = (html: string): string => html.replace(/<bdi>[^<]*<\/bdi>/g, '')

/** The boot data of a payment page, parsed. */
function bootData(html: string): unknown {
  const found = /<script type="application\/json" id="boot-data">([\s\S]*?)<\/script>/.exec(html)
  if (!found?.[1]) throw new Error('no boot data')
  return JSON.parse(found[1])
}

function checkPages(pages: Map<string, string>, benign: Map<string, string>, text: string) {
  expect([...pages.keys()]).toEqual([...benign.keys()])
  for (const [name, html] of pages) {
    const context = `${name}, ${JSON.stringify(text.slice(0, 40))}`
    // The text changes no element or attribute: the page has the shape it has with harmless text.
    expect(skeleton(html), context).toEqual(skeleton(benign.get(name) ?? ''))
    expect(BIDI_CONTROLS.test(outsideBdi(html)), `${context}: a bidi control outside <bdi>`).toBe(false)
    if (name.startsWith('payment page')) {
      // The one inline script is data, and holds the merchant's text exactly.
      expect(html.match(/<script/gi), context).toHaveLength(2)
      expect(html.match(/<\/script/gi), context).toHaveLength(2)
      const boot = bootData(html)
      expect(boot, context).toMatchObject({ kind: 'session' })
      const view = SessionView.parse(typeof boot === 'object' && boot !== null && 'view' in boot ? boot.view : null)
      expect(view.merchant.name, context).toBe(text)
      expect([view.description, ...view.lineItems.map((l) => l.name)], context).toContain(text)
    } else {
      expect(/<script|<img|<!--/i.exec(html)?.[0], `${context}: markup from the text`).toBeUndefined()
    }
  }
}

/** What a reader sees: tags dropped, the entities html`` writes decoded. */
const visible = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

describe('hostile merchant text renders as text', () => {
  let benignApi: Map<string, string>
  let benignDomain: Map<string, string>

  beforeAll(async () => {
    benignApi = await render(BENIGN, 'api')
    benignDomain = await render(BENIGN, 'domain')
  }, FLOW_TIMEOUT_MS)

  it('with harmless text, every page is rendered and shows it', () => {
    expect(benignApi.size).toBe(10)
    for (const name of ['UPI app, request', 'UPI app, approved', 'bank, mandate to authorise', 'bank, mandate registered']) {
      expect(visible(benignApi.get(name) ?? '')).toContain(BENIGN)
    }
  })

  it.each(HOSTILE)('%s, through the APIs, in every merchant field', async (_name, text) => {
    const pages = await render(text, 'api')
    checkPages(pages, benignApi, text)
    for (const name of ['UPI app, request', 'bank, mandate to authorise']) {
      const html = pages.get(name) ?? ''
      expect(visible(html)).toContain(text)
      expect(html).toContain(`<bdi>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</bdi>`)
    }
  }, FLOW_TIMEOUT_MS)

  it('5,000 characters of markup, bidi and emoji, in the merchant name and every order text', async () => {
    const pages = await render(LONG, 'domain')
    checkPages(pages, benignDomain, LONG)
    expect(visible(pages.get('bank, mandate to authorise') ?? '').includes(LONG), 'the whole text is shown').toBe(true)
  }, FLOW_TIMEOUT_MS)

  it('the APIs refuse 5,000 characters in the Juspay envelope, and store nothing', async () => {
    const s = secureSandbox()
    for (const field of ['description', 'first_name', 'udf6']) {
      const res = await s.postJson('/session', { order_id: 'long-1', amount: '1.00', customer_id: 'c', [field]: LONG }, { authorization: basic(DEMO_KEY) })
      expect(res.status).toBe(400)
      const error = JuspayError.parse(await res.json())
      expect(error.error_info.fields.map((f) => f.field_name)).toContain(field)
      expect(JSON.stringify(error)).not.toContain('<script')
    }
    expect(await s.store.size()).toBe(0)
  })

  it.each([
    ['order_id', '<script>x</script>'],
    ['customer_email', '"><script>@x.com'],
    ['customer_phone', '<b>98765</b>'],
    ['udf1', '<script>'],
  ])('%s with markup is refused rather than stored', async (field, value) => {
    const s = secureSandbox()
    const res = await s.postJson('/session', { order_id: 'hostile-1', amount: '1.00', customer_id: 'c', [field]: value }, { authorization: basic(DEMO_KEY) })
    expect(res.status).toBe(400)
    expect(JuspayError.parse(await res.json()).error_info.fields.map((f) => f.field_name)).toContain(field)
    expect(await s.store.size()).toBe(0)
  })
})

describe('return URLs are stored in the parsed URL’s normalised form in every dialect', () => {
  const SENT = 'HTTP://LOCALHOST:3000/shop/../done?plan=basic'
  const NORMALISED = 'http://localhost:3000/done?plan=basic'

  it('Juspay', async () => {
    const s = secureSandbox()
    const order = await s.juspayOrder(DEMO_KEY, { return_url: SENT })
    expect(order.returnUrl).toBe(NORMALISED)
  })

  it('checkout sessions', async () => {
    const s = secureSandbox()
    const { order } = await s.checkoutSession(DEMO_KEY, { success_url: SENT })
    expect(order.returnUrl).toBe(NORMALISED)
  })

  it('Zenskar', async () => {
    const s = secureSandbox()
    const res = await s.postJson(
      '/checkouts',
      { plan_id: 'fit_monthly', customer_id: 'cust_1', success_url: SENT, cancel_url: SENT },
      { 'x-api-key': DEMO_KEY },
    )
    expect(res.status).toBe(201)
    const pageId = new URL(String((await jsonOf(res))['url'])).pathname.split('/')[2] ?? ''
    expect((await s.stored(pageId)).returnUrl).toBe(NORMALISED)
  })
})
