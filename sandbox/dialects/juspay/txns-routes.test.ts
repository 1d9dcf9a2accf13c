import { describe, expect, it } from 'vitest'
import type { SubscriptionTimeline } from '../../../contract/merchant-answers'
import { TEST_NOW } from '../../testing/fixtures'
import { basic } from '../../testing/bank-simulator'
import { mandateSandbox } from '../../testing/mandate-sandbox'

/**
 * The merchant's own debits on a mandate (docs/domain/renewals.md#the-merchants-own-debits):
 * `pre_debit_notify`, then `POST /txns`, run on the merchant's sandbox clock. The demo mandate is
 * MONTHLY, VARIABLE up to ₹1,000, registered at TEST_NOW (25 November 2026, 15:30 IST).
 */

const HOUR = 3600
const NOW_S = Math.floor(TEST_NOW.getTime() / 1000)
/** A debit 30 h ahead: inside the notice window of 24 to 48 h. */
const DEBIT_S = NOW_S + 30 * HOUR

type Sandbox = ReturnType<typeof mandateSandbox>

async function registered(rail: 'upi' | 'enach' = 'upi') {
  const s = mandateSandbox()
  const order = rail === 'upi' ? await s.registerUpi() : await s.registerEnach()
  if (!order.mandateId || !order.customer.id) throw new Error('no mandate registered')
  return { s, order, mandateId: order.mandateId, customerId: order.customer.id }
}

const notify = (s: Sandbox, mandateId: string, fields: { ref?: string; amount?: string; txnDate?: number; description?: string } = {}) =>
  s.command(mandateId, {
    command: 'pre_debit_notify',
    object_reference_id: fields.ref ?? 'notice1',
    description: fields.description ?? 'December plan',
    source_info: JSON.stringify({ amount: fields.amount ?? '499.00', txn_date: String(fields.txnDate ?? DEBIT_S) }),
  })

