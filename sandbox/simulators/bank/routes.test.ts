import { describe, expect, it } from 'vitest'
import type { AuthMode } from '../../../contract/enach'
import { RAIL_RULES } from '../../domain/rails'
import { UMRN_PATTERN } from '../../domain/umrn'
import { MAX_BODY_BYTES } from '../../http/body-limit'
import { BANK_OTP, MAGIC_ACCOUNTS } from '../../../contract/scenarios'
import { SIMULATOR_CSP } from '../pages'
import { bankSandbox, form, GOOD_CREDENTIALS, statusRegion } from '../../testing/bank-simulator'
import { visibleText } from '../../testing/fixtures'

const path = (token: string, suffix = '') => `/simulator/bank/${token}${suffix}`
const checkout = (pageId: string) => `/orders/${pageId}/payment-page`

/** A bank that offers every auth mode, for each mode. */
const MODES: readonly AuthMode[] = ['netbanking', 'debit_card', 'aadhaar']

const FIRST_STEP: Record<AuthMode, { heading: string; step: string; labels: string[]; submit: string }> = {
  netbanking: { heading: 'Log in to net banking', step: 'Step 1 of 3: Log in', labels: ['User ID', 'Password'], submit: 'Log in' },
  debit_card: {
    heading: 'Verify with your debit card',
    step: 'Step 1 of 3: Debit card',
    labels: ['Debit card number', 'Expiry date (MM/YY)'],
    submit: 'Continue',
  },
  aadhaar: { heading: 'Verify with Aadhaar', step: 'Step 1 of 3: Aadhaar', labels: ['Aadhaar number'], submit: 'Continue' },
}

describe('an eNACH registration at the simulated bank, each auth mode', () => {
  it.each(MODES)('%s: credentials, OTP, authorise, and the mandate is active with a UMRN', async (authMode) => {
    const s = bankSandbox()
    const order = await s.order()
    const started = await s.startEnach(order.id, { authMode })
    expect(started.res.status).toBe(201)
    expect(started.view?.attempt).toMatchObject({
      rail: 'netbanking',
      netbanking: {
        bankCode: 'HDFC',
        bankName: 'HDFC Bank',
        authMode,
        account: { numberMasked: 'XXXXXX1111', ifsc: expect.stringMatching(/^HDFC0/) as unknown },
        bankUrl: path(started.token),
        stage: 'awaiting_customer',
        umrn: null,
      },
    })

    const first = await s.request(path(started.token))
    expect(first.res.status).toBe(200)
    const expected = FIRST_STEP[authMode]
    expect(first.body).toMatch(/^<!doctype html>\s*<html lang="en">/)
    expect(first.body.match(/<h1>/g)).toHaveLength(1)
    expect(first.body).toContain(`<h1>${expected.heading}</h1>`)
    expect(first.body).toContain('<main class="bank">')
    expect(visibleText(first.body)).toContain('SANDBOX · simulated bank · HDFC Bank')
    expect(visibleText(first.body)).toContain(`NPCI eMandate ${expected.step}`)
    for (const label of expected.labels) expect(first.body).toMatch(new RegExp(`<label for="[a-z-]+">${label.replace(/[()/]/g, '\\$&')}</label>`))
    expect(first.body).toContain(`<button type="submit" class="button button--primary">${expected.submit}</button>`)
    expect(first.body).toContain(`<a class="link" href="${checkout(order.id)}">Cancel and return to merchant</a>`)

    const login = await s.request(path(started.token, '/credentials'), form(GOOD_CREDENTIALS[authMode]))
    expect(login.res.status).toBe(303)
    expect(login.res.headers.get('location')).toBe(path(started.token))
    const otpPage = await s.request(path(started.token))
    expect(otpPage.body).toContain('<h1>Enter OTP</h1>')
    expect(otpPage.body).toContain('<label for="otp">OTP</label>')
    expect(visibleText(otpPage.body)).toContain('Step 2 of 3: OTP')

    expect((await s.request(path(started.token, '/otp'), form({ otp: BANK_OTP }))).res.status).toBe(303)
    const consent = await s.request(path(started.token))
    expect(consent.body).toContain('<h1>Authorise eMandate</h1>')
    const text = visibleText(consent.body)
    for (const fact of [
      'Step 3 of 3: Authorise',
      'Payee Acme Fitness',
      'Purpose Monthly plan',
      'Maximum amount ₹1,000.00',
      'Frequency Monthly, on or after day 5',
      'Start date 25 Nov 2026',
      'End date 25 Nov 2056',
      'Debit from account XXXXXX1111',
      'Account holder Asha Verma',
      'IFSC HDFC0001234',
      'Account type Savings',
    ]) {
      expect(text).toContain(fact)
    }
    expect(consent.body).toContain('<button type="submit" class="button button--primary">Authorise mandate</button>')
    expect(consent.body).toContain('<button type="submit" class="button button--secondary">Decline</button>')

    const authorised = await s.request(path(started.token, '/authorise'), form({}))
    expect(authorised.res.status).toBe(303)
    expect(authorised.res.headers.get('location')).toBe(checkout(order.id))
    const after = await s.current(order.id)
    expect(after.status).toBe('CHARGED')
    expect(after.mandateStatus).toBe('ACTIVE')
    expect(after.mandateId).not.toBeNull()
    const view = await s.request(`/api/pages/${order.id}`)
    const umrn = /"umrn":"(\d+)"/.exec(view.body)?.[1] ?? ''
    expect(umrn).toMatch(UMRN_PATTERN)
    expect(umrn[4]).toBe('7')

    const done = await s.request(path(started.token))
    expect(statusRegion(done.body)).toContain('Mandate registered')
    expect(visibleText(done.body)).toContain(`UMRN ${umrn}`)
    expect(done.body).not.toContain('<form')
  })
})

