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
      // A page without frames is checked by axe.run in the page itself (legacy mode). The default
      // also opens a blank page to merge frames' results and loads axe into it, about twice the cost
      // of the check, which only a page with frames (the embedding journeys) needs
      // (docs/architecture.md#what-ci-costs).
      const results = await new AxeBuilder({ page: target }).setLegacyMode(target.frames().length === 1).analyze()
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    })
  },
})

export { expect }
