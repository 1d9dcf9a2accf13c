import { expect, type Page } from '@playwright/test'
import { BANK_OTP } from '../../../../contract/scenarios'

/** A Luhn-valid test card number and an Aadhaar-shaped number, as the simulated bank checks them. */
export const TEST_CARD = { number: '4111 1111 1111 1111', expiry: '12/30' }
export const TEST_AADHAAR = '2345 6789 0123'

/** The sandbox's simulated bank and NPCI eMandate pages, as the customer goes through them. */
export class BankPage {
  constructor(readonly page: Page) {}

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name })
  }

  async logIn(): Promise<void> {
    await expect(this.heading('Log in to net banking')).toBeVisible()
    await this.page.getByLabel('User ID').fill('asha.verma')
    await this.page.getByLabel('Password').fill('any password')
    await this.page.getByRole('button', { name: 'Log in' }).click()
  }

  async verifyCard(): Promise<void> {
    await expect(this.heading('Verify with your debit card')).toBeVisible()
    await this.page.getByLabel('Debit card number').fill(TEST_CARD.number)
    await this.page.getByLabel('Expiry date (MM/YY)').fill(TEST_CARD.expiry)
    await this.page.getByRole('button', { name: 'Continue' }).click()
  }

  async verifyAadhaar(): Promise<void> {
    await expect(this.heading('Verify with Aadhaar')).toBeVisible()
    await this.page.getByLabel('Aadhaar number').fill(TEST_AADHAAR)
    await this.page.getByRole('button', { name: 'Continue' }).click()
  }

  async enterOtp(otp = BANK_OTP): Promise<void> {
    await expect(this.heading('Enter OTP')).toBeVisible()
    await this.page.getByLabel('OTP').fill(otp)
    await this.page.getByRole('button', { name: 'Verify OTP' }).click()
  }

  async authorise(): Promise<void> {
    await expect(this.heading('Authorise eMandate')).toBeVisible()
    await this.page.getByRole('button', { name: 'Authorise mandate' }).click()
  }

  async decline(): Promise<void> {
    await expect(this.heading('Authorise eMandate')).toBeVisible()
    await this.page.getByRole('button', { name: 'Decline' }).click()
  }

  async cancelAndReturn(): Promise<void> {
    await this.page.getByRole('link', { name: 'Cancel and return to merchant' }).click()
  }
}