describe('what the bank answers, by account number', () => {
  it.each([
    [MAGIC_ACCOUNTS.rejected, 'bank_rejected'],
    [MAGIC_ACCOUNTS.nameMismatch, 'name_mismatch'],
  ])('%s fails the registration with %s', async (accountNumber, reason) => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { accountNumber })
    await s.toConsent(token)
    const res = await s.request(path(token, '/authorise'), form({}))
    expect(res.res.headers.get('location')).toBe(checkout(order.id))
    const after = await s.current(order.id)
    expect(after.attempts[0]).toMatchObject({ status: 'failed', failureReason: reason })
    expect(after.status).toBe('AUTHORIZATION_FAILED')
    expect(after.mandateStatus).toBe('FAILURE')
    expect(statusRegion((await s.request(path(token))).body)).toContain('Not authorised')
  })

  it('approves any other valid account number', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { accountNumber: '50100123456789', bankCode: 'SBIN', ifsc: 'SBIN0001234' })
    await s.toConsent(token)
    await s.request(path(token, '/authorise'), form({}))
    expect((await s.current(order.id)).status).toBe('CHARGED')
  })

  it('keeps 3333333333 pending at the bank until the QA API approves, then gives a UMRN', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { accountNumber: MAGIC_ACCOUNTS.pending })
    await s.toConsent(token)
    expect((await s.request(path(token, '/authorise'), form({}))).res.headers.get('location')).toBe(checkout(order.id))
    expect((await s.current(order.id)).status).toBe('AUTHORIZING')
    const view = JSON.parse((await s.request(`/api/pages/${order.id}`)).body) as { attempt: { status: string; netbanking: { stage: string } } }
    expect(view.attempt).toMatchObject({ status: 'pending', netbanking: { stage: 'awaiting_bank' } })
    const waiting = await s.request(path(token))
    expect(statusRegion(waiting.body)).toContain('Awaiting bank confirmation')
    expect(waiting.body).not.toContain('<form')
    expect((await s.request(path(token, '/authorise'), form({}))).res.status).toBe(409)
    expect((await s.request(path(token, '/decline'), form({}))).res.status).toBe(409)

    const approved = await s.qa(order.orderId, 'approve')
    expect(approved.res.status).toBe(200)
    expect(JSON.parse(approved.body)).toMatchObject({ status: 'CHARGED', attempt: { status: 'succeeded' } })
    const status = await s.orderStatus(order.orderId)
    expect(status['mandate']).toMatchObject({ mandate_status: 'ACTIVE', umrn: expect.stringMatching(UMRN_PATTERN) as unknown })
  })

  it('lets the QA API decline a registration waiting at the bank', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { accountNumber: MAGIC_ACCOUNTS.pending })
    await s.toConsent(token)
    await s.request(path(token, '/authorise'), form({}))
    expect((await s.qa(order.orderId, 'decline')).res.status).toBe(200)
    expect((await s.current(order.id)).attempts[0]).toMatchObject({ status: 'failed', failureReason: 'declined_by_customer' })
    expect((await s.qa(order.orderId, 'approve')).res.status).toBe(409)
  })
})

