import { afterEach, describe, expect, it } from 'vitest'
import { RAIL_RULES } from '../../domain/rails'
import { MAX_BODY_BYTES } from '../../http/body-limit'
import { MAGIC_VPAS } from '../../../contract/scenarios'
import { SIMULATOR_CSP } from '../pages'
import { visibleText } from '../../testing/fixtures'
import { collect, form, simulatorSandbox } from '../../testing/upi-app-simulator'

const sandboxes: ReturnType<typeof simulatorSandbox>[] = []
function setup(...args: Parameters<typeof simulatorSandbox>) {
  const s = simulatorSandbox(...args)
  sandboxes.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.dispose()))
})

const path = (token: string, suffix = '') => `/simulator/upi/${token}${suffix}`

async function page(res: Response) {
  const body = await res.text()
  return { body, text: visibleText(body) }
}

const statusRegion = (body: string): string => /<div role="status"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1] ?? ''

describe('GET /simulator/upi/:token, a pending mandate', () => {
  it('shows what a UPI app shows for the mandate, with the PIN form', async () => {
    const { app, start } = setup()
    const { token } = await start()
    const res = await app.request(path(token, '?app=phonepe'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const { body, text } = await page(res)
    expect(body).toMatch(/^<!doctype html>\s*<html lang="en">/)
    expect(body.match(/<h1>/g)).toHaveLength(1)
    expect(body).toContain('<h1>AutoPay mandate request</h1>')
    expect(body).toContain('<main class="phone">')
    for (const fact of [
      'SANDBOX · simulated UPI app',
      'PhonePe simulated',
      'Payee Acme Fitness',
      'Payee UPI ID acmefitness@sandbox',
      'Mandate amount Up to ₹1,000.00 per debit',
      'Mandate name Gold plan',
      'Frequency Monthly, on or after day 5',
      'Valid 1 Dec 2026 – 30 Nov 2056',
      'Charged today ₹1.00, refunded after approval',
      'Cancellation You can cancel this mandate any time in your UPI app',
      'Approve by 3:35 pm IST',
    ]) {
      expect(text).toContain(fact)
    }
    expect(text).not.toContain('Funds')
    expect(body).toContain('<label for="pin">UPI PIN</label>')
    expect(body).toMatch(/<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="one-time-code" aria-describedby="pin-hint">/)
    expect(body).toContain('<label for="payer-vpa">Your UPI ID</label>')
    expect(body).toContain('value="customer@ybl"')
    expect(body).toContain(`action="/simulator/upi/${token}/approve"`)
    expect(body).toContain(`action="/simulator/upi/${token}/decline"`)
    expect(body).toContain('<button type="submit" class="button button--primary">Approve with UPI PIN</button>')
    expect(body).toContain('<button type="submit" class="button button--secondary">Decline</button>')
    expect(body).toContain('<link rel="stylesheet" href="/simulator/upi/assets/app.css">')
  })

  it.each([
    ['phonepe', 'PhonePe', 'customer@ybl'],
    ['gpay', 'Google Pay', 'customer@okaxis'],
    ['paytm', 'Paytm', 'customer@paytm'],
    ['bhim', 'BHIM', 'customer@upi'],
    ['cred', 'CRED', 'customer@axl'],
    ['amazonpay', 'Amazon Pay', 'customer@apl'],
    ['other', 'UPI app', 'customer@upi'],
    ['', 'UPI app', 'customer@upi'],
    ['not-an-app', 'UPI app', 'customer@upi'],
  ])('app=%s shows %s and offers %s', async (appParam, name, vpa) => {
    const { app, start } = setup()
    const { token } = await start()
    const { body } = await page(await app.request(path(token, `?app=${appParam}`)))
    expect(body).toContain(`<span class="app-name">${name}</span>`)
    expect(body).toContain(`value="${vpa}"`)
  })

  it('words a one-time, fixed, irrevocable mandate that blocks funds, in Indian digit grouping', async () => {
    const { app, start } = setup()
    const { token } = await start(undefined, {
      chargedTodayMinor: 0,
      metadata: {},
      mandate: {
        maxAmount: { minor: 1_00_000_00, currency: 'INR' },
        amountRule: 'FIXED',
        frequency: 'ONETIME',
        ruleType: null,
        ruleValue: null,
        startDate: '2026-11-25T10:00:00.000Z',
        endDate: '2027-02-22T10:00:00.000Z',
        blockFunds: true,
        revokableByCustomer: false,
      },
    })
    const { text } = await page(await app.request(path(token)))
    for (const fact of [
      'Mandate amount Exactly ₹1,00,000.00 per debit',
      'Frequency One time',
      'Valid 25 Nov 2026 – 22 Feb 2027',
      'Charged today Nothing today',
      'Cancellation This mandate cannot be cancelled before it ends',
      'Funds ₹1,00,000.00 is blocked in your account until it is debited or the mandate ends',
    ]) {
      expect(text).toContain(fact)
    }
  })

  it('says when the registration charge is not refunded', async () => {
    const { app, start } = setup()
    const { token } = await start(undefined, { chargedTodayMinor: 2_00, metadata: { auto_refund_post_success: 'false' } })
    const { text } = await page(await app.request(path(token)))
    expect(text).toContain('Charged today ₹2.00 ')
    expect(text).not.toContain('refunded')
  })

  it('shows a collect request as coming from the VPA the customer typed, without a VPA field', async () => {
    const { app, start } = setup()
    const { token } = await start(collect(MAGIC_VPAS.pending))
    const { body, text } = await page(await app.request(path(token, '?app=gpay')))
    expect(text).toContain('Paying from pending@upi')
    expect(body).not.toContain('name="payer_vpa"')
    expect(body).toContain('name="pin"')
  })
})

describe('GET /simulator/upi/:token, a plain payment', () => {
  it('shows the amount charged today, and no mandate terms', async () => {
    const { app, start } = setup()
    const { token } = await start(
      { rail: 'upi', channel: 'qr', setUpMandate: false },
      { createMandate: 'OPTIONAL', chargedTodayMinor: 1_23_456_78, description: 'Annual plan' },
    )
    const { body, text } = await page(await app.request(path(token)))
    expect(body).toContain('<h1>Payment request</h1>')
    expect(text).toContain('Payee Acme Fitness')
    expect(text).toContain('Amount ₹1,23,456.78')
    expect(text).toContain('Note Annual plan')
    for (const absent of ['Mandate amount', 'Frequency', 'Valid', 'Cancellation', 'AutoPay']) expect(text).not.toContain(absent)
    expect(body).toContain('Approve with UPI PIN')
  })
})

describe('POST /simulator/upi/:token/approve', () => {
  it.each([
    ['a 4-digit PIN', '1234'],
    ['a 6-digit PIN', '654321'],
  ])('approves with %s, redirects to the result and charges the order', async (_name, pin) => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    const res = await app.request(path(token, '/approve'), form({ pin, payer_vpa: 'customer@ybl', app: 'phonepe' }))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(path(token, '?app=phonepe'))
    const after = await current(order.id)
    expect(after.status).toBe('CHARGED')
    expect(after.mandateStatus).toBe('ACTIVE')
    expect(after.attempts[0]).toMatchObject({ status: 'succeeded', payerApp: 'phonepe', payerVpa: 'customer@ybl' })

    const { body, text } = await page(await app.request(path(token, '?app=phonepe')))
    expect(statusRegion(body)).toContain('Approved')
    expect(text).toContain('You approved the AutoPay mandate for Acme Fitness.')
    expect(text).toContain('Paying from customer@ybl')
    expect(body).not.toContain('<form')
    expect(body).not.toContain('Approve with UPI PIN')
  })

  it('records the VPA the person typed for an intent attempt', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    const res = await app.request(path(token, '/approve'), form({ pin: '0000', payer_vpa: '  asha.v@okicici ', app: 'gpay' }))
    expect(res.status).toBe(303)
    expect((await current(order.id)).attempts[0]).toMatchObject({ payerVpa: 'asha.v@okicici', payerApp: 'gpay' })
  })

  it('keeps the collect VPA whatever the form says', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start(collect(MAGIC_VPAS.pending))
    const res = await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: 'someone@else' }))
    expect(res.status).toBe(303)
    expect((await current(order.id)).attempts[0]).toMatchObject({ status: 'succeeded', payerVpa: MAGIC_VPAS.pending, payerApp: 'other' })
  })

  it('approves a plain payment', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start({ rail: 'upi', channel: 'intent', setUpMandate: false }, { createMandate: 'OPTIONAL' })
    expect((await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: 'customer@upi' }))).status).toBe(303)
    const after = await current(order.id)
    expect(after.status).toBe('CHARGED')
    expect(after.mandateStatus).toBeNull()
    expect(visibleText(await (await app.request(path(token))).text())).toContain('You paid Acme Fitness.')
  })

  it.each([
    ['3 digits', '123'],
    ['5 digits', '12345'],
    ['7 digits', '1234567'],
    ['letters', 'abcd'],
    ['digits and letters', '12a4'],
    ['empty', ''],
    ['spaces around', ' 1234 '],
    ['non-ASCII digits', '१२३४'],
  ])('refuses a PIN of %s with a field error and decides nothing', async (_name, pin) => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    const res = await app.request(path(token, '/approve'), form({ pin, payer_vpa: 'asha@oksbi', app: 'bhim' }))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
    const { body } = await page(res)
    expect(body).toMatch(/<input id="pin"[^>]* aria-describedby="pin-hint pin-error" aria-invalid="true" autofocus>/)
    expect(body).toContain('<p class="field-error" id="pin-error">The UPI PIN must be 4 or 6 digits.</p>')
    expect(body).toContain('value="asha@oksbi"')
    expect(body).toContain('<span class="app-name">BHIM</span>')
    expect(body).not.toContain(`value="${pin}"`)
    expect((await current(order.id)).status).toBe('PENDING_VBV')
    expect((await current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it('refuses a missing PIN field and a body that is not a form', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    expect((await app.request(path(token, '/approve'), form({ payer_vpa: 'customer@upi' }))).status).toBe(400)
    const json = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin: '1234' }) }
    expect((await app.request(path(token, '/approve'), json)).status).toBe(400)
    expect((await current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it.each([
    ['application/x-www-form-urlencoded', 'pin=1234&payer_vpa=customer%40upi', 303],
    ['Application/X-WWW-Form-Urlencoded; charset=UTF-8', 'pin=1234&payer_vpa=customer%40upi', 303],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="pin"\r\n\r\n1234\r\n--b\r\nContent-Disposition: form-data; name="payer_vpa"\r\n\r\ncustomer@upi\r\n--b--\r\n', 303],
    ['multipart/form-data; boundary=b', 'not a multipart body', 400],
    ['text/plain', 'pin=1234&payer_vpa=customer%40upi', 400],
    ['application/json', '{"pin":"1234","payer_vpa":"customer@upi"}', 400],
  ])('reads a %s body as a form only when it is one', async (type, body, status) => {
    const { app, start } = setup()
    const { token } = await start()
    expect((await app.request(path(token, '/approve'), { method: 'POST', headers: { 'content-type': type }, body })).status).toBe(status)
  })

  it.each(['', 'no-at-sign', 'a@b', 'two@@handles', 'spa ce@upi', '"><script>alert(1)</script>'])(
    'refuses the payer VPA %j with a field error',
    async (vpa) => {
      const { app, start, current } = setup()
      const { token, order } = await start()
      const res = await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: vpa }))
      expect(res.status).toBe(400)
      const { body } = await page(res)
      expect(body).toMatch(/<input id="payer-vpa"[^>]* aria-describedby="payer-vpa-hint payer-vpa-error" aria-invalid="true" autofocus>/)
      expect(body).toContain('Enter a UPI ID such as name@bank.')
      expect(body).not.toContain('<script>')
      expect((await current(order.id)).attempts[0]?.status).toBe('pending')
    },
  )

  it('refuses a second approval with 409 and leaves the first result alone', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    expect((await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: 'customer@upi' }))).status).toBe(303)
    const decided = await current(order.id)
    const again = await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: 'other@upi' }))
    expect(again.status).toBe(409)
    const { body } = await page(again)
    expect(statusRegion(body)).toContain('Approved')
    expect(statusRegion(body)).toContain('This request was already decided or has ended, so nothing was changed.')
    expect(body).not.toContain('<form')
    const decline = await app.request(path(token, '/decline'), form({}))
    expect(decline.status).toBe(409)
    expect(await current(order.id)).toEqual(decided)
  })

  it('refuses to approve an expired attempt', async () => {
    const { app, start, clock, current } = setup()
    const { token, order } = await start()
    clock.advance(RAIL_RULES.upi.approvalWindowMs)
    const res = await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: 'customer@upi' }))
    expect(res.status).toBe(409)
    expect(statusRegion(await res.text())).toContain('Expired')
    expect((await current(order.id)).attempts[0]?.status).toBe('expired')
  })

  it('refuses a bad PIN for an attempt that has ended with 409, not a field error', async () => {
    const { app, start } = setup()
    const { token } = await start()
    await app.request(path(token, '/decline'), form({}))
    expect((await app.request(path(token, '/approve'), form({ pin: 'x' }))).status).toBe(409)
  })
})

