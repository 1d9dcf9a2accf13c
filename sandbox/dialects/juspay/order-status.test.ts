import { describe, expect, it } from 'vitest'
import { MAGIC_VPAS, SUCCESS_DELAY_MS } from '../../../contract/scenarios'
import type { Attempt, NetbankingAttempt, UpiAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import { orderBilling, seedOrder, TEST_NOW, testSandbox } from '../../testing/fixtures'
import { order as storedOrder } from '../../testing/store-contract'
import { orderStatusResponse } from './order-status'

const auth = { authorization: `Basic ${Buffer.from('demo_api_key:').toString('base64')}` }

async function startCollect(app: ReturnType<typeof testSandbox>['app'], pageId: string, vpa: string) {
  const res = await app.request(`/api/pages/${pageId}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${vpa}` },
    body: JSON.stringify({ rail: 'upi', channel: 'collect', vpa, setUpMandate: true }),
  })
  expect(res.status).toBe(201)
}

async function status(app: ReturnType<typeof testSandbox>['app'], orderId: string): Promise<Record<string, unknown>> {
  const res = await app.request(`/orders/${orderId}`, { headers: auth })
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

describe('GET /orders/{order_id} follows the attempts', () => {
  it('reports a waiting UPI collect as PENDING_VBV with a CREATED mandate', async () => {
    const { app, deps } = testSandbox()
    const order = await seedOrder(deps)
    await startCollect(app, order.id, MAGIC_VPAS.pending)
    const body = await status(app, order.orderId)
    expect(body).toMatchObject({ status: 'PENDING_VBV', status_id: 23, payment_method_type: 'UPI', payment_method: 'COLLECT' })
    expect(body['mandate']).toMatchObject({ mandate_status: 'CREATED' })
    expect(body['txn_detail']).toMatchObject({ status: 'PENDING_VBV', txn_flow_type: 'COLLECT', txn_id: `demo_merchant-${order.orderId}-1` })
  })

  it('reports success as CHARGED with an ACTIVE mandate, its ids, the payer and the refunded registration charge', async () => {
    const { app, deps, clock } = testSandbox()
    const order = await seedOrder(deps)
    await startCollect(app, order.id, MAGIC_VPAS.success)
    clock.advance(SUCCESS_DELAY_MS)
    const body = await status(app, order.orderId)
    expect(body).toMatchObject({
      status: 'CHARGED',
      status_id: 21,
      payer_vpa: MAGIC_VPAS.success,
      refunded: true,
      amount_refunded: 1,
      upi: { payer_vpa: MAGIC_VPAS.success, txn_flow_type: 'COLLECT' },
      txn_detail: { status: 'CHARGED', txn_object_type: 'EMANDATE_REGISTER', source_object: 'MANDATE' },
    })
    expect(body['mandate']).toMatchObject({
      mandate_status: 'ACTIVE',
      mandate_type: 'EMANDATE',
      mandate_id: expect.stringMatching(/^[A-Za-z0-9]{22}$/) as unknown,
      mandate_token: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      max_amount: 1000,
      frequency: 'MONTHLY',
      rule_type: 'AFTER',
      rule_value: 5,
      amount_rule: 'VARIABLE',
      block_fund: false,
      revokable_by_customer: true,
    })
  })

  it('reports a decline as AUTHORIZATION_FAILED with a FAILURE mandate and the reason', async () => {
    const { app, deps, clock } = testSandbox()
    const order = await seedOrder(deps)
    await startCollect(app, order.id, MAGIC_VPAS.failure)
    clock.advance(SUCCESS_DELAY_MS)
    const body = await status(app, order.orderId)
    expect(body).toMatchObject({ status: 'AUTHORIZATION_FAILED', status_id: 27, resp_code: 'ZA', refunded: false })
    expect(body['mandate']).toMatchObject({ mandate_status: 'FAILURE' })
    expect(body['txn_detail']).toMatchObject({ error_code: 'ZA', error_message: 'Transaction declined by customer' })
  })
})

/**
 * orderStatusResponse read straight from stored orders, without the app: the demo merchant's order
 * o-1 (ordeh_1), ₹1 today, a monthly mandate of up to ₹1,000, created at TEST_NOW.
 */
describe('orderStatusResponse', () => {
  const ORIGIN = 'http://127.0.0.1:4000'
  const ENDED = '2026-11-25T10:01:30.000Z'
  const juspay = (overrides: Partial<Order> = {}): Order =>
    storedOrder({ source: { dialect: 'juspay', action: 'paymentPage', paymentPageClientId: null, getUpiDeepLinks: null }, attempts: [], ...overrides })
  const attemptBase = {
    id: 'att_1',
    number: 1,
    txnId: 'demo_merchant-o-1-1',
    txnUuid: 'mozr8xg8vc1ewqcs',
    idempotencyKey: 'k1',
    requestFingerprint: 'f1',
    setsUpMandate: true,
    createdAt: TEST_NOW.toISOString(),
    expiresAt: TEST_NOW.toISOString(),
    simulatorToken: 't1',
    autoOutcome: null,
    mandateId: null,
    mandateToken: null,
  }
  type Outcome = Pick<Attempt, 'status' | 'failureReason' | 'endedAt'>
  const pending: Outcome = { status: 'pending', failureReason: null, endedAt: null }
  const succeeded: Outcome = { status: 'succeeded', failureReason: null, endedAt: ENDED }
  const declined: Outcome = { status: 'failed', failureReason: 'declined_by_customer', endedAt: ENDED }
  const upi = (outcome: Outcome, overrides: Partial<UpiAttempt> = {}): UpiAttempt => ({
    ...attemptBase,
    ...outcome,
    rail: 'upi',
    channel: 'collect',
    payerVpa: 'asha@okaxis',
    payerName: null,
    payerApp: null,
    ...overrides,
  })
  const enach = (outcome: Outcome, umrn: string | null, overrides: Partial<NetbankingAttempt> = {}): NetbankingAttempt => ({
    ...attemptBase,
    ...outcome,
    id: 'att_2',
    number: 2,
    rail: 'netbanking',
    bank: {
      bankCode: 'HDFC',
      bankName: 'HDFC Bank',
      authMode: 'netbanking',
      scenario: 'approve',
      step: 'consent',
      stage: 'awaiting_customer',
      otpFailures: 0,
      account: { masked: 'XXXXXX1111', last4: '1111', ifsc: 'HDFC0001234', accountType: 'SAVINGS', holderName: 'Asha Verma' },
      umrn,
    },
    ...overrides,
  })

  it('an order before any attempt: every field, no payment fields, no mandate block without terms', () => {
    const order = juspay({
      mandate: null,
      createMandate: null,
      udf: ['gold', '', 'c'],
      customer: { id: 'cust_1', email: 'asha@example.com', phone: '9876543210', firstName: 'Asha', lastName: null },
    })
    const link = 'http://127.0.0.1:4000/orders/ordeh_1/payment-page'
    expect(orderStatusResponse(order, ORIGIN)).toStrictEqual({
      udf1: 'gold',
      udf2: '',
      udf3: 'c',
      udf4: '',
      udf5: '',
      udf6: '',
      udf7: '',
      udf8: '',
      udf9: '',
      udf10: '',
      order_id: 'o-1',
      id: 'ordeh_1',
      merchant_id: 'demo_merchant',
      customer_id: 'cust_1',
      customer_email: 'asha@example.com',
      customer_phone: '9876543210',
      status: 'NEW',
      status_id: 10,
      amount: 1,
      currency: 'INR',
      date_created: '2026-11-25T10:00:00Z',
      return_url: 'https://shop.merchant.com/return',
      product_id: '',
      payment_links: { web: link, iframe: link, mobile: link },
      refunded: false,
      amount_refunded: 0,
      effective_amount: 1,
      order_expiry: '2026-11-26T10:00:00Z',
      metadata: { auto_refund_post_success: 'true' },
    })
  })

  it('a refund lowers the effective amount', () => {
    expect(orderStatusResponse(juspay({ amountMinor: 50_000, refundedMinor: 12_550 }), ORIGIN)).toMatchObject({
      amount: 500,
      refunded: true,
      amount_refunded: 125.5,
      effective_amount: 374.5,
    })
  })

  it('names the subscription a plan registration started', () => {
    const billing = { ...orderBilling(), subscriptionId: 'bei_a' }
    expect(orderStatusResponse(juspay({ billing }), ORIGIN).billing_execution_info_id).toBe('bei_a')
    expect(orderStatusResponse(juspay({ billing: orderBilling() }), ORIGIN)).not.toHaveProperty('billing_execution_info_id')
  })

  it.each<[string, Attempt, Record<string, unknown>]>([
    [
      'a waiting UPI collect',
      upi(pending),
      { resp_code: 'PENDING', bank_error_code: '', bank_error_message: '', pgr: { rrn: '', created: '2026-11-25T10:00:00Z' } },
    ],
    [
      'a declined UPI collect',
      upi(declined),
      { resp_code: 'ZA', bank_error_code: 'ZA', bank_error_message: 'Transaction declined by customer', pgr: { rrn: '', created: '2026-11-25T10:01:30Z' } },
    ],
    [
      'a registered UPI mandate',
      upi(succeeded),
      { resp_code: '00', bank_error_code: '', bank_error_message: '', pgr: { rrn: 'MOZR8XG8VC1E', created: '2026-11-25T10:01:30Z' } },
    ],
  ])('%s: the codes and the gateway response', (_, attempt, { pgr, ...top }) => {
    const body = orderStatusResponse(juspay({ attempts: [attempt] }), ORIGIN)
    expect(body).toMatchObject({ txn_id: 'demo_merchant-o-1-1', txn_uuid: 'mozr8xg8vc1ewqcs', ...top })
    expect(body.payment_gateway_response).toStrictEqual({
      resp_code: top['resp_code'],
      resp_message: body.resp_message,
      txn_id: 'demo_merchant-o-1-1',
      epg_txn_id: 'mozr8xg8vc1ewqcs',
      auth_id_code: '',
      ...(pgr as object),
    })
  })

  it('a registered eNACH mandate: the UMRN in the gateway response and in the mandate block, its ids and the rule', () => {
    const umrn = 'HDFC7000000000000001'
    const order = juspay({ attempts: [upi(declined), enach(succeeded, umrn)], mandateStatus: 'ACTIVE', mandateId: 'M1', mandateToken: 'tok' })
    const body = orderStatusResponse(order, ORIGIN)
    expect(body.payment_gateway_response?.umrn).toBe(umrn)
    expect(body.mandate).toStrictEqual({
      mandate_status: 'ACTIVE',
      mandate_id: 'M1',
      mandate_token: 'tok',
      mandate_type: 'EMANDATE',
      umrn,
      start_date: '1795600800',
      end_date: '2742372000',
      revokable_by_customer: true,
      block_fund: false,
      max_amount: 1000,
      frequency: 'MONTHLY',
      rule_type: 'AFTER',
      rule_value: 5,
      amount_rule: 'VARIABLE',
    })
  })

  it('an eNACH registration still open: no UMRN anywhere, the mandate CREATED with no ids', () => {
    const body = orderStatusResponse(juspay({ attempts: [enach(pending, null)] }), ORIGIN)
    expect(body.payment_gateway_response).not.toHaveProperty('umrn')
    expect(body.mandate).toMatchObject({ mandate_status: 'CREATED', mandate_type: 'EMANDATE' })
    expect(body.mandate).not.toHaveProperty('umrn')
    expect(body.mandate).not.toHaveProperty('mandate_id')
    expect(body.mandate).not.toHaveProperty('mandate_token')
  })

  it('the UMRN of the mandate block is the registration’s, not a later failed attempt’s', () => {
    const umrn = 'HDFC7000000000000001'
    const order = juspay({ attempts: [enach(succeeded, umrn), enach(declined, 'HDFC7000000000000002', { id: 'att_3' })], mandateStatus: 'ACTIVE' })
    expect(orderStatusResponse(order, ORIGIN).mandate?.umrn).toBe(umrn)
  })

  it('a mandate without a debit day carries no rule fields', () => {
    const base = juspay()
    if (!base.mandate) throw new Error('the fixture has a mandate')
    const body = orderStatusResponse({ ...base, mandate: { ...base.mandate, frequency: 'ASPRESENTED', ruleType: null, ruleValue: null } }, ORIGIN)
    expect(body.mandate).not.toHaveProperty('rule_type')
    expect(body.mandate).not.toHaveProperty('rule_value')
  })

  const pause = { startDate: '2026-11-26T00:00:00.000Z', endDate: '2026-12-26T00:00:00.000Z' }
  it.each<[string, Partial<Order>, Record<string, string> | null]>([
    ['a PAUSED mandate carries its window', { mandateStatus: 'PAUSED', mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause } }, { pause_start_date: '1795651200', pause_end_date: '1798243200' }],
    ['an ACTIVE one does not, whatever its last change held', { mandateStatus: 'ACTIVE', mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause } }, null],
    ['a PAUSED one with no change recorded has none', { mandateStatus: 'PAUSED', mandateChange: null }, null],
  ])('%s', (_, overrides, window) => {
    const mandate = orderStatusResponse(juspay({ attempts: [upi(succeeded)], ...overrides }), ORIGIN).mandate
    if (window) expect(mandate).toMatchObject(window)
    else expect(mandate).not.toHaveProperty('pause_start_date')
  })
})