describe('declining, abandoning and deciding twice', () => {
  it('Decline fails the attempt and returns to the checkout page', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    await s.toConsent(token)
    const res = await s.request(path(token, '/decline'), form({}))
    expect(res.res.status).toBe(303)
    expect(res.res.headers.get('location')).toBe(checkout(order.id))
    expect((await s.current(order.id)).attempts[0]).toMatchObject({ status: 'failed', failureReason: 'declined_by_customer' })
  })

  it('refuses a second decision with 409 and changes nothing', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    await s.toConsent(token)
    await s.request(path(token, '/authorise'), form({}))
    const decided = await s.current(order.id)
    for (const suffix of ['/authorise', '/decline', '/otp', '/credentials']) {
      const again = await s.request(path(token, suffix), form({ otp: BANK_OTP, ...GOOD_CREDENTIALS.netbanking }))
      expect(again.res.status).toBe(409)
      expect(statusRegion(again.body)).toContain('This request was already decided or has ended, so nothing was changed.')
      expect(again.body).not.toContain('<form')
    }
    expect((await s.current(order.id))).toEqual(decided)
  })

  it('abandoning leaves the attempt pending; the page can cancel it and start attempt 2', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const first = await s.startEnach(order.id)
    await s.request(path(first.token, '/credentials'), form(GOOD_CREDENTIALS.netbanking))
    const otpPage = await s.request(path(first.token))
    expect(otpPage.body).toContain(`href="${checkout(order.id)}">Cancel and return to merchant</a>`)
    expect((await s.current(order.id)).attempts[0]?.status).toBe('pending')

    const attemptId = first.view?.attempt?.id ?? ''
    const cancel = await s.request(`/api/pages/${order.id}/attempts/${attemptId}/cancel`, { method: 'POST' })
    expect(cancel.res.status).toBe(200)
    expect(statusRegion((await s.request(path(first.token))).body)).toContain('Cancelled')
    expect((await s.request(path(first.token, '/otp'), form({ otp: BANK_OTP }))).res.status).toBe(409)

    const second = await s.startEnach(order.id, {}, 'key-2')
    expect(second.res.status).toBe(201)
    expect(second.view?.attempt).toMatchObject({ number: 2, status: 'pending' })
    expect(second.token).not.toBe(first.token)
    await s.toConsent(second.token)
    await s.request(path(second.token, '/authorise'), form({}))
    expect((await s.current(order.id)).status).toBe('CHARGED')
  })

  it('refuses a step out of turn: no authorising before the OTP', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    for (const suffix of ['/authorise', '/decline', '/otp']) {
      const res = await s.request(path(token, suffix), form({ otp: BANK_OTP }))
      expect(res.res.status).toBe(409)
      expect(statusRegion(res.body)).toContain('That step is not available now. Continue with the step shown.')
      expect(res.body).toContain('<h1>Log in to net banking</h1>')
    }
    await s.request(path(token, '/credentials'), form(GOOD_CREDENTIALS.netbanking))
    expect((await s.request(path(token, '/authorise'), form({}))).res.status).toBe(409)
    expect((await s.request(path(token, '/credentials'), form(GOOD_CREDENTIALS.netbanking))).res.status).toBe(409)
    expect((await s.current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it('shows Expired and takes no step once the 30-minute window has passed', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    s.clock.advance(RAIL_RULES.netbanking.approvalWindowMs)
    const page = await s.request(path(token))
    expect(statusRegion(page.body)).toContain('Expired')
    expect(page.body).not.toContain('<form')
    expect((await s.request(path(token, '/credentials'), form(GOOD_CREDENTIALS.netbanking))).res.status).toBe(409)
  })
})

