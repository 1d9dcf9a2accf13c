import { describe, expect, it } from 'vitest'
import { form } from '../../testing/bank-simulator'
import { visibleText } from '../../testing/fixtures'
import { mandateSandbox } from '../../testing/mandate-sandbox'
import { SIMULATOR_CSP } from '../pages'

const tokenOf = (order: { attempts: { simulatorToken: string }[] }): string => order.attempts[0]?.simulatorToken ?? ''

describe('An eNACH mandate at the simulated bank', () => {
  it('the registration screen links to the mandate, which shows its terms and UMRN and can be cancelled; the merchant hears it', async () => {
    const s = mandateSandbox()
    const order = await s.registerEnach()
    const token = tokenOf(order)
    const registration = await s.request(`/simulator/bank/${token}`)
    expect(registration.body).toContain(`href="/simulator/bank/${token}/mandate"`)
    const page = await s.request(`/simulator/bank/${token}/mandate`)
    expect(page.res.status).toBe(200)
    expect(page.res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
    const text = visibleText(page.body)
    expect(text).toContain('Your eMandate')
    expect(text).toContain('Active')
    expect(text).toContain('XXXXXX1111')
    expect(text).toMatch(/UMRN\s*\d{20}/)
    const cancelled = await s.request(`/simulator/bank/${token}/mandate/cancel`, form({}))
    expect(cancelled.res.status).toBe(303)
    expect(cancelled.res.headers.get('location')).toBe(`/simulator/bank/${token}/mandate?done=cancelled`)
    const after = visibleText((await s.request(`/simulator/bank/${token}/mandate?done=cancelled`)).body)
    expect(after).toContain('You cancelled the eMandate for')
    expect(after).toContain('Cancelled')
    expect(await s.orderStatus(order.orderId)).toMatchObject({ mandate: { mandate_status: 'REVOKED' } })
    expect((await s.webhooks(order.orderId)).at(-1)).toEqual(['MANDATE_REVOKED', 'REVOKED'])
    expect((await s.stored(order.id)).mandateChange).toMatchObject({ by: 'customer_bank' })
  })

  it("speaks the order's language or the customer's pick, keeping the pick from the registration screen through the cancel", async () => {
    const s = mandateSandbox()
    const order = await s.registerEnach()
    const token = tokenOf(order)
    const registration = await s.request(`/simulator/bank/${token}?lang=hi`)
    expect(registration.body).toContain(`href="/simulator/bank/${token}/mandate?lang=hi"`)
    expect(visibleText(registration.body)).toContain('यह ई-मैंडेट देखें या रद्द करें')
    const page = await s.request(`/simulator/bank/${token}/mandate?lang=ur`)
    expect(page.body).toContain('<html lang="ur" dir="rtl">')
    expect(visibleText(page.body)).toContain('آپ کا ای-مینڈیٹ')
    expect(page.body).toContain(`action="/simulator/bank/${token}/mandate/cancel?lang=ur"`)
    expect(page.body).toContain(`href="/simulator/bank/${token}/mandate?lang=bn"`)
    const cancelled = await s.request(`/simulator/bank/${token}/mandate/cancel?lang=ur`, form({}))
    expect(cancelled.res.headers.get('location')).toBe(`/simulator/bank/${token}/mandate?done=cancelled&lang=ur`)
    expect(visibleText((await s.request(`/simulator/bank/${token}/mandate?done=cancelled&lang=ur`)).body)).toContain('کا ای-مینڈیٹ منسوخ کر دیا۔')
  })

  it('a second cancel changes nothing; no mandate page for a UPI mandate, an unknown token or a payment', async () => {
    const s = mandateSandbox()
    const order = await s.registerEnach()
    const token = tokenOf(order)
    await s.request(`/simulator/bank/${token}/mandate/cancel`, form({}))
    const again = await s.request(`/simulator/bank/${token}/mandate/cancel`, form({}))
    expect(again.res.headers.get('location')).toContain('done=unchanged')
    expect((await s.webhooks(order.orderId)).filter(([name]) => name === 'MANDATE_REVOKED')).toHaveLength(1)
    const upi = await s.registerUpi()
    expect((await s.request(`/simulator/bank/${tokenOf(upi)}/mandate`)).res.status).toBe(404)
    expect((await s.request(`/simulator/bank/${tokenOf(upi)}/mandate/cancel`, form({}))).res.status).toBe(404)
    expect((await s.request(`/simulator/bank/${'0'.repeat(32)}/mandate`)).res.status).toBe(404)
    expect((await s.stored(upi.id)).mandateStatus).toBe('ACTIVE')
  })
})
