import { expect, type Page } from '@playwright/test'

/** The sandbox's simulated UPI app, as a person on a phone would use it. */
export class UpiAppPage {
  constructor(readonly page: Page) {}

  async expectMandateRequest(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'AutoPay mandate request' })).toBeVisible()
  }

  async approve(pin = '1234'): Promise<void> {
    await this.page.getByLabel('UPI PIN').fill(pin)
    await this.page.getByRole('button', { name: 'Approve with UPI PIN' }).click()
    await expect(this.page.getByRole('status')).toContainText('Approved')
  }

  async decline(): Promise<void> {
    await this.page.getByRole('button', { name: 'Decline' }).click()
    await expect(this.page.getByRole('status')).toContainText('Declined')
  }
}