async function txns(s: Sandbox, fields: Record<string, string>, apiKey = 'demo_api_key') {
  const { res, body } = await s.request('/txns', {
    method: 'POST',
    headers: { authorization: basic(apiKey), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, body: JSON.parse(body) as Record<string, unknown> }
}

const execution = (mandateId: string, customerId: string, fields: Record<string, string> = {}): Record<string, string> => ({
  'order.order_id': 'dec-debit',
  'order.amount': '499.00',
  'order.customer_id': customerId,
  mandate_id: mandateId,
  'mandate.execution_date': String(DEBIT_S),
  merchant_id: 'demo_merchant',
  format: 'json',
  ...fields,
})

/** A QA API call as the demo merchant, which must succeed. */
async function qa(s: Sandbox, path: string, body: unknown): Promise<void> {
  const { res } = await s.request(path, {
    method: 'POST',
    headers: { authorization: basic('demo_api_key'), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
}

const moveTo = (s: Sandbox, seconds: number) => qa(s, '/sandbox/clock', { advance_to: seconds })
const failNextDebit = (s: Sandbox, mandateId: string, reason: string) => qa(s, `/sandbox/mandates/${mandateId}/next-debit`, { outcome: 'failure', reason })

async function noticeId(s: Sandbox, mandateId: string, fields: Parameters<typeof notify>[2] = {}): Promise<string> {
  const noticed = await notify(s, mandateId, fields)
  expect(noticed.status).toBe(200)
  return String(noticed.body['id'])
}

describe('pre_debit_notify', () => {
  it('answers the notification object and the merchant hears NOTIFICATION_SUCCEEDED; a repeat answers the same notice', async () => {
    const { s, order, mandateId } = await registered()
    const noticed = await notify(s, mandateId)
    expect(noticed).toMatchObject({
      status: 200,
      body: {
        object: 'notification',
        object_reference_id: 'notice1',
        status: 'SUCCESS',
        source_object: 'MANDATE',
        source_info: { amount: '499.00', txn_date: String(DEBIT_S) },
        mandate: { mandate_id: mandateId },
        description: 'December plan',
        date_created: String(NOW_S),
      },
    })
    expect(String(noticed.body['id'])).toMatch(/^ntf_[A-Za-z0-9]{20}$/)
    expect(await notify(s, mandateId)).toEqual(noticed)
    expect((await s.webhooks(order.orderId)).filter(([name]) => name.startsWith('NOTIFICATION_'))).toEqual([['NOTIFICATION_SUCCEEDED', null]])
  })

  it("a paused mandate's notice for a debit inside the pause fails, and the merchant hears NOTIFICATION_FAILED", async () => {
    const { s, order, mandateId } = await registered()
    expect((await s.command(mandateId, { command: 'pause', pause_start_date: String(NOW_S), pause_end_date: String(NOW_S + 10 * 24 * HOUR) })).status).toBe(200)
    expect(await notify(s, mandateId)).toMatchObject({ status: 200, body: { status: 'FAILURE' } })
    expect((await s.webhooks(order.orderId)).at(-1)).toEqual(['NOTIFICATION_FAILED', null])
  })

  it.each<[string, Parameters<typeof notify>[2], string, string]>([
    ['an amount above max_amount', { amount: '1000.01' }, 'INVALID_INPUT', 'amount'],
    ['a debit less than 24 h away', { txnDate: NOW_S + 23 * HOUR }, 'INVALID_INPUT', 'source_info.txn_date'],
    ['a debit more than 48 h away', { txnDate: NOW_S + 49 * HOUR }, 'INVALID_INPUT', 'source_info.txn_date'],
    ['an amount of no rupees', { amount: 'ten' }, 'INVALID_INPUT', 'source_info.amount'],
    ['a date in milliseconds', { txnDate: DEBIT_S * 1000 }, 'INVALID_INPUT', 'source_info.txn_date'],
    ['a hostile reference', { ref: '<script>' }, 'INVALID_INPUT', 'object_reference_id'],
    ['an oversized reference', { ref: 'x'.repeat(26) }, 'INVALID_INPUT', 'object_reference_id'],
    ['an oversized description', { description: 'd'.repeat(51) }, 'INVALID_INPUT', 'description'],
    ['a description over two lines', { description: 'one\ntwo' }, 'INVALID_INPUT', 'description'],
  ])('refuses %s, sending nothing', async (_, fields, code, field) => {
    const { s, order, mandateId } = await registered()
    const before = await s.stored(order.id)
    const refused = await notify(s, mandateId, fields)
    expect(refused).toMatchObject({ status: 400, body: { error_info: { code, fields: [{ field_name: field }] } } })
    expect(await s.stored(order.id)).toEqual(before)
    expect((await s.webhooks(order.orderId)).some(([name]) => name.startsWith('NOTIFICATION_'))).toBe(false)
  })

  it.each<[string, Record<string, string>, string]>([
    ['no object_reference_id', { source_info: '{"amount":"1.00","txn_date":"1"}' }, 'object_reference_id'],
    ['no source_info', { object_reference_id: 'a1' }, 'source_info'],
    ['source_info that is not JSON', { object_reference_id: 'a1', source_info: '{amount' }, 'source_info'],
    ['source_info without an amount', { object_reference_id: 'a1', source_info: `{"txn_date":"${DEBIT_S}"}` }, 'source_info.amount'],
    ['source_info without a date', { object_reference_id: 'a1', source_info: '{"amount":"1.00"}' }, 'source_info.txn_date'],
  ])('refuses %s, naming the field', async (_, fields, field) => {
    const { s, mandateId } = await registered()
    const refused = await s.command(mandateId, { command: 'pre_debit_notify', ...fields })
    expect(refused).toMatchObject({ status: 400, body: { error_info: { fields: [{ field_name: field }] } } })
  })

  it('refuses the same object_reference_id for another debit, an eNACH mandate, a revoked one, and answers 404 for another merchant', async () => {
    const { s, mandateId } = await registered()
    await noticeId(s, mandateId)
    expect(await notify(s, mandateId, { amount: '10.00' })).toMatchObject({ status: 400, body: { error_info: { fields: [{ field_name: 'object_reference_id' }] } } })
    const enach = await registered('enach')
    expect(await notify(enach.s, enach.mandateId)).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
    expect((await s.command(mandateId, { command: 'revoke' })).status).toBe(200)
    expect(await notify(s, mandateId, { ref: 'notice2' })).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
    expect((await s.command(mandateId, { command: 'pre_debit_notify' }, { apiKey: 'other_api_key' })).status).toBe(404)
  })
})

describe('POST /txns (a merchant execution)', () => {
  it('runs the noticed debit at its execution date: PENDING_VBV, TXN_CREATED, then CHARGED and ORDER_SUCCEEDED, readable by order status', async () => {
    const { s, mandateId, customerId } = await registered()
    const notification = await noticeId(s, mandateId)
    const presented = await txns(s, execution(mandateId, customerId, { 'mandate.notification_id': notification }))
    expect(presented.status).toBe(200)
    expect(Object.keys(presented.body).sort()).toEqual(['order_id', 'status', 'txn_id', 'txn_uuid'])
    expect(presented.body).toMatchObject({ order_id: 'dec-debit', txn_id: 'demo_merchant-dec-debit-1', status: 'PENDING_VBV' })
    expect(presented.body['txn_uuid']).toMatch(/^[A-Za-z0-9]{20}$/)
    expect(await s.webhooks('dec-debit')).toEqual([['TXN_CREATED', null]])
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'PENDING_VBV', amount: 499 })

    await moveTo(s, DEBIT_S - 1)
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'PENDING_VBV' })
    await moveTo(s, DEBIT_S)
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'CHARGED', txn_id: 'demo_merchant-dec-debit-1', txn_uuid: presented.body['txn_uuid'] })
    expect(await s.webhooks('dec-debit')).toEqual([
      ['TXN_CREATED', null],
      ['ORDER_SUCCEEDED', null],
    ])
    expect(await txns(s, execution(mandateId, customerId, { 'mandate.notification_id': notification }))).toMatchObject({ status: 200, body: { status: 'CHARGED', txn_uuid: presented.body['txn_uuid'] } })
  })

  it('fails as QA chose: ORDER_FAILED with the bank decline, and the period is free for another debit', async () => {
    const { s, mandateId, customerId } = await registered()
    await failNextDebit(s, mandateId, 'insufficient_funds')
    const first = await noticeId(s, mandateId)
    expect((await txns(s, execution(mandateId, customerId, { 'mandate.notification_id': first }))).status).toBe(200)
    await moveTo(s, DEBIT_S)
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'AUTHORIZATION_FAILED' })
    expect((await s.webhooks('dec-debit')).at(-1)).toEqual(['ORDER_FAILED', null])

    const again = await noticeId(s, mandateId, { ref: 'notice2', txnDate: DEBIT_S + 30 * HOUR })
    await moveTo(s, DEBIT_S + 30 * HOUR)
    const retried = await txns(s, execution(mandateId, customerId, { 'order.order_id': 'dec-debit-2', 'mandate.notification_id': again, 'mandate.execution_date': String(DEBIT_S + 30 * HOUR) }))
    expect(retried).toMatchObject({ status: 200, body: { status: 'PENDING_VBV' } })
    await moveTo(s, DEBIT_S + 30 * HOUR + 1)
    expect(await s.orderStatus('dec-debit-2')).toMatchObject({ status: 'CHARGED' })
  })

  it('a decline because the mandate was revoked at the bank revokes it: MANDATE_REVOKED, and the next debit is refused', async () => {
    const { s, order, mandateId, customerId } = await registered()
    await failNextDebit(s, mandateId, 'mandate_revoked_at_bank')
    const notification = await noticeId(s, mandateId)
    expect((await txns(s, execution(mandateId, customerId, { 'mandate.notification_id': notification }))).status).toBe(200)
    await moveTo(s, DEBIT_S)
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'AUTHORIZATION_FAILED' })
    expect((await s.read(mandateId)).body).toMatchObject({ status: 'REVOKED' })
    expect((await s.webhooks(order.orderId)).at(-1)).toEqual(['MANDATE_REVOKED', 'REVOKED'])
    expect((await s.stored(order.id)).mandateChange).toMatchObject({ by: 'payer_bank' })
    expect(await notify(s, mandateId, { ref: 'notice2' })).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
  })

  it('an eNACH mandate is debited without a notice', async () => {
    const { s, mandateId, customerId } = await registered('enach')
    const presented = await txns(s, execution(mandateId, customerId, { 'mandate.execution_date': String(NOW_S) }))
    expect(presented).toMatchObject({ status: 200, body: { status: 'PENDING_VBV' } })
    await moveTo(s, NOW_S + 1)
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'CHARGED', payment_method_type: 'NB' })
  })

  it("is not a session QA can expire: the debit's order is left as it was and runs at its date", async () => {
    const { s, mandateId, customerId } = await registered('enach')
    expect(await txns(s, execution(mandateId, customerId, { 'mandate.execution_date': String(NOW_S + HOUR) }))).toMatchObject({ status: 200 })
    const debit = await s.store.orderByMerchantOrderId('demo_merchant', 'dec-debit')
    const { res, body } = await s.request('/sandbox/orders/dec-debit/expire', { method: 'POST', headers: { authorization: basic('demo_api_key') } })
    expect(res.status).toBe(409)
    expect(String((JSON.parse(body) as { error_message: unknown }).error_message)).toContain('a debit on a mandate')
    expect(await s.store.orderByMerchantOrderId('demo_merchant', 'dec-debit')).toEqual(debit)
    await moveTo(s, NOW_S + HOUR)
    expect(await s.orderStatus('dec-debit')).toMatchObject({ status: 'CHARGED' })
  })

  it.each<[string, (ids: { notification: string; mandateId: string }) => Record<string, string>, string, string]>([
    ['an amount above max_amount', () => ({ 'order.amount': '1000.01' }), 'INVALID_INPUT', 'amount'],
    ['an amount other than the notice', ({ notification }) => ({ 'mandate.notification_id': notification, 'order.amount': '500.00' }), 'INVALID_INPUT', 'order.amount'],
    ['no notice', () => ({}), 'MISSING_MANDATORY_PARAMETER', 'mandate.notification_id'],
    ['an unknown notice', () => ({ 'mandate.notification_id': 'ntf_nope' }), 'INVALID_INPUT', 'mandate.notification_id'],
    ['another day than the notice', ({ notification }) => ({ 'mandate.notification_id': notification, 'mandate.execution_date': String(DEBIT_S + 24 * HOUR) }), 'INVALID_INPUT', 'mandate.execution_date'],
    ['a date past the validity', ({ notification }) => ({ 'mandate.notification_id': notification, 'mandate.execution_date': '4000000000' }), 'INVALID_INPUT', 'mandate.execution_date'],
    ['another customer', ({ notification }) => ({ 'mandate.notification_id': notification, 'order.customer_id': 'cust_someone_else' }), 'INVALID_INPUT', 'order.customer_id'],
    ['a hostile order id', ({ notification }) => ({ 'mandate.notification_id': notification, 'order.order_id': '<img src=x>' }), 'INVALID_INPUT', 'order.order_id'],
    ['an oversized order id', ({ notification }) => ({ 'mandate.notification_id': notification, 'order.order_id': 'o'.repeat(21) }), 'INVALID_INPUT', 'order.order_id'],
    ['another merchant_id', ({ notification }) => ({ 'mandate.notification_id': notification, merchant_id: 'other_merchant' }), 'INVALID_INPUT', 'merchant_id'],
    ['no format', ({ notification }) => ({ 'mandate.notification_id': notification, format: '' }), 'MISSING_MANDATORY_PARAMETER', 'format'],
    ['a date in milliseconds', ({ notification }) => ({ 'mandate.notification_id': notification, 'mandate.execution_date': String(DEBIT_S * 1000) }), 'INVALID_INPUT', 'mandate.execution_date'],
  ])('refuses %s, storing nothing', async (_, fields, code, field) => {
    const { s, order, mandateId, customerId } = await registered()
    const notification = await noticeId(s, mandateId)
    const before = await s.stored(order.id)
    const refused = await txns(s, execution(mandateId, customerId, fields({ notification, mandateId })))
    expect(refused).toMatchObject({ status: 400, body: { error_info: { code, fields: [{ field_name: field }] } } })
    expect(await s.stored(order.id)).toEqual(before)
    expect(await s.store.orderByMerchantOrderId('demo_merchant', 'dec-debit')).toBeUndefined()
  })

  it('refuses a second debit in the same month, a used notice, a debit before 24 h after its notice, and a paused mandate', async () => {
    const { s, mandateId, customerId } = await registered()
    const notification = await noticeId(s, mandateId)
    expect((await txns(s, execution(mandateId, customerId, { 'mandate.execution_date': String(NOW_S + 23 * HOUR) , 'mandate.notification_id': notification }))).status).toBe(400)
    expect((await txns(s, execution(mandateId, customerId, { 'mandate.notification_id': notification }))).status).toBe(200)
    const reused = await txns(s, execution(mandateId, customerId, { 'order.order_id': 'dec-debit-2', 'mandate.notification_id': notification }))
    expect(reused).toMatchObject({ status: 400, body: { error_info: { fields: [{ field_name: 'mandate.notification_id' }] } } })
    expect(reused.body['error_message']).toContain('already used by order dec-debit')
    const second = await noticeId(s, mandateId, { ref: 'notice2', txnDate: DEBIT_S + 12 * HOUR })
    const sameMonth = await txns(s, execution(mandateId, customerId, { 'order.order_id': 'dec-debit-2', 'mandate.notification_id': second, 'mandate.execution_date': String(DEBIT_S + 12 * HOUR) }))
    expect(sameMonth).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
    expect(sameMonth.body['error_message']).toContain('(2026-11, order dec-debit)')
    expect((await s.command(mandateId, { command: 'pause', pause_start_date: String(NOW_S), pause_end_date: String(NOW_S + 100 * 24 * HOUR) })).status).toBe(200)
    expect(await txns(s, execution(mandateId, customerId, { 'order.order_id': 'dec-debit-3' }))).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
  })

  it('a mandate registered without a customer_id takes the debit for any order.customer_id', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi('asha@okaxis', { customer: { id: null, email: null, phone: null, firstName: null, lastName: null } })
    const mandateId = order.mandateId ?? ''
    const notification = await noticeId(s, mandateId)
    expect(await txns(s, execution(mandateId, 'cust-anyone', { 'mandate.notification_id': notification }))).toMatchObject({ status: 200, body: { status: 'PENDING_VBV' } })
  })

  it("the mandate's timeline lists the merchant's notices, debits and their webhooks, in sandbox time", async () => {
    const { s, mandateId, customerId } = await registered()
    const notification = await noticeId(s, mandateId)
    expect((await txns(s, execution(mandateId, customerId, { 'mandate.notification_id': notification }))).status).toBe(200)
    await moveTo(s, DEBIT_S)
    const { res, body } = await s.request(`/sandbox/mandates/${mandateId}/timeline`, { headers: { authorization: basic('demo_api_key') } })
    expect(res.status).toBe(200)
    const answer = JSON.parse(body) as SubscriptionTimeline
    expect(answer).toMatchObject({ billing_execution_info_id: null, mandate_id: mandateId, status: null })
    const lines = answer.timeline.map((l) => [l.event, l.webhook ?? l.order_id ?? null])
    expect(lines.filter(([event]) => event !== 'webhook')).toEqual([
      ['notice_sent', 'dec-debit'],
      ['debit_presented', 'dec-debit'],
    ])
    expect(lines.filter(([event]) => event === 'webhook').map(([, name]) => name)).toEqual(['TXN_CREATED', 'MANDATE_CREATED', 'MANDATE_ACTIVATED', 'ORDER_SUCCEEDED', 'NOTIFICATION_SUCCEEDED', 'TXN_CREATED', 'ORDER_SUCCEEDED'])
    expect(answer.timeline.at(-1)).toMatchObject({ event: 'webhook', webhook: 'ORDER_SUCCEEDED', order_id: 'dec-debit', at: new Date(DEBIT_S * 1000).toISOString() })
    expect(answer.timeline.find((l) => l.event === 'debit_presented')?.detail).toBe(`49900 paise at ${new Date(DEBIT_S * 1000).toISOString()}: succeeded`)
    expect((await s.request(`/sandbox/mandates/${mandateId}/timeline`, { headers: { authorization: basic('other_api_key') } })).res.status).toBe(404)
  })

  it('two debits racing for one month get one yes, and the refused one leaves no order', async () => {
    const { s, mandateId, customerId } = await registered()
    const first = await noticeId(s, mandateId)
    const second = await noticeId(s, mandateId, { ref: 'notice2' })
    const raced = await Promise.all([
      txns(s, execution(mandateId, customerId, { 'order.order_id': 'race-1', 'mandate.notification_id': first })),
      txns(s, execution(mandateId, customerId, { 'order.order_id': 'race-2', 'mandate.notification_id': second })),
    ])
    expect(raced.map((r) => r.status).sort()).toEqual([200, 400])
    const orders = await Promise.all(['race-1', 'race-2'].map((id) => s.store.orderByMerchantOrderId('demo_merchant', id)))
    expect(orders.filter(Boolean)).toHaveLength(1)
  })

  it('the same debit sent twice at once is one order with one transaction, and both answer it', async () => {
    const { s, mandateId, customerId } = await registered()
    const notification = await noticeId(s, mandateId)
    const fields = execution(mandateId, customerId, { 'mandate.notification_id': notification })
    const [first, second] = await Promise.all([txns(s, fields), txns(s, fields)])
    expect(first.status).toBe(200)
    expect(second).toEqual(first)
    const again = await txns(s, fields)
    expect(again).toMatchObject({ status: 200, body: { txn_uuid: first.body['txn_uuid'] } })
  })

  it('names every field left out at once as MISSING_MANDATORY_PARAMETER, and any bad one makes it INVALID_INPUT', async () => {
    const s = mandateSandbox()
    const missing = await txns(s, { merchant_id: 'demo_merchant' })
    expect(missing.status).toBe(400)
    expect(missing.body['error_message']).toBe('Invalid request: format is required; order.order_id is required; order.amount is required (and 3 more).')
    expect(missing.body['error_info']).toMatchObject({
      code: 'MISSING_MANDATORY_PARAMETER',
      fields: ['format', 'order.order_id', 'order.amount', 'order.customer_id', 'mandate_id', 'mandate.execution_date'].map((name) => ({ field_name: name, reason: 'is required' })),
    })
    const bad = await txns(s, {
      format: 'xml',
      'order.order_id': 'ok-1',
      'order.amount': '10.00',
      'order.customer_id': 'c'.repeat(129),
      mandate_id: 'mdt-1',
      'mandate.notification_id': 'ntf-1',
      'mandate.execution_date': String(DEBIT_S),
    })
    expect(bad.status).toBe(400)
    expect(bad.body['error_info']).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [
        { field_name: 'merchant_id', reason: 'is required' },
        { field_name: 'format', reason: 'must be "json": an execution answers in JSON' },
        { field_name: 'order.customer_id', reason: 'must be at most 128 characters (got 129)' },
        { field_name: 'mandate_id', reason: 'must be a mandate_id: letters and digits' },
        { field_name: 'mandate.notification_id', reason: 'must be a notification id: letters, digits and "_"' },
      ],
    })
  })

  it('answers 401 without the API key, 404 for an unknown mandate, 415 for JSON and 405 for GET, storing nothing', async () => {
    const { s, mandateId, customerId } = await registered()
    expect((await txns(s, execution(mandateId, customerId), 'wrong_key')).status).toBe(401)
    expect((await txns(s, execution(mandateId, customerId), 'other_api_key')).status).toBe(400)
    expect((await txns(s, execution('nosuchmandate', customerId, { merchant_id: 'demo_merchant' }))).status).toBe(404)
    const json = await s.request('/txns', {
      method: 'POST',
      headers: { authorization: basic('demo_api_key'), 'content-type': 'application/json' },
      body: JSON.stringify(execution(mandateId, customerId)),
    })
    expect(json.res.status).toBe(415)
    expect((await s.request('/txns', { headers: { authorization: basic('demo_api_key') } })).res.status).toBe(405)
    expect(await s.store.orderByMerchantOrderId('demo_merchant', 'dec-debit')).toBeUndefined()
  })
})

