import {
  test as base,
  expect,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test'
import { SandboxClient } from './client'
import { sandboxConfigFromEnv } from './merchant'
import { Checkout } from './pages/checkout'

/** Where the sandbox is and who the tests act as; `test.use({ sandboxUrl: … })` overrides the environment. */
export interface SandboxOptions {
  /** `SANDBOX_URL`, default `http://127.0.0.1:4000`. */
  sandboxUrl: string
  /** `SANDBOX_MERCHANT_ID`, default the demo merchant's. */
  sandboxMerchantId: string
  /** `SANDBOX_API_KEY`, default the demo merchant's. */
  sandboxApiKey: string
}

export interface SandboxFixtures {
  /** The sandbox, as the merchant's server and QA reach it. */
  sandbox: SandboxClient
  /** The hosted checkout page, the simulated UPI app and bank, in the test's page. */
  checkout: Checkout
}

const env = sandboxConfigFromEnv()

/** Playwright's `test` with the `sandbox` and `checkout` fixtures; typed by name, so the published types need only @playwright/test. */
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & SandboxFixtures & SandboxOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = base.extend<SandboxFixtures & SandboxOptions>({
  sandboxUrl: [env.url, { option: true }],
  sandboxMerchantId: [env.merchantId, { option: true }],
  sandboxApiKey: [env.apiKey, { option: true }],
  sandbox: async ({ request, sandboxUrl, sandboxMerchantId, sandboxApiKey }, use) => {
    await use(new SandboxClient(request, { url: sandboxUrl, merchantId: sandboxMerchantId, apiKey: sandboxApiKey }))
  },
  checkout: async ({ page }, use) => {
    await use(new Checkout(page))
  },
})

export { expect }
