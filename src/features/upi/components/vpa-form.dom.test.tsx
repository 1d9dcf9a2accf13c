import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { upi as hi } from '../../../i18n/hi/upi'
import type { WriteResult } from '../../../lib/write-result'
import { FakeSandbox } from '../../../testing/fake-sandbox'
import { liveRegion, upiSession } from '../../../testing/dom'
import { renderInPage } from '../../../testing/render-in-page'
import { VpaForm } from './vpa-form'

const VIEW = upiSession()

/** The collect form over the fake sandbox's Verify; `answer` is what the shell's start would answer to "Send request". */
function openForm({ setUpMandate = false, answer = { ok: true, view: VIEW }, locale = 'en' }: { setUpMandate?: boolean; answer?: WriteResult; locale?: 'en' | 'hi' } = {}) {
  const sandbox = new FakeSandbox(VIEW).install()
  const sent: string[] = []
  const send = (vpa: string) => {
    sent.push(vpa)
    return Promise.resolve(answer)
  }
  renderInPage(<VpaForm pageId={VIEW.pageId} setUpMandate={setUpMandate} send={send} sending={false} />, locale)
  return { sandbox, sent }
}

const field = () => screen.getByRole('textbox', { name: 'UPI ID' })

/** The field's error as the customer's screen reader reaches it: the description the field points to. */
const fieldError = () => {
  const ids = field().getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)?.textContent).join(' ')
}

const verifications = (sandbox: FakeSandbox) => sandbox.requestsTo('POST', /\/vpa$/)

let user: ReturnType<typeof userEvent.setup>
beforeEach(() => {
  // Keystrokes follow one another at once: the form reacts to each, not to the time between them.
  user = userEvent.setup({ delay: null })
})

describe('the UPI ID form', () => {
  it('asks for a UPI ID when none was typed, on the field, with focus on it, and asks nobody', async () => {
    const { sandbox } = openForm()
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(field().getAttribute('aria-invalid')).toBe('true'))
    expect(fieldError()).toBe('Your UPI ID looks like name@bank, for example asha@okaxis. Enter your UPI ID.')
    expect(document.activeElement).toBe(field())
    expect(verifications(sandbox)).toHaveLength(0)
  })

  it('refuses what is not shaped like name@bank before asking the server', async () => {
    const { sandbox } = openForm()
    await user.type(field(), 'asha.okaxis')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText('Enter a UPI ID like name@bank.')).toBeDefined()
    expect(verifications(sandbox)).toHaveLength(0)
  })

  it('says so on the field when the UPI ID does not exist', async () => {
    const { sandbox } = openForm()
    await user.type(field(), 'nobody@okaxis')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText('This UPI ID does not exist')).toBeDefined()
    expect(verifications(sandbox).map((request) => request.body)).toEqual([{ vpa: 'nobody@okaxis' }])
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull()
  })

  it('refuses a UPI ID that cannot set up AutoPay when a mandate is set up', async () => {
    openForm({ setUpMandate: true })
    await user.type(field(), 'asha@nomandate')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText('This UPI ID cannot set up AutoPay. Enter a UPI ID from another app or bank.')).toBeDefined()
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull()
  })

  it('shows and announces whose UPI ID it is, then sends the request to it', async () => {
    const { sent } = openForm()
    await user.type(field(), ' Asha@OKAXIS ')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByRole('heading', { name: 'Verified UPI ID' })).toBeDefined()
    expect(screen.getByText('Asha Verma')).toBeDefined()
    expect(liveRegion()).toBe('Verified UPI ID: Asha Verma')
    await user.click(screen.getByRole('button', { name: 'Send request' }))
    expect(sent).toEqual(['Asha@OKAXIS'])
  })

  it('asks to verify again once the UPI ID is changed after verifying', async () => {
    openForm()
    await user.type(field(), 'asha@okaxis')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await screen.findByRole('button', { name: 'Send request' })
    await user.type(field(), 'x')
    expect(screen.getByRole('button', { name: 'Verify' })).toBeDefined()
    expect(screen.queryByRole('heading', { name: 'Verified UPI ID' })).toBeNull()
  })

  it("puts the server's refusal of the request on the field", async () => {
    openForm({ answer: { ok: false, failure: 'vpa_invalid' } })
    await user.type(field(), 'asha@okaxis')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await user.click(await screen.findByRole('button', { name: 'Send request' }))
    expect(await screen.findByText('This UPI ID does not exist')).toBeDefined()
    expect(field().getAttribute('aria-invalid')).toBe('true')
  })

  it('says that the server could not be reached when Verify did not get through', async () => {
    const { sandbox } = openForm()
    sandbox.answerNext('POST', /\/vpa$/, 'network')
    await user.type(field(), 'asha@okaxis')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByText('We could not reach the payment server. You have not been charged.')).toBeDefined()
  })

  it('speaks Hindi from the Hindi catalog, errors included', async () => {
    openForm({ locale: 'hi' })
    await user.click(screen.getByRole('button', { name: hi['upi.collect.verify'] }))
    expect(await screen.findByText(hi['upi.collect.required'])).toBeDefined()
    expect(screen.getByRole('textbox', { name: hi['upi.collect.label'] })).toBeDefined()
  })
})
