import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { SessionView } from '../../contract/session'
import { en } from '../i18n/en'
import { FakeSandbox } from '../testing/fake-sandbox'
import { ended, recordLiveRegion, setTabVisible, stopClock, tick, upiAttempt, upiSession } from '../testing/dom'
import { App } from './app'
import { createQueryClient } from './query-client'

const MINUTE = 60_000

/** The page opened on `view`'s session (no boot data: it reads the session from the fake sandbox), as a browser would render it. */
function openPage(view: SessionView, { channel }: { channel?: string } = {}) {
  if (channel) window.history.replaceState(null, '', `/pay/${view.pageId}?upi_channel=${channel}`)
  const sandbox = new FakeSandbox(view).install()
  render(<App source={{ kind: 'page', pageId: view.pageId, initialData: null }} locale="en" catalog={en} queryClient={createQueryClient()} />)
  return sandbox
}

const continueButton = () => screen.findByRole('button', { name: 'Continue with UPI' })
const qrCode = () => screen.findByRole('img', { name: 'QR code for the UPI payment' })

beforeEach(stopClock)

describe('starting a UPI attempt', () => {
  it('starts exactly one attempt when the customer continues to the QR code', async () => {
    const sandbox = openPage(upiSession())
    await userEvent.click(await continueButton())
    await qrCode()
    expect(screen.getByRole('heading', { name: 'Waiting for your approval' })).toBeDefined()
    expect(sandbox.starts()).toHaveLength(1)
    expect(sandbox.starts()[0]?.body).toEqual({ rail: 'upi', channel: 'qr', setUpMandate: false })
  })

  it('starts exactly one attempt on the intent channel, and shows the request link and the wait', async () => {
    const sandbox = openPage(upiSession(), { channel: 'intent' })
    await userEvent.click(await continueButton())
    expect(await screen.findByRole('heading', { name: 'Waiting for your approval' })).toBeDefined()
    expect(screen.getByRole('heading', { name: 'Choose your UPI app' })).toBeDefined()
    expect(sandbox.starts()).toHaveLength(1)
    expect(sandbox.starts()[0]?.body).toEqual({ rail: 'upi', channel: 'intent', setUpMandate: false })
  })

  it('shows Retry when the start did not reach the server, and the retry carries the same idempotency key', async () => {
    const sandbox = openPage(upiSession())
    sandbox.answerNext('POST', /\/attempts$/, 'network')
    await userEvent.click(await continueButton())
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('We could not reach the payment server. You have not been charged.')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await qrCode()
    const [first, second] = sandbox.starts()
    expect(sandbox.starts()).toHaveLength(2)
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey)
  })

  it('says so, with no Retry, when the payment has used all its attempts', async () => {
    const sandbox = openPage(upiSession())
    sandbox.answerNext('POST', /\/attempts$/, 'too_many_attempts')
    await userEvent.click(await continueButton())
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('This payment has used all its attempts.')
    expect(within(alert).queryByRole('button')).toBeNull()
    expect(sandbox.starts()).toHaveLength(1)
  })
})

describe('a reload while an attempt waits for approval', () => {
  it.each([
    ['qr', 'Scan the QR code'],
    ['intent', 'Choose your UPI app'],
    ['collect', 'Pay with your UPI ID'],
  ] as const)('goes straight back to the pending %s attempt and starts no other', async (channel, heading) => {
    const sandbox = openPage(upiSession({ attempt: upiAttempt(channel, {}, { ago: MINUTE }), attemptsLeft: 2 }))
    expect(await screen.findByRole('heading', { name: heading })).toBeDefined()
    expect(await screen.findByRole('timer')).toHaveProperty('textContent', '04:00')
    // Long enough for any start an effect might send, StrictMode's second run included.
    tick(5_000)
    expect(sandbox.starts()).toHaveLength(0)
  })

  it('shows where the collect request went, with the way to cancel it', async () => {
    openPage(upiSession({ attempt: upiAttempt('collect') }))
    expect(await screen.findByText((_, element) => element?.tagName === 'P' && element.textContent === 'We sent a request to asha@okaxis.')).toBeDefined()
    expect(screen.getByRole('button', { name: 'Cancel request' })).toBeDefined()
  })
})

