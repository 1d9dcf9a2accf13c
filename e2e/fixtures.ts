import { test as base, expect, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { MerchantApi, OTHER_MERCHANT } from './support/merchant-api'
import { CheckoutPage } from './pages/checkout-page'

interface Fixtures {
  merchant: MerchantApi
  otherMerchant: MerchantApi
  checkout: CheckoutPage
  /** Runs axe on the page as it is now and expects no violation. */
  expectAccessible: (page?: Page) => Promise<void>
}

export const test = base.extend<Fixtures>({
  merchant: async ({ request }, use) => {
    await use(new MerchantApi(request))
  },
  otherMerchant: async ({ request }, use) => {
    await use(new MerchantApi(request, OTHER_MERCHANT))
  },
  checkout: async ({ page }, use) => {
    await use(new CheckoutPage(page))
  },
  expectAccessible: async ({ page }, use) => {
    await use(async (target = page) => {
      const results = await new AxeBuilder({ page: target }).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    })
  },
})

export { expect }
