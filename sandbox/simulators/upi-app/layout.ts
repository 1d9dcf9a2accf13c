import { html } from 'hono/html'
import { messages } from './messages'

export type Html = ReturnType<typeof html>

/** Where the lead mounts the simulator (sandbox/app.ts) and where sandbox/domain/view.ts links to it. */
export const SIMULATOR_BASE = '/simulator/upi'
export const STYLESHEET_PATH = `${SIMULATOR_BASE}/assets/app.css`

/** Merchant- or customer-supplied text: escaped by `html`, and isolated so a bidi override cannot reorder the page. */
export const userText = (value: string): Html => html`<bdi>${value}</bdi>`

/** The document around every simulator page: a sandbox banner, then one main landmark. */
export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="sandbox-banner"><p><strong>${messages.banner}</strong> <span>${messages.bannerNote}</span></p></header>
<main class="phone">
${body}
</main>
</body>
</html>
`
}

/** A page that only explains a problem (not found, wrong method, too large). */
export function messagePage(heading: string, text: string): Html {
  return layout(
    messages.documentTitle(heading, messages.banner),
    html`<h1>${heading}</h1>
<p class="explain">${text}</p>`,
  )
}