describe('POST /simulator/upi/:token/decline', () => {
  it('declines, redirects to the result, and fails the order', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    const res = await app.request(path(token, '/decline'), form({ app: 'cred' }))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(path(token, '?app=cred'))
    const after = await current(order.id)
    expect(after.status).toBe('AUTHORIZATION_FAILED')
    expect(after.attempts[0]).toMatchObject({ status: 'failed', failureReason: 'declined_by_customer' })
    const { body, text } = await page(await app.request(path(token, '?app=cred')))
    expect(statusRegion(body)).toContain('Declined')
    expect(text).toContain('You declined this request. Nothing was authorised.')
    expect(body).not.toContain('<form')
  })

  it('declines with an empty body too', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    expect((await app.request(path(token, '/decline'), { method: 'POST' })).status).toBe(303)
    expect((await current(order.id)).attempts[0]?.status).toBe('failed')
  })
})

describe('ended attempts', () => {
  it('shows Expired, and no form, once the clock passes the approval window', async () => {
    const { app, start, clock } = setup()
    const { token } = await start()
    clock.advance(RAIL_RULES.upi.approvalWindowMs - 1)
    expect(await (await app.request(path(token))).text()).toContain('Approve with UPI PIN')
    clock.advance(1)
    const res = await app.request(path(token))
    expect(res.status).toBe(200)
    const { body, text } = await page(res)
    expect(statusRegion(body)).toContain('Expired')
    expect(text).toContain('This request was not approved in time.')
    expect(body).not.toContain('<form')
    expect(body).not.toContain('name="pin"')
  })

  it('shows Cancelled when the checkout page cancelled the attempt', async () => {
    const { app, start, attempts } = setup()
    const { token, order } = await start()
    await attempts.decide(order, { type: 'cancel' })
    const { body } = await page(await app.request(path(token)))
    expect(statusRegion(body)).toContain('Cancelled')
    expect(body).not.toContain('<form')
  })

  it("keeps an older attempt's link on its own result while a newer attempt is pending", async () => {
    const { app, start, attempts, merchant, store, current } = setup()
    const first = await start()
    await app.request(path(first.token, '/decline'), form({}))
    const second = await attempts.start(await current(first.order.id), merchant, { rail: 'upi', channel: 'qr', setUpMandate: true }, 'retry')
    if (!second.ok) throw new Error(second.error)
    const res = await app.request(path(first.token, '/approve'), form({ pin: '1234', payer_vpa: 'customer@upi' }))
    expect(res.status).toBe(409)
    expect(statusRegion(await res.text())).toContain('Declined')
    expect((await store.orderById(first.order.id))?.attempts.map((a) => a.status)).toEqual(['failed', 'pending'])
    expect(await (await app.request(path(second.attempt.simulatorToken))).text()).toContain('Approve with UPI PIN')
  })
})

