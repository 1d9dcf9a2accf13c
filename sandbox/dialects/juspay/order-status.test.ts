import { describe, expect, it } from 'vitest'
import { MAGIC_VPAS, SUCCESS_DELAY_MS } from '../../../contract/scenarios'
import { seedOrder, testSandbox } from '../../testing/fixtures'

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
