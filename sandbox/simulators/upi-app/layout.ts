import { html } from 'hono/html'
import type { Html } from '../i18n/translate'
import type { ProblemKey } from '../pages'
import type { UpiAppText } from './messages'

export type { Html }

/** Where the lead mounts the simulator (sandbox/app.ts) and where sandbox/domain/view.ts links to it. */
export const SIMULATOR_BASE = '/simulator/upi'
export const STYLESHEET_PATH = `${SIMULATOR_BASE}/assets/app.css`

/** Merchant- or customer-supplied text: escaped by `html`, and isolated so a bidi override cannot reorder the page. */
export const userText = (value: string): Html => html`<bdi>${value}</bdi>`

/**
 * The document around every simulator page, in the page's language (`dir="rtl"` for Urdu): a
 * sandbox banner, the language links when the page has a screen to show again, then one main landmark.
 */
export function layout(t: UpiAppText, title: string, body: Html, languages: Html | null = null): Html {
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
<header class="sandbox-banner"><p><strong>${t.text('banner')}</strong> <span>${t.text('bannerNote')}</span></p></header>
${languages}
<main class="phone">
${body}
</main>
</body>
</html>
`
}

/** A page that only explains a problem (not found, wrong method, too large). */
export function messagePage(t: UpiAppText, problem: ProblemKey): Html {
  const heading = t.text(`heading.${problem}`)
  return layout(
    t,
    t.text('documentTitle', { heading, app: t.text('banner') }),
    html`<h1>${heading}</h1>
<p class="explain">${t.text(`${problem}Text`)}</p>`,
  )
}
