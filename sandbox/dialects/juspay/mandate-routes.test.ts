import { describe, expect, it } from 'vitest'
import { TEST_NOW } from '../../testing/fixtures'
import { basic } from '../../testing/bank-simulator'
import { mandateSandbox } from '../../testing/mandate-sandbox'

const DAY = 24 * 60 * 60
const NOW_S = Math.floor(TEST_NOW.getTime() / 1000)

/** A sandbox with one registered UPI mandate of the demo merchant. */
async function withUpiMandate() {
  const s = mandateSandbox()
  const order = await s.registerUpi()
  if (!order.mandateId) throw new Error('no mandate registered')
  return { s, order, mandateId: order.mandateId }
}

describe('GET /mandates/{mandate_id}', () => {
  it("reads the merchant's mandate as the mandate object", async () => {
    const { s, order, mandateId } = await withUpiMandate()
    const read = await s.read(mandateId)
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({
      mandate_id: mandateId,
      status: 'ACTIVE',
      order_id: order.orderId,
      max_amount: '1000',
      payment_info: { payment_method_type: 'UPI', payment_method: 'UPI_PAY', upi: { payer_vpa: 'asha@okaxis' } },
    })
  })

  it("an eNACH mandate's payment_info names its bank account", async () => {
    const s = mandateSandbox()
    const order = await s.registerEnach()
    const read = await s.read(order.mandateId ?? '')
    expect(read.body['payment_info']).toMatchObject({ payment_method_type: 'NB', bank_account_details: { account_number: 'XXXXXX1111' } })
    expect(read.body['payment_info']).not.toHaveProperty('upi')
  })

  it("answers 404 for an unknown mandate and for another merchant's, 401 without the API key", async () => {
    const { s, mandateId } = await withUpiMandate()
    expect((await s.read('nosuchmandate')).status).toBe(404)
    const other = await s.read(mandateId, 'other_api_key')
    expect(other).toMatchObject({ status: 404, body: { error_info: { code: 'RESOURCE_NOT_FOUND' } } })
    expect((await s.read(mandateId, 'wrong_key')).status).toBe(401)
  })
})