describe('wrong OTPs', () => {
  it('counts each wrong OTP and fails the attempt on the third', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    await s.request(path(token, '/credentials'), form(GOOD_CREDENTIALS.netbanking))
    const first = await s.request(path(token, '/otp'), form({ otp: '000000' }))
    expect(first.res.status).toBe(400)
    expect(first.body).toMatch(/<input id="otp"[^>]* aria-describedby="otp-hint otp-error" aria-invalid="true" autofocus>/)
    expect(first.body).toContain('<p class="field-error" id="otp-error">Incorrect OTP. 2 attempts left.</p>')
    const second = await s.request(path(token, '/otp'), form({ otp: '654321' }))
    expect(second.body).toContain('Incorrect OTP. 1 attempt left.')
    expect((await s.current(order.id)).attempts[0]?.status).toBe('pending')
    const third = await s.request(path(token, '/otp'), form({ otp: '111111' }))
    expect(third.res.status).toBe(303)
    expect(third.res.headers.get('location')).toBe(checkout(order.id))
    const after = await s.current(order.id)
    expect(after.attempts[0]).toMatchObject({ status: 'failed', failureReason: 'authentication_failed' })
    expect(after.status).toBe('AUTHENTICATION_FAILED')
    expect(statusRegion((await s.request(path(token))).body)).toContain('Too many incorrect OTPs.')
  })

  it('asks again for an OTP that is not 6 digits, without counting it', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    await s.request(path(token, '/credentials'), form(GOOD_CREDENTIALS.netbanking))
    for (const otp of ['', '12345', 'abcdef', '१२३४५६']) {
      const res = await s.request(path(token, '/otp'), form({ otp }))
      expect(res.res.status).toBe(400)
      expect(res.body).toContain('Enter the 6-digit OTP.')
    }
    expect((await s.current(order.id)).attempts[0]).toMatchObject({ bank: { otpFailures: 0 } })
    expect((await s.request(path(token, '/otp'), form({ otp: BANK_OTP }))).res.status).toBe(303)
  })
})

describe('bad credentials', () => {
  it.each<[AuthMode, Record<string, string>, string, string]>([
    ['netbanking', { user_id: '', password: 'hunter2-secret' }, 'user-id', 'Enter your user ID.'],
    ['netbanking', { user_id: 'asha', password: '' }, 'password', 'Enter your password.'],
    ['debit_card', { card_number: '4242424242424241', expiry: '12/29' }, 'card-number', 'Enter a valid debit card number.'],
    ['debit_card', { card_number: '42424242424', expiry: '12/29' }, 'card-number', 'Enter a valid debit card number.'],
    ['debit_card', { card_number: '4242424242424242', expiry: '10/26' }, 'expiry', 'This card has expired.'],
    ['debit_card', { card_number: '4242424242424242', expiry: '2029-12' }, 'expiry', 'Enter the expiry date as MM/YY.'],
    ['aadhaar', { aadhaar: '123456789012' }, 'aadhaar', 'Enter a valid 12-digit Aadhaar number.'],
    ['aadhaar', { aadhaar: '23456789012' }, 'aadhaar', 'Enter a valid 12-digit Aadhaar number.'],
  ])('%s %j: 400 with a field error, nothing decided', async (authMode, fields, id, message) => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { authMode })
    const res = await s.request(path(token, '/credentials'), form(fields))
    expect(res.res.status).toBe(400)
    expect(res.res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
    expect(res.body).toMatch(new RegExp(`<input id="${id}"[^>]* aria-describedby="[a-z- ]*${id}-error" aria-invalid="true" autofocus>`))
    expect(res.body).toContain(`<p class="field-error" id="${id}-error">${message}</p>`)
    for (const secret of [fields['card_number'], fields['aadhaar'], fields['password']]) {
      if (secret) expect(res.body).not.toContain(secret)
    }
    const after = await s.current(order.id)
    expect(after.attempts[0]).toMatchObject({ status: 'pending', bank: { step: 'credentials' } })
  })

  it('reads a body that is not a form as empty', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(GOOD_CREDENTIALS.netbanking) }
    expect((await s.request(path(token, '/credentials'), init)).res.status).toBe(400)
  })
})

