import { html } from 'hono/html'
import { keepLanguage, languageLinks } from '../i18n/language'
import { layout, userText, type Html } from './layout'
import type { BankText } from './messages'
import { factList, mandatePath, type BankScreen } from './screen'

export const CANCEL_DONE = ['cancelled', 'unchanged', 'refused'] as const
export type CancelDone = (typeof CANCEL_DONE)[number]

function statusText({ t, order }: BankScreen): string {
  const status = order.mandateStatus
  return t.text(`mandate.statusText.${status === 'PAUSED' || status === 'REVOKED' || status === 'EXPIRED' ? status : 'ACTIVE'}`)
}

const doneText = (t: BankText, done: CancelDone, screen: BankScreen): Html =>
  t.html(`mandate.done.${done}`, { payee: userText(screen.merchant.name) })

const live = (screen: BankScreen): boolean => screen.order.mandateStatus === 'ACTIVE' || screen.order.mandateStatus === 'PAUSED'

/** A registered eMandate as the bank shows it to its account holder: its terms, its status, and a form to cancel it while it is live. */
export function renderMandate(screen: BankScreen, done: CancelDone | null): Html {
  const { t, language } = screen
  const heading = t.text('mandate.heading')
  const cancel = live(screen)
    ? html`<form method="post" action="${keepLanguage(`${mandatePath(screen.token)}/cancel`, language.chosen)}">
<p class="hint">${t.text('mandate.cancelHint')}</p>
<button type="submit" class="button button--secondary">${t.text('mandate.cancel')}</button>
</form>`
    : null
  const languages = languageLinks(t.locale, (locale) => keepLanguage(mandatePath(screen.token), locale))
  return layout(
    t,
    t.text('documentTitle', { heading, bank: screen.bank.bankName }),
    screen.bank.bankName,
    html`<div class="bank-bar"><span class="bank-name">${screen.bank.bankName}</span> <span class="bank-tag">${t.text('bankTag')}</span></div>
<h1>${heading}</h1>
<div role="status" class="result">${done === null ? null : html`<p>${doneText(t, done, screen)}</p>`}</div>
<dl class="facts"><div class="fact fact--strong"><dt>${t.text('mandate.status')}</dt><dd>${statusText(screen)}</dd></div></dl>
${factList(screen)}
${cancel}`,
    languages,
  )
}
