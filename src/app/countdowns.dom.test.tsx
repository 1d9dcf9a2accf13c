import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { SessionView } from '../../contract/session'
import { en } from '../i18n/en'
import { FakeSandbox } from '../testing/fake-sandbox'
import { liveRegion, recordLiveRegion, stopClock, tick, tickEachSecond, upiAttempt, upiSession } from '../testing/dom'
import { App } from './app'
import { createQueryClient } from './query-client'

const MINUTE = 60_000

function openPage(view: SessionView, clockAhead = 0) {
  const sandbox = new FakeSandbox(view)
  sandbox.clockAhead = clockAhead
  sandbox.install()
  render(<App source={{ kind: 'page', pageId: view.pageId, initialData: null }} locale="en" catalog={en} queryClient={createQueryClient()} />)
  return sandbox
}

const timer = () => screen.findByRole('timer', { name: 'Time left to approve' })

beforeEach(stopClock)

describe('the countdown of a request waiting for approval', () => {
  it('shows the whole window as the wait begins, and ticks once a second', async () => {
    openPage(upiSession({ attempt: upiAttempt('qr') }))
    expect((await timer()).textContent).toBe('05:00')
    tick(1000)
    expect((await timer()).textContent).toBe('04:59')
    tick(59_000)
    expect((await timer()).textContent).toBe('04:00')
  })

  it('says the wait has begun, then the time left once a minute and at 30 seconds, never every second', async () => {
    openPage(upiSession({ attempt: upiAttempt('qr') }))
    await timer()
    await waitFor(() => expect(liveRegion()).toBe('Waiting for your approval in your UPI app.'))
    const said = recordLiveRegion()
    await tickEachSecond(5 * 60)
    expect((await timer()).textContent).toBe('00:00')
    expect(said).toEqual([
      '4 minutes left to approve.',
      '3 minutes left to approve.',
      '2 minutes left to approve.',
      '1 minute left to approve.',
      '30 seconds left to approve.',
    ])
  })

  it('still says the time left when a throttled tab skips past a mark, with the time actually left', async () => {
    openPage(upiSession({ attempt: upiAttempt('qr') }))
    await timer()
    await waitFor(() => expect(liveRegion()).toBe('Waiting for your approval in your UPI app.'))
    const said = recordLiveRegion()
    tick(100_000)
    expect((await timer()).textContent).toBe('03:20')
    expect(said).toEqual(['3 minutes left to approve.'])
  })
})

describe("the countdown on the sandbox's clock", () => {
  it('counts the time the server gives, on a clock QA moved ten minutes on', async () => {
    const ahead = 10 * MINUTE
    openPage(upiSession({ attempt: upiAttempt('qr', {}, { ago: 2 * MINUTE, ahead }) }), ahead)
    expect((await timer()).textContent).toBe('03:00')
  })

  it('counts a request started on a moved clock from its whole window', async () => {
    openPage(upiSession(), -7 * MINUTE)
    await userEvent.click(await screen.findByRole('button', { name: 'Continue with UPI' }))
    expect((await timer()).textContent).toBe('05:00')
  })

  it('counts from the device clock when the two agree', async () => {
    openPage(upiSession({ attempt: upiAttempt('qr', {}, { ago: 30_000 }) }))
    expect((await timer()).textContent).toBe('04:30')
  })
})