describe('a plain net banking payment', () => {
  it('logs in, takes the OTP and confirms the payment of the amount', async () => {
    const s = bankSandbox()
    const order = await s.order({ createMandate: 'OPTIONAL', chargedTodayMinor: 1_23_456_78 })
    const started = await s.start(order.id, { rail: 'netbanking', setUpMandate: false, bankCode: 'SBIN' })
    expect(started.res.status).toBe(201)
    expect(started.view?.attempt).toMatchObject({ rail: 'netbanking', netbanking: { bankCode: 'SBIN', account: null, bankUrl: path(started.token) } })
    await s.toConsent(started.token)
    const consent = await s.request(path(started.token))
    expect(consent.body).toContain('<h1>Confirm payment</h1>')
    expect(visibleText(consent.body)).toContain('Net banking payment Step 3 of 3: Confirm')
    expect(visibleText(consent.body)).toContain('Amount ₹1,23,456.78')
    expect(consent.body).toContain('<button type="submit" class="button button--primary">Confirm payment of ₹1,23,456.78</button>')
    expect(consent.body).not.toContain('NPCI eMandate')
    await s.request(path(started.token, '/authorise'), form({}))
    const after = await s.current(order.id)
    expect(after.status).toBe('CHARGED')
    expect(after.mandateStatus).toBeNull()
    const status = await s.orderStatus(order.orderId)
    expect(status).toMatchObject({ payment_method_type: 'NB', payment_method: 'NB_SBIN' })
    expect(status['bank_account_details']).toBeUndefined()
    expect(status['txn_detail']).toMatchObject({ txn_object_type: 'ORDER_PAYMENT', source_object: 'NB' })
  })
})

describe('starting eNACH through the page API', () => {
  it.each<[string, Record<string, unknown>, number, number, string]>([
    ['Aadhaar at a bank without it', { bankCode: 'KKBK', ifsc: 'KKBK0001234', authMode: 'aadhaar' }, 1_000_00, 422, 'auth_mode_unsupported'],
    ['Aadhaar above ₹1,00,000', { authMode: 'aadhaar' }, 1_50_000_00, 422, 'amount_above_mode_limit'],
    ['an IFSC of another bank', { ifsc: 'SBIN0001234' }, 1_000_00, 422, 'ifsc_bank_mismatch'],
    ['an unknown bank', { bankCode: 'ZZZZ', ifsc: 'ZZZZ0001234' }, 1_000_00, 422, 'bank_unknown'],
  ])('refuses %s', async (_name, overrides, maxMinor, status, code) => {
    const s = bankSandbox()
    const base = await s.order()
    const order = await s.order({ mandate: base.mandate ? { ...base.mandate, maxAmount: { minor: maxMinor, currency: 'INR' } } : null })
    const res = await s.startEnach(order.id, overrides)
    expect(res.res.status).toBe(status)
    expect(JSON.parse(res.text)).toMatchObject({ error: { code } })
    expect((await s.current(order.id)).attempts).toHaveLength(0)
  })

  it('allows net banking where the amount is above the Aadhaar limit', async () => {
    const s = bankSandbox()
    const base = await s.order()
    const order = await s.order({ mandate: base.mandate ? { ...base.mandate, maxAmount: { minor: 1_50_000_00, currency: 'INR' } } : null })
    expect((await s.startEnach(order.id, { authMode: 'aadhaar' })).res.status).toBe(422)
    expect((await s.startEnach(order.id, { authMode: 'netbanking' }, 'key-2')).res.status).toBe(201)
  })

  it('explains the new refusals in words', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const res = await s.start(order.id, { rail: 'netbanking', setUpMandate: true })
    expect(JSON.parse(res.text)).toEqual({
      error: { code: 'enach_details_required', message: 'Enter your bank account details to set up the mandate.' },
    })
  })
})

