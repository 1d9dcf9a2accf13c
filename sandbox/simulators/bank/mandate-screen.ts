import { html } from 'hono/html'
import { layout, userText, type Html } from './layout'
import { messages } from './messages'
import { factList, mandatePath, type BankScreen } from './screen'

export const CANCEL_DONE = ['cancelled', 'unchanged', 'refused'] as const
export type CancelDone = (typeof CANCEL_DONE)[number]

const m = messages.mandate

function statusText(screen: BankScreen): string {
  const status = screen.order.mandateStatus
  return status === 'PAUSED' || status === 'REVOKED' || status === 'EXPIRED' ? m.statusText[status] : m.statusText.ACTIVE
}

function doneText(done: CancelDone, screen: BankScreen): string | Html {
  return done === 'cancelled' ? m.done.cancelled(userText(screen.merchant.name)) : m.done[done]
}

const live = (screen: BankScreen): boolean => screen.order.mandateStatus === 'ACTIVE' || screen.order.mandateStatus === 'PAUSED'

/** A registered eMandate as the bank shows it to its account holder: its terms, its status, and a form to cancel it while it is live. */
export function renderMandate(screen: BankScreen, done: CancelDone | null): Html {
  const cancel = live(screen)
    ? html`<form method="post" action="${mandatePath(screen.token)}/cancel">
<p class="hint">${m.cancelHint}</p>
<button type="submit" class="button button--secondary">${m.cancel}</button>
</form>`
    : null
  return layout(
    messages.documentTitle(m.heading, screen.bank.bankName),
    screen.bank.bankName,
    html`<div class="bank-bar"><span class="bank-name">${screen.bank.bankName}</span> <span class="bank-tag">${messages.bankTag}</span></div>
<h1>${m.heading}</h1>
<div role="status" class="result">${done === null ? null : html`<p>${doneText(done, screen)}</p>`}</div>
<dl class="facts"><div class="fact fact--strong"><dt>${m.status}</dt><dd>${statusText(screen)}</dd></div></dl>
${factList(screen)}
${cancel}`,
  )
}
