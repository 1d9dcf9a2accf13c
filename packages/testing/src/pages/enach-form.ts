import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'

export interface AccountDetails {
  holder: string
  number: string
  confirmation?: string
  ifsc: string
  type?: 'Savings' | 'Current' | 'Cash credit' | 'Other'
}

/** The page's eNACH form, by its labels; in a window of its own or inside a merchant's frame. */
export class EnachForm {
  constructor(readonly page: Page | FrameLocator) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Set up eNACH with your bank' })
  }

  get bank(): Locator {
    return this.page.getByRole('combobox', { name: 'Your bank' })
  }

  mode(name: 'Net banking' | 'Debit card' | 'Aadhaar'): Locator {
    return this.page.getByRole('group', { name: 'How do you want to authorise the mandate?' }).getByRole('radio', { name })
  }

  async chooseBank(search: string, name: string): Promise<void> {
    await this.bank.fill(search)
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click()
    await expect(this.bank).toHaveValue(name)
  }

  async fillAccount(details: AccountDetails): Promise<void> {
    await this.page.getByLabel('Account holder’s name').fill(details.holder)
    await this.page.getByLabel('Account number', { exact: true }).fill(details.number)
    await this.page.getByLabel('Account number again').fill(details.confirmation ?? details.number)
    await this.page.getByLabel('IFSC of your branch').fill(details.ifsc)
    await this.page.getByLabel('Account type').selectOption({ label: details.type ?? 'Savings' })
  }

  submit(): Promise<void> {
    return this.page.getByRole('button', { name: /^Continue to/ }).click()
  }
}
