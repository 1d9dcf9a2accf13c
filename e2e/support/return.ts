import type { Page } from '@playwright/test'

/**
 * Goes back to the merchant from the result screen by its button, unless the page already went
 * back by itself (it does five seconds after the result, RETURN_DELAY_SECONDS), which on a busy
 * machine can come first: `navigated` is the caller's wait for that navigation, registered before
 * the result showed, and either way it is what this answers.
 */
export async function returnToMerchant<T>(page: Page, buttonName: string | RegExp, navigated: Promise<T>): Promise<T> {
  // A click that loses the race to the page's own return finds no button: the navigation it would have made has happened.
  const clicked = page.getByRole('button', { name: buttonName }).click().catch(() => undefined)
  await Promise.race([navigated, clicked])
  return navigated
}
