import { describe, expect, it } from 'vitest'
import { FREQUENCIES, type Frequency } from '../../contract/mandate'
import type { Order } from '../domain/order'
import { basic, bearer, checkoutBody, DEMO_KEY, jsonOf, juspayBody, pluralBody, secureSandbox, type SecureSandbox } from '../testing/security-harness'

/**
 * The edges of the mandate rules through each dialect's own API, so a change to a rule or to its
 * use fails here: `rule_value`'s range per frequency (docs/domain/upi.md#debit-day-rule-value), and a
 * cap equal to the amount, the ordinary fixed-price subscription, accepted wherever a mandate is taken.
 */

/** Each frequency's allowed debit days as docs/domain/upi.md#debit-day-rule-value has them; null: the frequency takes none. */
const DOCUMENTED_RANGES: Record<Frequency, readonly [number, number] | null> = {
  ONETIME: null,
  DAILY: null,
  WEEKLY: [1, 7],
  FORTNIGHTLY: [1, 16],
  MONTHLY: [1, 31],
  BIMONTHLY: [1, 31],
  QUARTERLY: [1, 31],
  HALFYEARLY: [1, 31],
  YEARLY: [1, 31],
  ASPRESENTED: null,
}

const postSession = (s: SecureSandbox, overrides: Record<string, unknown>) => s.postJson('/session', juspayBody(overrides), { authorization: basic(DEMO_KEY) })

/** The mandate stored for a Juspay session that was accepted. */
async function storedMandate(s: SecureSandbox, res: Response): Promise<Order['mandate']> {
  const body = await jsonOf(res)
  expect(res.status, JSON.stringify(body)).toBe(200)
  return (await s.stored(String(body['id']))).mandate
}

async function refusedField(res: Response): Promise<unknown> {
  expect(res.status).toBe(400)
  const body = await jsonOf(res)
  const info = body['error_info']
  return typeof info === 'object' && info !== null && 'fields' in info ? info.fields : body
}

describe('POST /session: rule_value per frequency, edges included', () => {
  const withRange = FREQUENCIES.flatMap((frequency) => {
    const range = DOCUMENTED_RANGES[frequency]
    return range ? [[frequency, range[0], range[1]] as const] : []
  })

  it.each(withRange)('%s takes %i to %i', async (frequency, min, max) => {
    const s = secureSandbox()
    for (const ruleValue of [min, max]) {
      const mandate = await storedMandate(s, await postSession(s, { 'mandate.frequency': frequency, 'mandate.rule_value': String(ruleValue) }))
      expect(mandate).toMatchObject({ frequency, ruleValue })
    }
    for (const ruleValue of [min - 1, max + 1]) {
      const fields = await refusedField(await postSession(s, { 'mandate.frequency': frequency, 'mandate.rule_value': String(ruleValue) }))
      expect(fields, `${frequency} ${ruleValue}`).toEqual([expect.objectContaining({ field_name: 'mandate.rule_value' })])
    }
  })

  const without = FREQUENCIES.filter((frequency) => DOCUMENTED_RANGES[frequency] === null)
  it.each(without)('%s takes no rule_value', async (frequency) => {
    const s = secureSandbox()
    const onetime = frequency === 'ONETIME' ? { 'mandate.block_funds': 'true' } : {}
    const bare = { 'mandate.frequency': frequency, 'mandate.rule_value': undefined, 'mandate.rule_type': undefined, ...onetime }
    expect(await storedMandate(s, await postSession(s, bare))).toMatchObject({ frequency, ruleValue: null, ruleType: null })
    const fields = await refusedField(await postSession(s, { ...bare, 'mandate.rule_value': '1' }))
    expect(fields).toEqual([expect.objectContaining({ field_name: 'mandate.rule_value' })])
  })
})

describe('a cap equal to the amount (the fixed-price subscription) is accepted by every dialect that takes a mandate', () => {
  it.each(['FIXED', 'VARIABLE'])('Juspay: mandate.max_amount equal to amount, %s; one paisa less is refused', async (amountRule) => {
    const s = secureSandbox()
    const mandate = await storedMandate(s, await postSession(s, { amount: '499.00', 'mandate.max_amount': '499.00', 'mandate.amount_rule': amountRule }))
    expect(mandate).toMatchObject({ maxAmount: { minor: 49900, currency: 'INR' }, amountRule })
    const fields = await refusedField(await postSession(s, { amount: '499.00', 'mandate.max_amount': '498.99', 'mandate.amount_rule': amountRule }))
    expect(fields).toEqual([expect.objectContaining({ field_name: 'mandate.max_amount' })])
  })

  it('checkout sessions: the mandate of a subscription caps each debit at its price', async () => {
    const s = secureSandbox()
    const { order } = await s.checkoutSession(DEMO_KEY, checkoutBody())
    expect(order.mandate).toMatchObject({ maxAmount: { minor: order.amountMinor, currency: 'INR' } })
  })

  it('Zenskar: a checkout whose quantity times the price is exactly the plan’s max_amount; one more is refused', async () => {
    const s = secureSandbox()
    const body = { plan_id: 'fit_monthly', customer_id: 'cust_1', success_url: 'https://shop.merchant.com/ok', cancel_url: 'https://shop.merchant.com/no' }
    const created = await s.postJson('/checkouts', { ...body, product_overrides: [{ product_id: 'fit_monthly', quantity: 1 }] }, { 'x-api-key': DEMO_KEY })
    const checkout = await jsonOf(created)
    expect(created.status, JSON.stringify(checkout)).toBe(201)
    const pageId = new URL(String(checkout['url'])).pathname.split('/')[2] ?? ''
    expect((await s.stored(pageId)).mandate).toMatchObject({ maxAmount: { minor: 49900 } })
    const above = await s.postJson('/checkouts', { ...body, product_overrides: [{ product_id: 'fit_monthly', quantity: 2 }] }, { 'x-api-key': DEMO_KEY })
    expect(above.status).toBe(400)
  })

  it.each([undefined, 'M', 'F'])('Plural: an inline plan whose maxLimitAmount is its amount, amountLimit %s', async (amountLimit) => {
    const s = secureSandbox()
    const plan = {
      planId: '',
      merchantMaintainedPlan: true,
      merchantPlanId: 'gym-monthly',
      planName: 'Gym monthly',
      frequency: 1,
      frequencyType: 'Month',
      amount: { value: 49900, currency: 'INR' },
      maxLimitAmount: { value: 49900, currency: 'INR' },
    }
    const payments = amountLimit === undefined ? {} : { payments: { amountLimit } }
    const res = await s.postJson('/api/v1/upi/subscription/process/payment', pluralBody({ plan, ...payments }), { authorization: bearer(DEMO_KEY) })
    expect(res.status, await res.clone().text()).toBe(200)
    const below = await s.postJson(
      '/api/v1/upi/subscription/process/payment',
      pluralBody({ plan: { ...plan, maxLimitAmount: { value: 49899, currency: 'INR' } }, ...payments }),
      { authorization: bearer(DEMO_KEY) },
    )
    expect(below.status).toBe(422)
  })
})
