/** Leaves the page for `url` (the merchant's signed return URL). */
export function navigateTo(url: string): void {
  window.location.assign(url)
}

/** The window a framed checkout opens the bank's pages in: a bank never lets itself be framed. */
export const BANK_WINDOW = 'mandate-checkout-bank'

/** Opens `url` in the named window (the same one again if it is still open); false when the browser blocked it. */
export function openWindow(url: string, name: string): boolean {
  const opened = window.open(url, name)
  opened?.focus()
  return opened !== null
}

/**
 * Whether this is the bank window a framed checkout opened, now back on the checkout page: the
 * bank is done (or left), and the frame that opened it shows what happened.
 */
export function isBankWindow(): boolean {
  return window.name === BANK_WINDOW && window.opener !== null
}