describe('links that are not valid', () => {
  it.each([
    ['an unknown token', '0123456789abcdef0123456789abcdef'],
    ['a malformed token', 'not-a-token'],
    ['an upper-case token', '0123456789ABCDEF0123456789ABCDEF'],
    ['the assets folder', 'assets'],
  ])('answers 404 for %s', async (_name, token) => {
    const { app } = setup()
    const res = await app.request(path(token))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
    const { body } = await page(res)
    expect(body).toContain('<h1>This request link is not valid</h1>')
    expect(body).not.toContain('<form')
  })

  it('answers 404 to decisions on an unknown token', async () => {
    const { app } = setup()
    expect((await app.request(path('0123456789abcdef0123456789abcdef', '/approve'), form({ pin: '1234' }))).status).toBe(404)
    expect((await app.request(path('0123456789abcdef0123456789abcdef', '/decline'), form({}))).status).toBe(404)
  })
})

describe('hostile merchant and customer text', () => {
  const SCRIPT = '<script>alert(1)</script>'
  const IMG = '<img src=x onerror=alert(1)>'
  const BIDI = 'Acme \u202Egnp.exe'
  const LONG = 'W'.repeat(2000)
  const EMOJI = 'Yoga 🧘‍♀️ plan 🇮🇳'

  it('renders every merchant-supplied string as isolated text', async () => {
    const { app, start } = setup((m) => ({ ...m, name: `${IMG} ${BIDI}`, upi: { ...m.upi, payeeVpa: SCRIPT } }))
    const { token } = await start(undefined, { description: `${SCRIPT} ${EMOJI} ${LONG}` })
    const { body, text } = await page(await app.request(path(token)))
    expect(body).not.toContain('<script>')
    expect(body).not.toContain('<img')
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(body).toContain('<bdi>&lt;img src=x onerror=alert(1)&gt; Acme \u202Egnp.exe</bdi>')
    expect(body).toContain(`<bdi>&lt;script&gt;alert(1)&lt;/script&gt; ${EMOJI} ${LONG}</bdi>`)
    expect(text).toContain(`Payee ${IMG} ${BIDI}`)
    expect(text).toContain(`Mandate name ${SCRIPT} ${EMOJI}`)
  })

  it('escapes hostile text on the result and error pages as well', async () => {
    const { app, start } = setup((m) => ({ ...m, name: SCRIPT }))
    const { token } = await start({ rail: 'upi', channel: 'intent', setUpMandate: false }, { createMandate: 'OPTIONAL', description: IMG })
    const bad = await app.request(path(token, '/approve'), form({ pin: '1', payer_vpa: SCRIPT }))
    expect(bad.status).toBe(400)
    const badBody = await bad.text()
    expect(badBody).not.toMatch(/<script|<img/)
    expect(badBody).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"')
    await app.request(path(token, '/approve'), form({ pin: '1234', payer_vpa: 'customer@upi' }))
    const done = await (await app.request(path(token))).text()
    expect(done).not.toMatch(/<script|<img/)
    expect(done).toContain('You paid <bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>.')
  })
})

