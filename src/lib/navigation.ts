/** Leaves the page for `url` (the merchant's signed return URL). */
export function navigateTo(url: string): void {
  window.location.assign(url)
}
