import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { SessionView } from '../../contract/session'
import { en } from '../i18n/en'
import { FakeSandbox } from '../testing/fake-sandbox'
import { ended, findParagraph, liveRegion, stopClock, upiAttempt, upiSession } from '../testing/dom'
import { App } from './app'
import { createQueryClient } from './query-client'

function openPage(view: SessionView) {
  const sandbox = new FakeSandbox(view).install()
  render(<App source={{ kind: 'page', pageId: view.pageId, initialData: null }} locale="en" catalog={en} queryClient={createQueryClient()} />)
  return sandbox
}

/** The page on a QR code waiting for approval (after a reload), its live stream open. */
async function waitingOnQr(over: Partial<SessionView> = {}) {
  const sandbox = openPage(upiSession({ attempt: upiAttempt('qr'), ...over }))
  await screen.findByRole('heading', { name: 'Waiting for your approval' })
  return sandbox
}

const approved = (view: SessionView): SessionView => {
  const done = ended(view, 'failed')
  return {
    ...done,
    state: 'completed',
    status: 'CHARGED',
    statusId: 21,
    attempt: done.attempt && { ...done.attempt, status: 'succeeded', failureReason: null },
    outcome: { status: 'CHARGED', statusId: 21, mandateStatus: null, mandateId: null, completedAt: new Date(Date.now()).toISOString(), firstDebitDate: null, mandatesUrl: null },
  }
}

beforeEach(stopClock)

describe('the screens a UPI attempt ends on', () => {
  it('shows the wait while the request is pending', async () => {
    await waitingOnQr()
    expect(await screen.findByRole('img', { name: 'QR code for the UPI payment' })).toBeDefined()
    expect(screen.getByText('After scanning, approve the request with your UPI PIN. This page updates by itself.')).toBeDefined()
    await waitFor(() => expect(liveRegion()).toBe('Waiting for your approval in your UPI app.'))
  })

  it('shows and announces success as soon as the live stream says so, and takes focus to it', async () => {
    const sandbox = await waitingOnQr()
    sandbox.change(approved)
    const heading = await screen.findByRole('heading', { name: 'Payment successful' })
    expect(await findParagraph('You paid ₹1.00 to Acme Fitness.')).toBeDefined()
    await waitFor(() => expect(liveRegion()).toBe('Payment successful'))
    expect(document.activeElement).toBe(heading)
    expect(screen.queryByRole('timer')).toBeNull()
  })

  it('shows why a declined request failed, with the ways forward, and tries again on the same channel', async () => {
    const sandbox = await waitingOnQr()
    sandbox.change((view) => ended(view, 'failed', 'declined_by_customer'))
    const heading = await screen.findByRole('heading', { name: 'The payment did not go through' })
    expect(screen.getByText('You declined the request in your UPI app.')).toBeDefined()
    expect(screen.getByText('You have not been charged.')).toBeDefined()
    expect(screen.getByText('You can try 3 more times.')).toBeDefined()
    expect(document.activeElement).toBe(heading)
    expect(screen.getByRole('button', { name: 'Choose another way to pay' })).toBeDefined()
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    await screen.findByRole('img', { name: 'QR code for the UPI payment' })
    expect(sandbox.starts()).toHaveLength(1)
    expect(sandbox.starts()[0]?.body).toEqual({ rail: 'upi', channel: 'qr', setUpMandate: false })
  })

  it('goes back to the choice of how to pay, the failure left behind, on "Choose another way to pay"', async () => {
    const sandbox = await waitingOnQr()
    sandbox.change((view) => ended(view, 'failed', 'bank_rejected'))
    await userEvent.click(await screen.findByRole('button', { name: 'Choose another way to pay' }))
    expect(await screen.findByRole('button', { name: 'Continue with UPI' })).toBeDefined()
    expect(screen.queryByText('Your bank rejected the request.')).toBeNull()
    expect(sandbox.starts()).toHaveLength(0)
  })

  it('shows that the link has expired when the session runs out during the wait', async () => {
    const sandbox = await waitingOnQr()
    sandbox.change((view) => ({ ...ended(view, 'expired', 'approval_window_expired'), state: 'expired' }))
    expect(await screen.findByRole('heading', { name: 'This payment link has expired' })).toBeDefined()
    await waitFor(() => expect(liveRegion()).toBe('This payment link has expired'))
    expect(screen.queryByRole('button', { name: 'Get a new QR code' })).toBeNull()
    expect(sandbox.starts()).toHaveLength(0)
  })
})