describe('headers, methods and limits', () => {
  it('sends the strict CSP and no-store on every page', async () => {
    const { app, start } = setup()
    const { token } = await start()
    const responses = [
      await app.request(path(token)),
      await app.request(path(token, '/approve'), form({ pin: '1' })),
      await app.request(path('ffffffffffffffffffffffffffffffff')),
      await app.request(path(token, '/approve')),
      await app.request(path(token, '/approve'), form({ pin: '1'.repeat(MAX_BODY_BYTES) })),
      await app.request(path(token, '/decline'), form({})),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 400, 404, 405, 413, 303])
    for (const res of responses) {
      if (res.status !== 303) expect(res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
    expect(SIMULATOR_CSP).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
  })

  it('answers 413 to a body over 64 KB, with or without a Content-Length, and decides nothing', async () => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    const big = `pin=1234&payer_vpa=customer%40upi&pad=${'x'.repeat(MAX_BODY_BYTES)}`
    const declared = await app.request(path(token, '/approve'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(big.length) },
      body: big,
    })
    expect(declared.status).toBe(413)
    expect(await declared.text()).toContain('<h1>This request is too large</h1>')
    // Without a Content-Length the limit counts the bytes as they arrive.
    const streamed = await app.request(path(token, '/decline'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    })
    expect(streamed.status).toBe(413)
    expect((await current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it.each([
    ['GET', '/approve', 'POST'],
    ['GET', '/decline', 'POST'],
    ['PUT', '/approve', 'POST'],
    ['POST', '', 'GET, HEAD'],
    ['DELETE', '', 'GET, HEAD'],
  ])('answers 405 to %s on the page%s', async (method, suffix, allow) => {
    const { app, start, current } = setup()
    const { token, order } = await start()
    const res = await app.request(path(token, suffix), { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect((await current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it('serves the stylesheet as cacheable CSS and revalidates it', async () => {
    const { app } = setup()
    const res = await app.request('/simulator/upi/assets/app.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(await res.text()).toContain('.phone')
    const etag = res.headers.get('etag') ?? ''
    const again = await app.request('/simulator/upi/assets/app.css', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect((await app.request('/simulator/upi/assets/app.css', { method: 'POST' })).status).toBe(405)
  })

  it.each([
    ['its own validator', (etag: string) => etag, 304],
    ['its validator in a list', (etag: string) => `"other", ${etag}`, 304],
    ['its validator marked weak', (etag: string) => `W/${etag}`, 304],
    ['any validator (*)', () => '*', 304],
    ['another validator', () => '"other"', 200],
    ['nothing', () => '', 200],
  ])('answers If-None-Match with %s', async (_name, header, status) => {
    const { app } = setup()
    const etag = (await app.request('/simulator/upi/assets/app.css')).headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[^"]+"$/)
    const res = await app.request('/simulator/upi/assets/app.css', { headers: { 'if-none-match': header(etag) } })
    expect(res.status).toBe(status)
    expect(res.headers.get('etag')).toBe(etag)
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toEqual(status === 304 ? '' : expect.stringContaining('.phone'))
  })
})
