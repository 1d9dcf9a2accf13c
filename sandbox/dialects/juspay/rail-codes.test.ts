import { describe, expect, it } from 'vitest'
import type { StartAttempt } from '../../../contract/attempt'
import { MAGIC_ACCOUNTS, MAGIC_VPAS } from '../../../contract/scenarios'
import { seedOrder, testSandbox } from '../../testing/fixtures'
import { mandatePaymentInfo, mandateType } from './rail-codes'

const auth = { authorization: `Basic ${Buffer.from('demo_api_key:').toString('base64')}` }

/** A fresh order after the page started this attempt on it: its order status and its stored latest attempt. */
async function started(request: StartAttempt) {
  const { app, deps } = testSandbox()
  const order = await seedOrder(deps, { createMandate: request.setUpMandate ? 'REQUIRED' : 'OPTIONAL' })
  const started = await app.request(`/api/pages/${order.id}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
    body: JSON.stringify(request),
  })
  expect(started.status).toBe(201)
  const res = await app.request(`/orders/${order.orderId}`, { headers: auth })
  return { status: (await res.json()) as Record<string, unknown>, attempt: (await deps.store.orderById(order.id))?.attempts.at(-1) }
}

const statusAfter = async (request: StartAttempt) => (await started(request)).status

const enach: StartAttempt = {
  rail: 'netbanking',
  setUpMandate: true,
  enach: {
    bankCode: 'HDFC',
    authMode: 'debit_card',
    accountHolderName: 'Asha Verma',
    accountNumber: MAGIC_ACCOUNTS.pending,
    ifsc: 'HDFC0001234',
    accountType: 'SAVINGS',
  },
}

type Codes = [type: string, method: string, source: string, objectType: string, flow: string | null, payer: boolean, account: boolean]

describe("Juspay's codes for each rail and way of paying", () => {
  it.each<[string, StartAttempt, Codes]>([
    ['a UPI intent mandate', { rail: 'upi', channel: 'intent', setUpMandate: true }, ['UPI', 'UPI_PAY', 'MANDATE', 'EMANDATE_REGISTER', 'INTENT', true, false]],
    ['a UPI QR mandate', { rail: 'upi', channel: 'qr', setUpMandate: true }, ['UPI', 'UPI_QR', 'MANDATE', 'EMANDATE_REGISTER', 'INTENT', true, false]],
    ['a UPI QR payment', { rail: 'upi', channel: 'qr', setUpMandate: false }, ['UPI', 'UPI_QR', 'UPI_QR', 'ORDER_PAYMENT', 'INTENT', true, false]],
    ['a UPI intent payment', { rail: 'upi', channel: 'intent', setUpMandate: false }, ['UPI', 'UPI_PAY', 'UPI_PAY', 'ORDER_PAYMENT', 'INTENT', true, false]],
    [
      'a UPI collect payment',
      { rail: 'upi', channel: 'collect', vpa: MAGIC_VPAS.pending, setUpMandate: false },
      ['UPI', 'COLLECT', 'UPI_COLLECT', 'ORDER_PAYMENT', 'COLLECT', true, false],
    ],
    ['a net banking payment', { rail: 'netbanking', setUpMandate: false, bankCode: 'SBIN' }, ['NB', 'NB_SBIN', 'NB', 'ORDER_PAYMENT', null, false, false]],
    ['an eNACH mandate', enach, ['NB', 'NB_HDFC', 'MANDATE', 'EMANDATE_REGISTER', null, false, true]],
  ])('%s', async (_name, request, [type, method, source, objectType, flow, payer, account]) => {
    const body = await statusAfter(request)
    expect(body).toMatchObject({ payment_method_type: type, payment_method: method, auth_type: '' })
    expect(body['txn_detail']).toMatchObject({ source_object: source, txn_object_type: objectType, txn_flow_type: flow })
    expect(body['mandate']).toMatchObject({ mandate_type: 'EMANDATE' })
    const keys = Object.keys(body)
    expect(keys.includes('upi')).toBe(payer)
    expect(keys.includes('bank_account_details')).toBe(account)
    // The payer comes before txn_detail and the account after everything else, as they always have.
    if (payer) expect(keys.indexOf('upi')).toBeLessThan(keys.indexOf('txn_detail'))
    if (account) expect(keys.indexOf('bank_account_details')).toBeGreaterThan(keys.indexOf('payment_gateway_response'))
  })

  it('names the eNACH auth mode and masks the account', async () => {
    expect(await statusAfter(enach)).toMatchObject({
      bank_account_details: { bank_code: 'HDFC', account_number: 'XXXXXX3333', ifsc: 'HDFC0001234', account_type: 'SAVINGS', auth_mode: 'CARD' },
    })
  })

  it('names the payer of a UPI collect', async () => {
    const body = await statusAfter({ rail: 'upi', channel: 'collect', vpa: MAGIC_VPAS.pending, setUpMandate: true })
    expect(body).toMatchObject({ payer_vpa: MAGIC_VPAS.pending, upi: { payer_vpa: MAGIC_VPAS.pending, payer_app: null, txn_flow_type: 'COLLECT' } })
  })

  it.each<[string, StartAttempt, object]>([
    ['a UPI collect', { rail: 'upi', channel: 'collect', vpa: MAGIC_VPAS.pending, setUpMandate: true }, { payment_method_type: 'UPI', payment_method: 'COLLECT', upi: { payer_vpa: MAGIC_VPAS.pending } }],
    ['a UPI intent before approval', { rail: 'upi', channel: 'intent', setUpMandate: true }, { payment_method_type: 'UPI', payment_method: 'UPI_PAY', upi: { payer_vpa: null } }],
    [
      'an eNACH registration',
      enach,
      {
        payment_method_type: 'NB',
        payment_method: 'NB_HDFC',
        bank_account_details: { bank_code: 'HDFC', bank_name: 'HDFC Bank', account_number: 'XXXXXX3333', ifsc: 'HDFC0001234', account_type: 'SAVINGS', auth_mode: 'CARD' },
      },
    ],
  ])("a mandate registered by %s carries payment_info shaped for its rail", async (_name, request, paymentInfo) => {
    const { attempt } = await started(request)
    if (!attempt) throw new Error('no attempt')
    expect(mandatePaymentInfo(attempt)).toEqual(paymentInfo)
  })
})

it('gives an order with no attempt yet the mandate_type of UPI and NB, EMANDATE', () => {
  expect(mandateType(undefined)).toBe('EMANDATE')
})
