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

/**
 * Turns off the result screen's automatic return for a journey that goes on reading the screen:
 * its checks can outlast the five seconds on a busy machine, and a read of a page that has just
 * left fails ("Execution context was destroyed"). Press it as soon as the result shows; the return
 * itself is covered by result-return.spec.ts.
 */
export async function stayOnResult(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stay on this page' }).click()
}