describe('a pause ends on its own', () => {
  it('resumes at pause_end_date: MANDATE_ACTIVATED, and the mandate reads ACTIVE', async () => {
    const { s, order, mandateId } = await registered()
    const end = NOW_S + 5 * 24 * HOUR
    expect((await s.command(mandateId, { command: 'pause', pause_start_date: String(NOW_S), pause_end_date: String(end) })).status).toBe(200)
    await moveTo(s, end - 1)
    expect((await s.read(mandateId)).body).toMatchObject({ status: 'PAUSED' })
    await moveTo(s, end)
    expect((await s.read(mandateId)).body).toMatchObject({ status: 'ACTIVE' })
    expect((await s.webhooks(order.orderId)).slice(-2)).toEqual([
      ['MANDATE_PAUSED', 'PAUSED'],
      ['MANDATE_ACTIVATED', 'ACTIVE'],
    ])
    expect((await s.stored(order.id)).mandateChange).toMatchObject({ status: 'ACTIVE', by: 'pause_end' })
  })

  it('a pause replaced by a longer one ends at the later date only', async () => {
    const { s, mandateId } = await registered()
    const first = NOW_S + 5 * 24 * HOUR
    const second = NOW_S + 9 * 24 * HOUR
    expect((await s.command(mandateId, { command: 'pause', pause_start_date: String(NOW_S), pause_end_date: String(first) })).status).toBe(200)
    expect((await s.command(mandateId, { command: 'pause', pause_start_date: String(NOW_S), pause_end_date: String(second) })).status).toBe(200)
    await moveTo(s, first)
    expect((await s.read(mandateId)).body).toMatchObject({ status: 'PAUSED' })
    await moveTo(s, second)
    expect((await s.read(mandateId)).body).toMatchObject({ status: 'ACTIVE' })
  })
})

