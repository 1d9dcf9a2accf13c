import { expect, type Locator, type Page } from '@playwright/test'
import { TEST_IDS } from '../../src/lib/test-ids'

/** The hosted checkout page, seen as a customer sees it: by headings, roles and labels. */
export class CheckoutPage {
  constructor(readonly page: Page) {}

  async open(path: string): Promise<void> {
    await this.page.goto(path)
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  async expectReady(): Promise<void> {
    await expect(this.heading('Review and pay')).toBeVisible()
  }

  get paymentOptions(): Locator {
    return this.page.getByRole('group', { name: 'Choose how to pay' })
  }

  option(name: string): Locator {
    return this.paymentOptions.getByRole('radio', { name, exact: true })
  }

  /** Expects exactly these payment options, by accessible name. */
  async expectOptions(names: readonly string[]): Promise<void> {
    await expect(this.paymentOptions.getByRole('radio')).toHaveCount(names.length)
    for (const name of names) await expect(this.option(name)).toBeVisible()
  }

  testId(id: keyof typeof TEST_IDS): Locator {
    return this.page.getByTestId(TEST_IDS[id])
  }

  get disclosure(): Locator {
    return this.testId('mandateDisclosure')
  }

  /** Picks a language by its name in its own script, as the switcher lists it. */
  async chooseLanguage(name: string): Promise<void> {
    await this.page.getByRole('banner').getByRole('combobox').selectOption({ label: name })
  }
}
