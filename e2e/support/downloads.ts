import type { Page } from '@playwright/test'

/**
 * The first `failures` downloads of one of the page's built scripts (a chunk, named after its
 * source file: `upi-rail` for `upi-rail-<hash>.js`) fail as on a dropped connection; later ones go
 * through. Returns how many times the page has asked for it so far.
 */
export async function dropDownloads(page: Page, chunk: string, failures = 1): Promise<() => number> {
  let requests = 0
  await page.route(new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`), async (route) => {
    requests += 1
    await (requests <= failures ? route.abort('internetdisconnected') : route.continue())
  })
  return () => requests
}
