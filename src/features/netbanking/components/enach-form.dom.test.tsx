import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { EnachLimits } from '../../../../contract/session'
import type { WriteResult } from '../../../lib/write-result'
import { renderInPage } from '../../../testing/render-in-page'
import { upiSession } from '../../../testing/dom'
import type { NetbankingStartBody } from '../rail-types'
import { EnachForm } from './enach-form'

const inr = (minor: number) => ({ minor, currency: 'INR' as const })
const LIMITS: EnachLimits = { netbanking: inr(10_00_000_00), debit_card: inr(10_00_000_00), aadhaar: inr(1_00_000_00) }

/** The eNACH form for a mandate of up to ₹5,000; `answer` is what the shell's start answers. */
function openForm(answer: WriteResult = { ok: true, view: upiSession() }) {
  const started: NetbankingStartBody[] = []
  const start = (body: NetbankingStartBody) => {
    started.push(body)
    return Promise.resolve(answer)
  }
  renderInPage(<EnachForm purpose={{ kind: 'mandate', maxAmount: inr(5_000_00), limits: LIMITS }} last={null} start={start} />)
  return started
}

let user: ReturnType<typeof userEvent.setup>
beforeEach(() => {
  // Keystrokes follow one another at once: the form reacts to each, not to the time between them.
  user = userEvent.setup({ delay: null })
})

async function chooseBank(search: string, name: string) {
  await user.type(screen.getByRole('combobox', { name: 'Your bank' }), search)
  await user.click(within(screen.getByRole('listbox', { name: 'Your bank' })).getByRole('option', { name }))
}

async function fillAccount({ number = '1111111111', again = number, ifsc = 'HDFC0001234' }: { number?: string; again?: string; ifsc?: string } = {}) {
  await user.type(screen.getByRole('textbox', { name: 'Account holder’s name' }), 'Asha Verma')
  await user.type(screen.getByRole('textbox', { name: 'Account number' }), number)
  await user.type(screen.getByRole('textbox', { name: 'Account number again' }), again)
  await user.type(screen.getByRole('textbox', { name: 'IFSC of your branch' }), ifsc)
}

describe('the eNACH form', () => {
  it('names every missing field on submit and starts nothing', async () => {
    const started = openForm()
    await user.click(screen.getByRole('button', { name: 'Continue to your bank' }))
    expect(await screen.findByText('Choose your bank.')).toBeDefined()
    expect(screen.getByText('Enter the account holder’s name.')).toBeDefined()
    expect(screen.getByText('Enter your account number.')).toBeDefined()
    expect(screen.getByText('Enter your branch’s IFSC.')).toBeDefined()
    expect(started).toEqual([])
  })

  it('takes the first way to authorise the chosen bank offers, and names the bank on the button', async () => {
    openForm()
    await chooseBank('HDFC', 'HDFC Bank')
    expect(screen.getByRole('radio', { name: /^Net banking/ })).toHaveProperty('checked', true)
    expect(screen.getByRole('button', { name: 'Continue to HDFC Bank' })).toBeDefined()
  })

  it('refuses account numbers that do not match and an IFSC of another bank', async () => {
    const started = openForm()
    await chooseBank('HDFC', 'HDFC Bank')
    await fillAccount({ again: '1111111112', ifsc: 'SBIN0001234' })
    await user.click(screen.getByRole('button', { name: 'Continue to HDFC Bank' }))
    expect(await screen.findByText('The account numbers do not match.')).toBeDefined()
    expect(screen.getByText('This IFSC is not a HDFC Bank branch: it must start with HDFC.')).toBeDefined()
    expect(started).toEqual([])
  })

  it('hides the account number once entered, but for its last four characters', async () => {
    openForm()
    const field = screen.getByRole('textbox', { name: 'Account number' })
    await user.type(field, '123456789012')
    await user.tab()
    expect((field as HTMLInputElement).value).not.toContain('12345678')
    expect((field as HTMLInputElement).value.endsWith('9012')).toBe(true)
  })

  it('starts one registration with the details as typed', async () => {
    const started = openForm()
    await chooseBank('HDFC', 'HDFC Bank')
    await fillAccount()
    await user.click(screen.getByRole('button', { name: 'Continue to HDFC Bank' }))
    expect(started).toEqual([
      {
        setUpMandate: true,
        enach: { bankCode: 'HDFC', authMode: 'netbanking', accountHolderName: 'Asha Verma', accountNumber: '1111111111', ifsc: 'HDFC0001234', accountType: 'SAVINGS' },
      },
    ])
  })
})
