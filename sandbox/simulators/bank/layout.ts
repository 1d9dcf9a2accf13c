import { html } from 'hono/html'
import { messages } from './messages'

export type Html = ReturnType<typeof html>

/** Where sandbox/app.ts mounts the bank and where sandbox/domain/view.ts links to it. */
export const BANK_BASE = '/simulator/bank'
export const STYLESHEET_PATH = `${BANK_BASE}/assets/bank.css`

/** Merchant- or customer-supplied text: escaped by `html`, and isolated so a bidi override cannot reorder the page. */
export const userText = (value: string): Html => html`<bdi>${value}</bdi>`

/** The document around every bank page: a sandbox banner naming the bank, then one main landmark. */
export function layout(title: string, bankName: string | null, body: Html): Html {
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
<header class="sandbox-banner"><p><strong>${messages.banner}</strong>${bankName === null ? null : html` · <span class="banner-bank">${bankName}</span>`} <span>${messages.bannerNote}</span></p></header>
<main class="bank">
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
    null,
    html`<h1>${heading}</h1>
<p class="explain">${text}</p>`,
  )
}
