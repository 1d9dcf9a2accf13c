import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Instrument } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import { en } from '../i18n/en'
import { FakeSandbox } from '../testing/fake-sandbox'
import { axeViolations, findParagraph, stopClock, UPI, upiSession } from '../testing/dom'
import { App } from './app'
import { createQueryClient } from './query-client'

function openPage(view: SessionView) {
  const sandbox = new FakeSandbox(view).install()
  render(<App source={{ kind: 'page', pageId: view.pageId, initialData: null }} locale="en" catalog={en} queryClient={createQueryClient()} />)
  return sandbox
}

const NETBANKING_UNAVAILABLE: Instrument = {
  rail: 'netbanking',
  mandate: 'none',
  available: false,
  unavailableReason: 'enach_frequency_unsupported',
  notices: [],
}

beforeEach(stopClock)

describe('the ready screen', () => {
  it('offers each way to pay as a radio, the first available one chosen, an unavailable one disabled with the reason', async () => {
    openPage(upiSession({ instruments: [UPI, NETBANKING_UNAVAILABLE] }))
    const group = await screen.findByRole('group', { name: 'Choose how to pay' })
    const upi = within(group).getByRole('radio', { name: 'UPI' })
    const netbanking = within(group).getByRole('radio', { name: 'Net banking' })
    expect(upi).toHaveProperty('checked', true)
    expect(netbanking).toHaveProperty('disabled', true)
    expect(netbanking.getAttribute('aria-describedby')).toContain('instrument-netbanking-unavailable')
    expect(screen.getByRole('heading', { level: 1, name: 'Review and pay' })).toBeDefined()
    expect(screen.getByText('Scan a QR code with any UPI app')).toBeDefined()
  })

  it('sets up AutoPay with the payment only when the customer ticks the opt-in, and says so on the button', async () => {
    const sandbox = openPage(upiSession({ instruments: [{ ...UPI, mandate: 'optional' }], createMandate: 'OPTIONAL' }))
    expect(await screen.findByRole('button', { name: 'Continue with UPI' })).toBeDefined()
    await userEvent.click(screen.getByRole('checkbox', { name: 'Also set up UPI AutoPay for future payments' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Continue with UPI AutoPay' }))
    await screen.findByRole('heading', { name: 'Waiting for your approval' })
    expect(await screen.findByRole('img', { name: 'QR code for the UPI payment' })).toBeDefined()
    expect(sandbox.starts().map((request) => request.body)).toEqual([{ rail: 'upi', channel: 'qr', setUpMandate: true }])
  })

  it('offers nothing to continue with when no option can be used, and says whom to ask', async () => {
    openPage(upiSession({ instruments: [NETBANKING_UNAVAILABLE] }))
    expect(await findParagraph('None of the payment options can be used for this payment. Ask Acme Fitness for help.')).toBeDefined()
    expect(screen.queryByRole('button', { name: /^Continue/ })).toBeNull()
  })

  it('has nothing axe can fault', async () => {
    openPage(upiSession({ instruments: [UPI, NETBANKING_UNAVAILABLE] }))
    await screen.findByRole('button', { name: 'Continue with UPI' })
    expect(await axeViolations()).toEqual([])
  })
})