describe('POST /mandates/{mandate_id}', () => {
  it('revoke answers as Juspay documents, the order status and a MANDATE_REVOKED webhook say so, and a repeat changes nothing', async () => {
    const { s, order, mandateId } = await withUpiMandate()
    const revoked = await s.command(mandateId, { command: 'revoke' })
    expect(revoked).toEqual({ status: 200, body: { mandate_status: 'REVOKED', mandate_id: mandateId } })
    expect(await s.orderStatus(order.orderId)).toMatchObject({ mandate: { mandate_status: 'REVOKED' } })
    const again = await s.command(mandateId, { command: 'revoke' })
    expect(again).toEqual(revoked)
    expect((await s.webhooks(order.orderId)).filter(([name]) => name === 'MANDATE_REVOKED')).toEqual([['MANDATE_REVOKED', 'REVOKED']])
    expect((await s.stored(order.id)).mandateChange).toMatchObject({ status: 'REVOKED', by: 'merchant' })
  })

  it('pause (JSON) then activate: each answered, in the order status, and heard by webhook', async () => {
    const { s, order, mandateId } = await withUpiMandate()
    const window = { pause_start_date: String(NOW_S + DAY), pause_end_date: String(NOW_S + 10 * DAY) }
    const paused = await s.command(mandateId, { command: 'pause', ...window }, { json: true })
    expect(paused).toEqual({ status: 200, body: { mandate_status: 'PAUSED', mandate_id: mandateId, ...window } })
    expect(await s.orderStatus(order.orderId)).toMatchObject({ mandate: { mandate_status: 'PAUSED', ...window } })
    expect(await s.command(mandateId, { command: 'pause', ...window }, { json: true })).toEqual(paused)
    const resumed = await s.command(mandateId, { command: 'activate' })
    expect(resumed).toEqual({ status: 200, body: { mandate_status: 'ACTIVE', mandate_id: mandateId } })
    expect((await s.orderStatus(order.orderId))['mandate']).not.toHaveProperty('pause_start_date')
    expect((await s.webhooks(order.orderId)).slice(-3)).toEqual([
      ['ORDER_SUCCEEDED', null],
      ['MANDATE_PAUSED', 'PAUSED'],
      ['MANDATE_ACTIVATED', 'ACTIVE'],
    ])
  })

  it.each<[string, Record<string, string | number>, number, string, string | null]>([
    ['no command', { pause_start_date: '1' }, 400, 'MISSING_MANDATORY_PARAMETER', 'command'],
    ['an unknown command', { command: 'suspend' }, 400, 'INVALID_INPUT', 'command'],
    ['a notice without its fields', { command: 'pre_debit_notify' }, 400, 'MISSING_MANDATORY_PARAMETER', 'object_reference_id'],
    ['a pause without its end', { command: 'pause', pause_start_date: NOW_S + DAY }, 400, 'MISSING_MANDATORY_PARAMETER', 'pause_end_date'],
    ['a pause date that is not Unix seconds', { command: 'pause', pause_start_date: '2026-12-01', pause_end_date: NOW_S + DAY }, 400, 'INVALID_INPUT', 'pause_start_date'],
    ['a pause starting in the past', { command: 'pause', pause_start_date: NOW_S - 3 * DAY, pause_end_date: NOW_S + DAY }, 400, 'INVALID_INPUT', 'pause_start_date'],
    ['a pause ending before it starts', { command: 'pause', pause_start_date: NOW_S + 5 * DAY, pause_end_date: NOW_S + DAY }, 400, 'INVALID_INPUT', 'pause_end_date'],
  ])('refuses %s in Juspay’s envelope, changing nothing', async (_, fields, status, code, field) => {
    const { s, order, mandateId } = await withUpiMandate()
    const before = await s.webhooks(order.orderId)
    const answer = await s.command(mandateId, fields)
    expect(answer.status).toBe(status)
    expect(answer.body).toMatchObject({ status: 'Bad Request', error_info: { code } })
    if (field) expect(answer.body).toMatchObject({ error_info: { fields: [{ field_name: field }] } })
    expect((await s.stored(order.id)).mandateStatus).toBe('ACTIVE')
    expect(await s.webhooks(order.orderId)).toEqual(before)
  })

  it('refuses a transition the mandate does not allow, with INVALID_ACTION, changing nothing', async () => {
    const { s, order, mandateId } = await withUpiMandate()
    await s.command(mandateId, { command: 'revoke' })
    const resumed = await s.command(mandateId, { command: 'activate' })
    expect(resumed).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
    expect(resumed.body['error_message']).toMatch(/REVOKED/)
    expect((await s.stored(order.id)).mandateStatus).toBe('REVOKED')
  })

  it('an eNACH mandate cannot be paused, and says why; it can be revoked', async () => {
    const s = mandateSandbox()
    const order = await s.registerEnach()
    const mandateId = order.mandateId ?? ''
    const paused = await s.command(mandateId, { command: 'pause', pause_start_date: NOW_S + DAY, pause_end_date: NOW_S + 2 * DAY })
    expect(paused).toMatchObject({ status: 400, body: { error_info: { code: 'INVALID_ACTION' } } })
    expect(paused.body['error_message']).toMatch(/eNACH/)
    expect(await s.command(mandateId, { command: 'revoke' })).toMatchObject({ status: 200, body: { mandate_status: 'REVOKED' } })
  })

  it("answers 404 for another merchant's mandate and 401 for a wrong key, changing nothing", async () => {
    const { s, order, mandateId } = await withUpiMandate()
    expect(await s.command(mandateId, { command: 'revoke' }, { apiKey: 'other_api_key' })).toMatchObject({ status: 404, body: { error_info: { code: 'RESOURCE_NOT_FOUND' } } })
    expect(await s.command(mandateId, { command: 'revoke' }, { apiKey: 'wrong_key' })).toMatchObject({ status: 401 })
    expect(await s.command('nosuchmandate', { command: 'revoke' })).toMatchObject({ status: 404 })
    expect((await s.stored(order.id)).mandateStatus).toBe('ACTIVE')
  })
  it('refuses a body it cannot read before looking for the mandate, names an unknown one, and allows only GET and POST', async () => {
    const { s, order, mandateId } = await withUpiMandate()
    const headers = { authorization: basic('demo_api_key'), 'content-type': 'application/json' }
    const broken = await s.request(`/mandates/${mandateId}`, { method: 'POST', headers, body: '{"command": "revoke"' })
    expect(broken.res.status).toBe(400)
    expect(JSON.parse(broken.body)).toMatchObject({ error_info: { code: 'INVALID_INPUT' } })
    expect(await s.command('nosuchmandate', { command: 'revoke' })).toMatchObject({ status: 404, body: { error_message: 'No mandate with this mandate_id.' } })
    expect(await s.read('nosuchmandate')).toMatchObject({ status: 404, body: { error_message: 'No mandate with this mandate_id.' } })
    for (const method of ['PUT', 'DELETE']) {
      const other = await s.request(`/mandates/${mandateId}`, { method, headers: { authorization: basic('demo_api_key') } })
      expect(other.res.status).toBe(405)
      expect(other.res.headers.get('allow')).toBe('GET, POST')
    }
    expect((await s.stored(order.id)).mandateStatus).toBe('ACTIVE')
  })
})