describe('POST /txns refusals, word for word', () => {
  it('refuses each bad field with its reason, a form it cannot read, an unknown mandate, and every method but POST', async () => {
    const { s, mandateId, customerId } = await registered()
    const refused = async (fields: Record<string, string>) => (await txns(s, execution(mandateId, customerId, fields))).body['error_info']
    expect(await refused({ merchant_id: 'm'.repeat(65) })).toMatchObject({ code: 'INVALID_INPUT', fields: [{ field_name: 'merchant_id', reason: 'must be at most 64 characters (got 65)' }] })
    expect(await refused({ merchant_id: 'other_merchant' })).toMatchObject({ fields: [{ field_name: 'merchant_id', reason: 'does not match the merchant of this API key' }] })
    for (const format of ['xjson', 'jsonx']) {
      expect(await refused({ format })).toMatchObject({ fields: [{ field_name: 'format', reason: 'must be "json": an execution answers in JSON' }] })
    }
    const twice = await s.request('/txns', {
      method: 'POST',
      headers: { authorization: basic('demo_api_key'), 'content-type': 'application/x-www-form-urlencoded' },
      body: `${new URLSearchParams(execution(mandateId, customerId)).toString()}&mandate_id=${mandateId}`,
    })
    expect(twice.res.status).toBe(400)
    expect(JSON.parse(twice.body)).toMatchObject({ error_message: 'A form field is sent more than once.', error_info: { code: 'INVALID_INPUT', fields: [{ field_name: 'mandate_id' }] } })
    const unknown = await txns(s, execution('nosuchmandate', customerId))
    expect(unknown).toMatchObject({ status: 404, body: { error_message: 'No mandate with this mandate_id.', error_info: { code: 'RESOURCE_NOT_FOUND' } } })
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const other = await s.request('/txns', { method, headers: { authorization: basic('demo_api_key') } })
      expect(other.res.status).toBe(405)
      expect(other.res.headers.get('allow')).toBe('POST')
      expect(JSON.parse(other.body)).toMatchObject({ error_message: `${method} is not supported here; use POST.` })
    }
    expect(await s.store.orderByMerchantOrderId('demo_merchant', 'dec-debit')).toBeUndefined()
  })
})
