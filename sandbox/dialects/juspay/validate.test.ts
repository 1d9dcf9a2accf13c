import { describe, expect, it } from 'vitest'
import type { Merchant } from '../../merchants'
import { parseFormBody } from './read-body'
import { DEMO, NOW, NOW_SECONDS, OTHER, mandateSession } from '../../testing/juspay-dialect'
import { MemoryStore } from '../../store/memory-store'
import { planChangePreview } from '../../domain/plan-change'
import { istMidnight } from '../../domain/proration'
import type { Subscription } from '../../domain/subscriptions'
import { orderBilling, subscriptionFixture, TEST_NOW } from '../../testing/fixtures'
import { formatRupees } from './decimal'
import { validateOrderRequest } from './validate'

const validate = (body: Record<string, unknown>, merchant: Merchant = DEMO) => validateOrderRequest(body, { merchant, now: NOW, store: new MemoryStore() })

async function fieldsOf(body: Record<string, unknown>, merchant: Merchant = DEMO): Promise<string[]> {
  const result = await validate(body, merchant)
  return result.ok ? [] : result.fields.map((f) => f.field_name)
}

async function draftOf(body: Record<string, unknown>) {
  const result = await validate(body)
  if (!result.ok) throw new Error(JSON.stringify(result.fields))
  return result.draft
}

const plain = { order_id: 'ord_1', amount: '10.00' }

describe('core fields', () => {
  it('maps a minimal payment into a draft with no mandate', async () => {
    expect(await draftOf(plain)).toMatchObject({
      merchantId: 'demo_merchant',
      orderId: 'ord_1',
      amountMinor: 1000,
      chargedTodayMinor: 1000,
      currency: 'INR',
      customer: { id: null, email: null, phone: null, firstName: null, lastName: null },
      description: null,
      returnUrl: null,
      udf: Array.from({ length: 10 }, () => ''),
      metadata: {},
      createMandate: null,
      mandate: null,
      paymentRules: null,
      billing: null,
      lineItems: [],
      preferredRail: null,
      language: null,
      expiresAt: '2026-03-11T06:30:00.000Z',
      source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null },
    })
  })

  it.each<[string, Record<string, unknown>, string[]]>([
    ['missing order_id and amount', {}, ['order_id', 'amount']],
    ['order_id of 21 characters', { ...plain, order_id: 'x'.repeat(21) }, ['order_id']],
    ['amount with three decimals', { ...plain, amount: '100.1532' }, ['amount']],
    ['zero amount', { ...plain, amount: 0 }, ['amount']],
    ['USD', { ...plain, currency: 'USD' }, ['currency']],
    ['lower-case inr', { ...plain, currency: 'inr' }, ['currency']],
    ['bad email', { ...plain, customer_email: 'not-an-email' }, ['customer_email']],
    ['phone with +91', { ...plain, customer_phone: '+919876543210' }, ['customer_phone']],
    ['long first_name', { ...plain, first_name: 'a'.repeat(256) }, ['first_name']],
    ['long last_name', { ...plain, last_name: 'a'.repeat(256) }, ['last_name']],
    ['long description', { ...plain, description: 'a'.repeat(256) }, ['description']],
    ['control character in customer_id', { ...plain, customer_id: 'a\u0000' }, ['customer_id']],
    ['special characters in udf3', { ...plain, udf3: '<b>' }, ['udf3']],
    ['long udf8', { ...plain, udf8: 'a'.repeat(256) }, ['udf8']],
    ['return_url on another host', { ...plain, return_url: 'https://evil.example.com/x' }, ['return_url']],
    ['return_url with a fragment', { ...plain, return_url: 'https://shop.merchant.com/#x' }, ['return_url']],
    ['relative return_url', { ...plain, return_url: '/return' }, ['return_url']],
    ['unknown action', { ...plain, action: 'pay' }, ['action']],
    ['paymentManagement', { ...plain, action: 'paymentManagement' }, ['action']],
    ['unknown language', { ...plain, language: 'fr' }, ['language']],
    ['bad create_mandate', { ...plain, 'options.create_mandate': 'OPTIONAL/REQUIRED' }, ['options.create_mandate']],
    ['mandate fields without create_mandate', { ...plain, 'mandate.max_amount': '100.00' }, ['options.create_mandate']],
    ['underscore mandate field without create_mandate', { ...plain, mandate_frequency: 'DAILY' }, ['options.create_mandate']],
    ['enach without a mandate', { ...plain, action: 'enach' }, ['options.create_mandate']],
    ['expiryInMins of zero', { ...plain, 'metadata.expiryInMins': '0' }, ['metadata.expiryInMins']],
    ['expiryInMins above 30 days', { ...plain, metadata: { expiryInMins: 43201 } }, ['metadata.expiryInMins']],
    ['relative webhook_url', { ...plain, 'metadata.webhook_url': 'hooks' }, ['metadata.webhook_url']],
    ['auto_refund that is not a boolean', { ...plain, 'metadata.auto_refund_post_success': 'yes' }, ['metadata.auto_refund_post_success']],
    ['payment_rules that are not JSON', { ...plain, payment_rules: '{' }, ['payment_rules']],
  ])('refuses %s', async (_, body, fields) => {
    expect(await fieldsOf(body)).toEqual(fields)
  })

  it('refuses enach for a merchant without net banking', async () => {
    expect(await fieldsOf(mandateSession({ action: 'enach', return_url: 'http://localhost:3000/r' }), OTHER)).toEqual(['action'])
  })

  it('refuses a billing plan registration whose mandate is only OPTIONAL', async () => {
    const body = mandateSession({
      'options.create_mandate': 'OPTIONAL',
      payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly' } } } },
    })
    expect(await fieldsOf(body)).toEqual(['options.create_mandate'])
  })

  it('reports every bad field of a request together', async () => {
    expect(
      await fieldsOf({
        order_id: 'bad id!',
        amount: '1.234',
        currency: 'EUR',
        customer_email: 'x',
        'options.create_mandate': 'REQUIRED',
        'mandate.frequency': 'HOURLY',
        'mandate.max_amount': 'lots',
      }),
    ).toEqual(['order_id', 'amount', 'currency', 'customer_email', 'mandate.max_amount', 'mandate.frequency'])
  })
})

