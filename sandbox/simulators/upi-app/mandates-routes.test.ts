import { describe, expect, it } from 'vitest'
import { form } from '../../testing/bank-simulator'
import { visibleText } from '../../testing/fixtures'
import { mandateSandbox } from '../../testing/mandate-sandbox'
import { SIMULATOR_CSP } from '../pages'

const LIST = '/simulator/upi/mandates'

/** The registration's simulator token, which the mandate's forms post to. */
const tokenOf = (order: { attempts: { simulatorToken: string }[] }): string => order.attempts[0]?.simulatorToken ?? ''

describe('My AutoPay mandates in the simulated UPI app', () => {
  it("lists the VPA's mandates, newest first, with merchant, amount rule, maximum, frequency and status, and only that VPA's", async () => {
    const s = mandateSandbox()
    const first = await s.registerUpi('Asha@OKAXIS')
    const second = await s.registerUpi('asha@okaxis')
    await s.registerUpi('ravi@okicici')
    const { res, body } = await s.request(`${LIST}?vpa=asha@okaxis`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
    const text = visibleText(body)
    expect(text).toContain('My AutoPay mandates')
    expect(text).toContain('Up to ₹1,000.00 per debit')
    expect(text).toContain('Monthly, on or after day 5')
    expect(text.indexOf(second.mandateId ?? '')).toBeLessThan(text.indexOf(first.mandateId ?? ''))
    expect(body.match(/<section class="mandate"/g)).toHaveLength(2)
    expect(body).toContain(`action="${LIST}/${tokenOf(first)}/pause"`)
    expect(body).toContain(`action="${LIST}/${tokenOf(first)}/revoke"`)
  })

  it("the page's success view links to the payer's list; an eNACH mandate's links nowhere", async () => {
    const s = mandateSandbox()
    const upi = await s.registerUpi('Asha@okaxis')
    const enach = await s.registerEnach()
    const outcome = async (pageId: string) => (JSON.parse((await s.request(`/api/pages/${pageId}`)).body) as { outcome: { mandatesUrl: string | null } }).outcome
    expect((await outcome(upi.id)).mandatesUrl).toBe(`${LIST}?vpa=Asha%40okaxis`)
    expect((await outcome(enach.id)).mandatesUrl).toBeNull()
  })

  it("speaks the customer's pick or the browser's language, keeps the pick through its forms and redirect, and isolates figures in Urdu", async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const token = tokenOf(order)
    const hindi = await s.request(`${LIST}?vpa=asha@okaxis`, { headers: { 'accept-language': 'hi-IN,hi;q=0.9' } })
    expect(hindi.body).toContain('<html lang="hi">')
    expect(visibleText(hindi.body)).toContain('मेरे ऑटोपे मैंडेट')
    expect(hindi.body).toContain(`action="${LIST}/${token}/pause"`)
    const urdu = await s.request(`${LIST}?vpa=asha@okaxis&lang=ur`)
    expect(urdu.body).toContain('<html lang="ur" dir="rtl">')
    expect(urdu.body).toContain(`<bdi dir="ltr">${order.mandateId}</bdi>`)
    expect(urdu.body).toContain('<bdi dir="ltr">₹1,000.00</bdi>')
    expect(urdu.body).toContain(`action="${LIST}/${token}/revoke?lang=ur"`)
    expect(urdu.body).toContain('<input type="hidden" name="lang" value="ur">')
    expect(urdu.body).toContain(`href="${LIST}?vpa=asha%40okaxis&amp;lang=ta"`)
    const revoked = await s.request(`${LIST}/${token}/revoke?lang=ur`, form({}))
    expect(revoked.res.headers.get('location')).toBe(`${LIST}?vpa=asha%40okaxis&done=revoked&mandate=${order.mandateId}&lang=ur`)
    expect(visibleText((await s.request(revoked.res.headers.get('location') ?? '')).body)).toContain('کا مینڈیٹ منسوخ کر دیا۔')
  })

  it('asks for a UPI ID when none is given, and explains a malformed one', async () => {
    const s = mandateSandbox()
    const empty = await s.request(LIST)
    expect(empty.res.status).toBe(200)
    expect(empty.body).toContain('name="vpa"')
    const bad = await s.request(`${LIST}?vpa=not-a-vpa`)
    expect(bad.res.status).toBe(400)
    expect(visibleText(bad.body)).toContain('Enter a UPI ID such as name@bank.')
    const none = await s.request(`${LIST}?vpa=nobody@okaxis`)
    expect(visibleText(none.body)).toContain('No AutoPay mandates were approved from this UPI ID')
  })

  it('pause, resume, revoke: each answers See Other to the listing saying so, and the merchant hears each by webhook', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const token = tokenOf(order)
    const paused = await s.request(`${LIST}/${token}/pause`, form({ pause_until: '2026-12-10' }))
    expect(paused.res.status).toBe(303)
    const location = paused.res.headers.get('location') ?? ''
    expect(location).toBe(`${LIST}?vpa=asha%40okaxis&done=paused&mandate=${order.mandateId}`)
    const listing = visibleText((await s.request(location)).body)
    expect(listing).toContain('You paused the mandate for')
    expect(listing).toContain('Paused until 10 Dec 2026')
    expect((await s.stored(order.id)).mandateChange).toMatchObject({
      status: 'PAUSED',
      by: 'customer_upi_app',
      pause: { endDate: '2026-12-10T18:30:00.000Z' },
    })
    expect((await s.request(`${LIST}/${token}/resume`, form({}))).res.status).toBe(303)
    expect((await s.request(`${LIST}/${token}/revoke`, form({}))).res.status).toBe(303)
    expect(await s.orderStatus(order.orderId)).toMatchObject({ mandate: { mandate_status: 'REVOKED' } })
    expect((await s.webhooks(order.orderId)).slice(-3)).toEqual([
      ['MANDATE_PAUSED', 'PAUSED'],
      ['MANDATE_ACTIVATED', 'ACTIVE'],
      ['MANDATE_REVOKED', 'REVOKED'],
    ])
    const after = (await s.request(`${LIST}?vpa=asha@okaxis`)).body
    expect(visibleText(after)).toContain('Revoked')
    expect(after).not.toContain(`${token}/pause`)
  })

  it('a repeated revoke changes nothing and says so; a resume of a revoked mandate is refused with 409', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    const token = tokenOf(order)
    await s.request(`${LIST}/${token}/revoke`, form({}))
    const again = await s.request(`${LIST}/${token}/revoke`, form({}))
    expect(again.res.headers.get('location')).toContain('done=unchanged')
    const resumed = await s.request(`${LIST}/${token}/resume`, form({}))
    expect(resumed.res.status).toBe(409)
    expect(visibleText(resumed.body)).toContain('nothing was changed')
    expect((await s.webhooks(order.orderId)).filter(([name]) => name === 'MANDATE_REVOKED')).toHaveLength(1)
  })

  it('refuses a pause date that is not a day after today, re-rendering its form with the error', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    for (const day of ['', 'soon', '2026-11-01']) {
      const { res, body } = await s.request(`${LIST}/${tokenOf(order)}/pause`, form({ pause_until: day }))
      expect(res.status).toBe(400)
      expect(body).toContain('aria-invalid="true"')
      expect(visibleText(body)).toContain('Choose a day after today, before the mandate ends.')
    }
    expect((await s.stored(order.id)).mandateStatus).toBe('ACTIVE')
  })

  it('acts only through the registration’s token: any other is not found, and GET cannot act', async () => {
    const s = mandateSandbox()
    const order = await s.registerUpi()
    expect((await s.request(`${LIST}/${'0'.repeat(32)}/revoke`, form({}))).res.status).toBe(404)
    expect((await s.request(`${LIST}/not-a-token/revoke`, form({}))).res.status).toBe(404)
    expect((await s.request(`${LIST}/${tokenOf(order)}/revoke`)).res.status).toBe(405)
    const enach = await s.registerEnach()
    expect((await s.request(`${LIST}/${tokenOf(enach)}/revoke`, form({}))).res.status).toBe(404)
    expect((await s.stored(order.id)).mandateStatus).toBe('ACTIVE')
    expect((await s.stored(enach.id)).mandateStatus).toBe('ACTIVE')
  })
})
