import { expect, type Locator, type Page } from '@playwright/test'

/**
 * "My AutoPay mandates" in the simulated UPI app (`/simulator/upi/mandates?vpa=…`, or the success
 * screen's link), as the customer uses it: each mandate is a region named for its merchant, with
 * Pause (until a day), Resume and Revoke.
 */
export class UpiMandatesPage {
  constructor(readonly page: Page) {}

  async expectList(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'My AutoPay mandates' })).toBeVisible()
  }

  /** The card of one mandate, named for its merchant and showing its mandate id. */
  mandate(merchantName: string, mandateId: string): Locator {
    return this.page.getByRole('region', { name: merchantName }).filter({ hasText: mandateId })
  }

  async pauseUntil(card: Locator, day: string): Promise<void> {
    await card.getByLabel('Pause until').fill(day)
    await card.getByRole('button', { name: 'Pause' }).click()
    await expect(this.page.getByRole('status')).toContainText('You paused the mandate')
  }

  async resume(card: Locator): Promise<void> {
    await card.getByRole('button', { name: 'Resume' }).click()
    await expect(this.page.getByRole('status')).toContainText('You resumed the mandate')
  }

  async revoke(card: Locator): Promise<void> {
    await card.getByRole('button', { name: 'Revoke' }).click()
    await expect(this.page.getByRole('status')).toContainText('You revoked the mandate')
  }
}
