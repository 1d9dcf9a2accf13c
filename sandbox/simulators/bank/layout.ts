import { html } from 'hono/html'
import type { Html } from '../i18n/translate'
import type { ProblemKey } from '../pages'
import type { BankText } from './messages'

export type { Html }

/** Where sandbox/app.ts mounts the bank and where sandbox/domain/view.ts links to it. */
export const BANK_BASE = '/simulator/bank'
export const STYLESHEET_PATH = `${BANK_BASE}/assets/bank.css`

/** Merchant- or customer-supplied text: escaped by `html`, and isolated so a bidi override cannot reorder the page. */
export const userText = (value: string): Html => html`<bdi>${value}</bdi>`

/**
 * The document around every bank page, in the page's language (`dir="rtl"` for Urdu): a sandbox
 * banner naming the bank, the language links when the page has a screen to show again, then one main landmark.
 */
export function layout(t: BankText, title: string, bankName: string | null, body: Html, languages: Html | null = null): Html {
  return html`<!doctype html>
<html lang="${t.locale}"${t.dir === 'rtl' ? html` dir="rtl"` : null}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="sandbox-banner"><p><strong>${t.text('banner')}</strong>${bankName === null ? null : html` · <span class="banner-bank">${bankName}</span>`} <span>${t.text('bannerNote')}</span></p></header>
${languages}
<main class="bank">
${body}
</main>
</body>
</html>
`
}

/** A page that only explains a problem (not found, wrong method, too large). */
export function messagePage(t: BankText, problem: ProblemKey): Html {
  const heading = t.text(`heading.${problem}`)
  return layout(
    t,
    t.text('documentTitle', { heading, bank: t.text('banner') }),
    null,
    html`<h1>${heading}</h1>
<p class="explain">${t.text(`${problem}Text`)}</p>`,
  )
}