describe('the merchant sees an eNACH mandate like any other', () => {
  it('GET /orders/{order_id} carries the NB method, the masked account, the mandate and its UMRN', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { authMode: 'debit_card', bankCode: 'ICIC', ifsc: 'ICIC0000042', accountType: 'CURRENT' })
    const pending = await s.orderStatus(order.orderId)
    expect(pending).toMatchObject({ status: 'PENDING_VBV', payment_method: 'NB_ICIC', mandate: { mandate_status: 'CREATED' } })
    await s.toConsent(token, 'debit_card')
    await s.request(path(token, '/authorise'), form({}))
    const status = await s.orderStatus(order.orderId)
    const registered = (await s.current(order.id)).attempts[0]
    const umrn = registered?.rail === 'netbanking' ? registered.bank.umrn : null
    expect(umrn).toMatch(UMRN_PATTERN)
    expect(status).toMatchObject({
      status: 'CHARGED',
      status_id: 21,
      payment_method_type: 'NB',
      payment_method: 'NB_ICIC',
      bank_account_details: {
        bank_code: 'ICIC',
        bank_name: 'ICICI Bank',
        account_number: 'XXXXXX1111',
        ifsc: 'ICIC0000042',
        account_type: 'CURRENT',
        auth_mode: 'CARD',
      },
      mandate: { mandate_type: 'EMANDATE', mandate_status: 'ACTIVE', umrn, mandate_id: (await s.current(order.id)).mandateId },
      payment_gateway_response: { resp_code: '00', umrn },
      txn_detail: { txn_object_type: 'EMANDATE_REGISTER', source_object: 'MANDATE', status: 'CHARGED' },
    })
    expect(status['payer_vpa']).toBeUndefined()
    expect(status['upi']).toBeUndefined()
    expect((status['mandate'] as { mandate_token?: string }).mandate_token).toMatch(/^[0-9a-f]{32}$/)
  })

  it('never shows the full account number in a response, the order status, a webhook or a log line', async () => {
    const s = bankSandbox()
    const accountNumber = '918273645501234'
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { accountNumber })
    await s.request(`/api/pages/${order.id}`)
    await s.request(path(token))
    await s.toConsent(token)
    await s.request(path(token))
    await s.request(path(token, '/authorise'), form({}))
    await s.request(path(token))
    await s.orderStatus(order.orderId)
    await s.request(`/sandbox/orders/${order.orderId}/webhooks`, { headers: { authorization: `Basic ${Buffer.from('demo_api_key:').toString('base64')}` } })
    expect(s.bodies.join('\n')).toContain('XXXXXXXXXXX1234')
    expect(s.lines.length).toBeGreaterThan(5)
    for (const text of [...s.bodies, ...s.lines, JSON.stringify((await s.current(order.id)))]) {
      expect(text).not.toContain(accountNumber)
    }
  })

  it.each<[AuthMode, string[]]>([
    ['netbanking', ['asha.verma', 'S3cr3t-pass!']],
    ['debit_card', ['4242424242424242', '4242 4242', '12/29']],
    ['aadhaar', ['234567890123', '2345 6789 0123']],
  ])('never keeps or logs what is typed for %s', async (authMode, secrets) => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id, { authMode })
    await s.toConsent(token, authMode)
    await s.request(path(token, '/authorise'), form({}))
    const stored = JSON.stringify((await s.current(order.id)))
    for (const text of [stored, ...s.lines, ...s.bodies]) {
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
  })
})