describe('optional fields', () => {
  it('stores customer, udfs, language and metadata', async () => {
    const draft = await draftOf({
      ...plain,
      customer_id: 'cust_1',
      customer_email: 'asha@example.com',
      customer_phone: '9876543210',
      first_name: 'Asha',
      last_name: 'Verma',
      description: 'Gym membership\nMonthly',
      return_url: 'http://localhost:5173/return',
      language: 'hi',
      udf1: 'plan gold',
      udf10: '{"any":"thing"}',
      'metadata.auto_refund_post_success': true,
      metadata: { expiryInMins: 15, note: { nested: 1 } },
      'options.get_upi_deep_links': 'true',
    })
    expect(draft).toMatchObject({
      customer: { id: 'cust_1', email: 'asha@example.com', phone: '9876543210', firstName: 'Asha', lastName: 'Verma' },
      description: 'Gym membership\nMonthly',
      returnUrl: 'http://localhost:5173/return',
      language: 'hi',
      metadata: { auto_refund_post_success: 'true', expiryInMins: '15', note: '{"nested":1}' },
      expiresAt: '2026-03-10T06:45:00.000Z',
      source: { getUpiDeepLinks: true },
    })
    expect(draft.udf[0]).toBe('plan gold')
    expect(draft.udf[9]).toBe('{"any":"thing"}')
  })

  it('treats an empty customer_id (guest) as absent', async () => {
    expect((await draftOf({ ...plain, customer_id: '' })).customer.id).toBeNull()
  })

  it('prefers net banking for action enach', async () => {
    expect((await draftOf(mandateSession({ action: 'enach' }))).preferredRail).toBe('netbanking')
  })

  it('ignores unknown keys', async () => {
    expect((await validate({ ...plain, service: 'in.juspay.ec', gateway_id: '100', mobile_country_code: '91' })).ok).toBe(true)
  })
})