describe('an expired QR code', () => {
  /** The page on a QR code the customer has just been shown, with `attemptsLeft` before it started. */
  async function onQr(attemptsLeft = 3) {
    const sandbox = openPage(upiSession({ attemptsLeft }))
    await userEvent.click(await continueButton())
    await qrCode()
    return sandbox
  }

  it('is renewed by itself, with exactly one new start, and the renewal is announced', async () => {
    const sandbox = await onQr()
    const said = recordLiveRegion()
    tick(5 * MINUTE)
    sandbox.change((view) => ended(view, 'expired', 'approval_window_expired'))
    // Said with the new code's wait, in one message that nothing replaces at once.
    await waitFor(() => expect(said.at(-1)).toBe('A new QR code is ready. Waiting for your approval in your UPI app.'))
    await qrCode()
    tick(10_000)
    expect(sandbox.starts()).toHaveLength(2)
    const [first, renewal] = sandbox.starts()
    expect(renewal?.idempotencyKey).not.toBe(first?.idempotencyKey)
  })

  it('waits for the customer while the tab is behind another, then renews on "Get a new QR code"', async () => {
    const sandbox = await onQr()
    setTabVisible(false)
    sandbox.change((view) => ended(view, 'expired', 'approval_window_expired'))
    const renew = await screen.findByRole('button', { name: 'Get a new QR code' })
    expect(screen.getByText('This QR code has expired.')).toBeDefined()
    expect(screen.queryByRole('img', { name: 'QR code for the UPI payment' })).toBeNull()
    expect(sandbox.starts()).toHaveLength(1)
    await userEvent.click(renew)
    await qrCode()
    expect(sandbox.starts()).toHaveLength(2)
  })

  it('starts one attempt for a double tap on "Get a new QR code"', async () => {
    const sandbox = await onQr(2)
    sandbox.change((view) => ended(view, 'expired', 'approval_window_expired'))
    await userEvent.dblClick(await screen.findByRole('button', { name: 'Get a new QR code' }))
    await qrCode()
    tick(10_000)
    expect(sandbox.starts()).toHaveLength(2)
  })

  it('is not renewed by itself when it would use the last attempt', async () => {
    const sandbox = await onQr(2)
    sandbox.change((view) => ended(view, 'expired', 'approval_window_expired'))
    expect(await screen.findByRole('button', { name: 'Get a new QR code' })).toBeDefined()
    tick(10_000)
    expect(sandbox.starts()).toHaveLength(1)
  })
})

describe('a collect request', () => {
  /** The page on the collect form, the customer's UPI ID verified. */
  async function verified() {
    const sandbox = openPage(upiSession(), { channel: 'collect' })
    await userEvent.click(await continueButton())
    await userEvent.type(await screen.findByRole('textbox', { name: 'UPI ID' }), 'asha@okaxis')
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('button', { name: 'Send request' })
    return sandbox
  }

  it('starts nothing until the customer sends it, then exactly one attempt to that UPI ID, focus on the wait', async () => {
    const sandbox = await verified()
    expect(sandbox.starts()).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }))
    const waiting = await screen.findByRole('heading', { name: 'Waiting for your approval' })
    await waitFor(() => expect(document.activeElement).toBe(waiting))
    expect(sandbox.starts().map((request) => request.body)).toEqual([{ rail: 'upi', channel: 'collect', vpa: 'asha@okaxis', setUpMandate: false }])
  })

  it('sends one request for a double tap on "Send request"', async () => {
    const sandbox = await verified()
    await userEvent.dblClick(screen.getByRole('button', { name: 'Send request' }))
    await screen.findByRole('button', { name: 'Cancel request' })
    expect(sandbox.starts()).toHaveLength(1)
  })

  it('cancels the request on "Cancel request", and says the customer cancelled it', async () => {
    const sandbox = await verified()
    await userEvent.click(screen.getByRole('button', { name: 'Send request' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel request' }))
    expect(await screen.findByText('You cancelled the request.')).toBeDefined()
    expect(sandbox.requestsTo('POST', /\/attempts\/att_1\/cancel$/)).toHaveLength(1)
    expect(sandbox.starts()).toHaveLength(1)
  })

  it('sends an expired request again to the same UPI ID with one new start', async () => {
    const sandbox = openPage(upiSession({ attempt: upiAttempt('collect') }))
    await screen.findByRole('heading', { name: 'Waiting for your approval' })
    sandbox.change((view) => ended(view, 'expired', 'approval_window_expired'))
    expect(await screen.findByText('The request expired before it was approved.')).toBeDefined()
    tick(10_000)
    expect(sandbox.starts()).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: 'Send again' }))
    await screen.findByRole('button', { name: 'Cancel request' })
    expect(sandbox.starts().map((request) => request.body)).toEqual([{ rail: 'upi', channel: 'collect', vpa: 'asha@okaxis', setUpMandate: false }])
  })
})