describe('hostile merchant and customer text', () => {
  const SCRIPT = '<script>alert(1)</script>'
  const IMG = '<img src=x onerror=alert(1)>'
  const BIDI = 'Acme \u202Egnp.exe'

  it('renders every merchant- and customer-supplied string as isolated, escaped text', async () => {
    const s = bankSandbox((m) => ({ ...m, name: `${IMG} ${BIDI}` }))
    const order = await s.order({ description: SCRIPT })
    const { token } = await s.startEnach(order.id, { accountHolderName: "Asha D'Souza-Verma" })
    const bad = await s.request(path(token, '/credentials'), form({ user_id: `"><script>x</script>`, password: '' }))
    expect(bad.body).not.toMatch(/<script|<img/)
    expect(bad.body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
    await s.toConsent(token)
    const consent = await s.request(path(token))
    expect(consent.body).not.toMatch(/<script|<img/)
    expect(consent.body).toContain('<bdi>&lt;img src=x onerror=alert(1)&gt; Acme \u202Egnp.exe</bdi>')
    expect(consent.body).toContain('<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>')
    expect(consent.body).toContain('<bdi>Asha D&#39;Souza-Verma</bdi>')
    await s.request(path(token, '/authorise'), form({}))
    const done = await s.request(path(token))
    expect(done.body).not.toMatch(/<script|<img/)
    expect(done.body).toContain('Your eMandate for <bdi>&lt;img src=x onerror=alert(1)&gt; Acme \u202Egnp.exe</bdi> is registered.')
  })
})

describe('headers, methods and limits', () => {
  it('sends the strict CSP and no-store on every page', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    const responses = [
      await s.app.request(path(token)),
      await s.app.request(path(token, '/credentials'), form({})),
      await s.app.request(path('ffffffffffffffffffffffffffffffff')),
      await s.app.request(path(token, '/credentials')),
      await s.app.request(path(token, '/credentials'), form({ user_id: 'x'.repeat(MAX_BODY_BYTES) })),
      await s.app.request(path(token, '/otp'), form({ otp: BANK_OTP })),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 400, 404, 405, 413, 409])
    for (const res of responses) {
      expect(res.headers.get('content-security-policy')).toBe(SIMULATOR_CSP)
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
    expect(SIMULATOR_CSP).toBe("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
  })

  it.each([
    ['an unknown token', '0123456789abcdef0123456789abcdef'],
    ['a malformed token', 'not-a-token'],
    ['the assets folder', 'assets'],
  ])('answers 404 for %s', async (_name, token) => {
    const s = bankSandbox()
    const res = await s.request(path(token))
    expect(res.res.status).toBe(404)
    expect(res.body).toContain('<h1>This bank link is not valid</h1>')
    expect((await s.request(path(token, '/credentials'), form({}))).res.status).toBe(404)
  })

  it("answers 404 to a UPI attempt's token, and the UPI app to a bank token", async () => {
    const s = bankSandbox()
    const upiOrder = await s.order()
    const upi = await s.start(upiOrder.id, { rail: 'upi', channel: 'intent', setUpMandate: true })
    expect((await s.request(path(upi.token))).res.status).toBe(404)
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    expect((await s.request(`/simulator/upi/${token}`)).res.status).toBe(404)
  })

  it('answers 413 to a body over 64 KB and decides nothing', async () => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    await s.toConsent(token)
    const big = `pad=${'x'.repeat(MAX_BODY_BYTES)}`
    const res = await s.request(path(token, '/authorise'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: big })
    expect(res.res.status).toBe(413)
    expect(res.body).toContain('<h1>This request is too large</h1>')
    expect((await s.current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it.each([
    ['GET', '/credentials', 'POST'],
    ['GET', '/otp', 'POST'],
    ['GET', '/authorise', 'POST'],
    ['PUT', '/decline', 'POST'],
    ['POST', '', 'GET, HEAD'],
    ['DELETE', '', 'GET, HEAD'],
  ])('answers 405 to %s on the page%s', async (method, suffix, allow) => {
    const s = bankSandbox()
    const order = await s.order()
    const { token } = await s.startEnach(order.id)
    const res = await s.app.request(path(token, suffix), { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe(allow)
    expect((await s.current(order.id)).attempts[0]?.status).toBe('pending')
  })

  it('serves the stylesheet as cacheable CSS and revalidates it', async () => {
    const s = bankSandbox()
    const res = await s.app.request('/simulator/bank/assets/bank.css')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await res.text()).toContain('.bank')
    const again = await s.app.request('/simulator/bank/assets/bank.css', { headers: { 'if-none-match': res.headers.get('etag') ?? '' } })
    expect(again.status).toBe(304)
    expect((await s.app.request('/simulator/bank/assets/bank.css', { method: 'POST' })).status).toBe(405)
  })
})