describe('mandates and spellings', () => {
  const dotted = mandateSession({
    'mandate.frequency': 'MONTHLY',
    'mandate.rule_value': '5',
    'mandate.rule_type': 'ON',
    'mandate.start_date': String(NOW_SECONDS),
    'mandate.block_funds': 'false',
  })
  const underscored = {
    order_id: 'ord_1',
    amount: '1.00',
    customer_id: 'cust_1',
    return_url: 'https://shop.merchant.com/return',
    payment_page_client_id: 'demo_merchant',
    action: 'paymentPage',
    options: { create_mandate: 'REQUIRED' },
    mandate_max_amount: 1000,
    mandate_frequency: 'MONTHLY',
    mandate_rule_value: 5,
    mandate_rule_type: 'ON',
    mandate_start_date: NOW_SECONDS,
    mandate_block_funds: false,
  }
  const nested = {
    ...underscored,
    mandate: { max_amount: '1000.00', frequency: 'MONTHLY', rule_value: 5, rule_type: 'ON', start_date: NOW_SECONDS, block_funds: false },
  }
  for (const key of Object.keys(underscored).filter((k) => k.startsWith('mandate_'))) Reflect.deleteProperty(nested, key)

  it('reads the same mandate from every spelling, with the same fingerprint', async () => {
    const drafts = await Promise.all([dotted, underscored, nested].map(draftOf))
    expect(drafts[0]?.mandate).toMatchObject({ maxAmount: { minor: 100000 }, frequency: 'MONTHLY', ruleValue: 5, ruleType: 'ON' })
    expect(new Set(drafts.map((d) => JSON.stringify(d.mandate))).size).toBe(1)
    expect(new Set(drafts.map((d) => d.fingerprint)).size).toBe(1)
  })

  it('gives a form body the same fingerprint as the equivalent JSON body', async () => {
    const form = parseFormBody(new URLSearchParams(Object.entries(dotted).map(([k, v]) => [k, String(v)])).toString())
    if (!form.ok) throw new Error('form did not parse')
    expect((await draftOf(form.body)).fingerprint).toBe((await draftOf(dotted)).fingerprint)
  })

  it('fingerprints the request before defaults, so a change of field changes it', async () => {
    expect((await draftOf(dotted)).fingerprint).not.toBe((await draftOf({ ...dotted, amount: '2.00' })).fingerprint)
  })

  it.each([
    ['max_amount', { 'mandate.max_amount': '1000.00', mandate_max_amount: '2000.00' }, 'mandate.max_amount'],
    ['frequency', { 'mandate.frequency': 'DAILY', mandate: { frequency: 'WEEKLY' } }, 'mandate.frequency'],
    ['create_mandate', { 'options.create_mandate': 'REQUIRED', options: { create_mandate: 'OPTIONAL' } }, 'options.create_mandate'],
    ['metadata', { 'metadata.plan': 'a', metadata: { plan: 'b' } }, 'metadata.plan'],
  ])('refuses two spellings of %s that disagree', async (_, overrides, field) => {
    expect(await fieldsOf(mandateSession(overrides))).toContain(field)
  })

  it('accepts booleans and numbers as strings, as form bodies send them', async () => {
    const draft = await draftOf(
      mandateSession({ 'mandate.frequency': 'ONETIME', 'mandate.block_funds': 'true', 'mandate.revokable_by_customer': 'false' }),
    )
    expect(draft.mandate).toMatchObject({ frequency: 'ONETIME', blockFunds: true, revokableByCustomer: false })
  })

  it('stores payment_rules sent as a JSON string as the parsed object', async () => {
    const rules = { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly' } } } }
    expect((await draftOf(mandateSession({ payment_rules: JSON.stringify(rules) }))).paymentRules).toEqual(rules)
  })
})

describe('what each refusal says', () => {
  async function refusals(body: Record<string, unknown>, merchant: Merchant = DEMO) {
    const result = await validate(body, merchant)
    return result.ok ? [] : result.fields
  }

  it.each<[string, Record<string, unknown>, Merchant, { field_name: string; reason: string }[]]>([
    [
      'no order_id and no amount',
      {},
      DEMO,
      [
        { field_name: 'order_id', reason: 'is required' },
        { field_name: 'amount', reason: 'is required' },
      ],
    ],
    [
      'action paymentManagement',
      { ...plain, action: 'paymentManagement' },
      DEMO,
      [{ field_name: 'action', reason: 'paymentManagement (saved instruments) is not supported by this sandbox; use paymentPage or enach' }],
    ],
    [
      'action enach for a merchant without net banking',
      mandateSession({ action: 'enach', return_url: 'http://localhost:3000/r' }),
      OTHER,
      [{ field_name: 'action', reason: 'enach needs net banking, which is not enabled for this merchant' }],
    ],
    ['action enach without create_mandate', { ...plain, action: 'enach' }, DEMO, [{ field_name: 'options.create_mandate', reason: 'is required with action enach, which registers a mandate' }]],
    [
      'mandate fields without create_mandate',
      { ...plain, 'mandate.max_amount': '100.00' },
      DEMO,
      [{ field_name: 'options.create_mandate', reason: 'is required when mandate fields are given (REQUIRED or OPTIONAL)' }],
    ],
    [
      'a plan registration with an OPTIONAL mandate',
      mandateSession({
        'options.create_mandate': 'OPTIONAL',
        payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly' } } } },
      }),
      DEMO,
      [{ field_name: 'options.create_mandate', reason: 'must be REQUIRED when payment_rules registers a billing plan' }],
    ],
  ])('%s', async (_, body, merchant, fields) => {
    expect(await refusals(body, merchant)).toEqual(fields)
  })

  // A field whose value was refused already is not blamed a second time for being absent.
  const createMandate = { field_name: 'options.create_mandate', reason: 'must be one of REQUIRED, OPTIONAL' }
  const registration = { payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly' } } } } }
  it.each<[string, Record<string, unknown>, { field_name: string; reason: string }[]]>([
    ['an enach order', { ...plain, action: 'enach', 'options.create_mandate': 'ALWAYS' }, [createMandate]],
    ['an order with mandate fields', { ...plain, 'options.create_mandate': 'ALWAYS', 'mandate.max_amount': '100.00' }, [createMandate]],
    ['a plan registration', mandateSession({ 'options.create_mandate': 'ALWAYS', ...registration }), [createMandate]],
    [
      'a plan registration with a bad customer_id',
      mandateSession({ customer_id: 'a\u0000', ...registration }),
      [{ field_name: 'customer_id', reason: 'must not contain control characters' }],
    ],
  ])('names a bad create_mandate or customer_id once: %s', async (_, body, fields) => {
    expect(await refusals(body)).toEqual(fields)
  })

  it('sends the page client id through', async () => {
    expect((await draftOf(mandateSession())).source).toMatchObject({ dialect: 'juspay', paymentPageClientId: 'demo_merchant' })
  })
})

/**
 * Paying for a plan change (docs/domain/billing.md#plan-changes-paying-for-one), read without the
 * app: the demo merchant's subscription bei_a to fit_monthly (₹499 on the 5th), its cycle 25 Nov →
 * 5 Dec 2026, previewed at TEST_NOW for fit_monthly_plus (₹799); the quote holds 15 minutes and the
 * session is asked for a minute after it was made.
 */
describe('a session that pays for a plan change', () => {
  const AT = new Date(TEST_NOW.getTime() + 60_000)

  async function changeStore(capMinor: number) {
    const schedule = orderBilling().schedule
    const held = subscriptionFixture({ merchantId: 'demo_merchant', schedule: { ...schedule, cap: { ...schedule.cap, minor: capMinor } } }) as Subscription & {
      plan: NonNullable<Subscription['plan']>
    }
    const preview = planChangePreview({
      subscription: held,
      cycle: { start: istMidnight('2026-11-25'), end: istMidnight('2026-12-05') },
      requestId: 'r1',
      fingerprint: 'fp',
      now: TEST_NOW,
      lifetimeMinutes: 15,
      next: { planId: 'fit_monthly_plus', amountMinor: 79900, ruleValue: 5 },
    })
    const store = new MemoryStore()
    await store.insertSubscription(held)
    await store.insertPreview(preview)
    return { store, preview }
  }

  const change = (requestId: string, extra: Record<string, unknown> = {}) => ({
    order_id: 'chg_1',
    payment_rules: { payment_flows: { billing_plan_change: { status: 'REQUIRED', info: { billing_execution_info_id: 'bei_a', request_id: requestId } } } },
    ...extra,
  })

  it('that fits the mandate: a one-off payment of the prorated amount, held no longer than the quote, for the subscription’s customer', async () => {
    const { store, preview } = await changeStore(100000)
    const result = await validateOrderRequest(change('r1', { amount: formatRupees(preview.proration.proratedMinor) }), { merchant: DEMO, now: AT, store })
    if (!result.ok) throw new Error(JSON.stringify(result.fields))
    expect(result.draft).toMatchObject({
      amountMinor: preview.proration.proratedMinor,
      createMandate: null,
      mandate: null,
      customer: { id: 'cust-1' },
      expiresAt: preview.expiresAt,
      billing: { subscriptionId: 'bei_a', plan: { plan_id: 'fit_monthly_plus' }, planChange: { newMandate: false, from: { planId: 'fit_monthly' }, to: { planId: 'fit_monthly_plus' } } },
    })
  })

  it('that outgrows the mandate: a new mandate whose fields left out come from the new plan', async () => {
    const { store, preview } = await changeStore(49900)
    const body = change('r1', { amount: formatRupees(preview.proration.proratedMinor), 'options.create_mandate': 'REQUIRED' })
    const result = await validateOrderRequest(body, { merchant: DEMO, now: AT, store })
    if (!result.ok) throw new Error(JSON.stringify(result.fields))
    expect(result.draft).toMatchObject({
      createMandate: 'REQUIRED',
      mandate: { maxAmount: { minor: 79900 }, frequency: 'MONTHLY', ruleType: 'ON', ruleValue: 5 },
      billing: { plan: { plan_id: 'fit_monthly_plus' }, planChange: { newMandate: true } },
    })
  })

  it('of a preview not found: only that is named, not the mandate it would have filled in', async () => {
    const { store } = await changeStore(49900)
    const result = await validateOrderRequest(change('r2', { amount: '100.00', 'options.create_mandate': 'REQUIRED' }), { merchant: DEMO, now: AT, store })
    expect(result.ok ? [] : result.fields.map((f) => f.field_name)).toEqual(['payment_rules.payment_flows.billing_plan_change.info.request_id'])
  })
})
