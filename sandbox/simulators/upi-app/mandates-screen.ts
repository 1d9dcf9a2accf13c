import { html } from 'hono/html'
import type { MandateTerms } from '../../../contract/mandate'
import type { MandateStatus } from '../../../contract/status'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'
import { UPI_MANDATES_PATH } from '../../domain/rails/upi'
import { formatInr, formatIstDate } from './format'
import { layout, userText, type Html } from './layout'
import { messages } from './messages'
import { describeSchedule } from './schedule-text'

const MANDATES_PATH = UPI_MANDATES_PATH

/** What the customer did, as the listing's status line reports it after the redirect. */
export const DONE = ['paused', 'resumed', 'revoked', 'unchanged', 'refused'] as const
export type Done = (typeof DONE)[number]

/** One registered mandate of the VPA, with the token its forms post to. */
export interface MandateRow {
  order: Order & { mandate: MandateTerms }
  merchant: Merchant
  /** The registering attempt's simulator token: unguessable, so a form from another site cannot act. */
  token: string
}

export interface MandatesScreen {
  /** The VPA asked for; null shows only the form that asks for it. */
  vpa: string | null
  rows: MandateRow[]
  /** What the last action did, and to whose mandate. */
  done: { what: Done; payee: string | null } | null
  /** A pause date that was refused, re-rendered on its mandate's form. */
  pauseError: { token: string; value: string } | null
  vpaError: boolean
}

const f = messages.mandates

export const actionPath = (token: string, action: 'pause' | 'resume' | 'revoke'): string => `${MANDATES_PATH}/${token}/${action}`

/** The listing a VPA's actions come back to, saying what they did. */
export const listingPath = (vpa: string, done: Done, mandateId: string | null): string => {
  const query = new URLSearchParams({ vpa, done })
  if (mandateId) query.set('mandate', mandateId)
  return `${MANDATES_PATH}?${query.toString()}`
}

function statusText(order: Order): string {
  const status: MandateStatus | null = order.mandateStatus
  switch (status) {
    case 'PAUSED': {
      const until = order.mandateChange?.pause?.endDate
      return until ? f.status.PAUSED(formatIstDate(new Date(Date.parse(until) - 1).toISOString())) : f.status.ACTIVE
    }
    case 'REVOKED':
    case 'EXPIRED':
      return f.status[status]
    default:
      return f.status.ACTIVE
  }
}

const fact = (label: string, value: string | Html): Html => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`

function pauseForm(row: MandateRow, index: number, error: string | null): Html {
  const id = `pause-until-${index}`
  const invalid = error === null ? null : html` aria-invalid="true" autofocus`
  const describedBy = error === null ? `${id}-hint` : `${id}-hint ${id}-error`
  return html`<form class="mandate-action" method="post" action="${actionPath(row.token, 'pause')}">
<div class="field">
<label for="${id}">${f.pauseUntilLabel}</label>
<p class="hint" id="${id}-hint">${f.pauseUntilHint}</p>
<input id="${id}" name="pause_until" type="date" required value="${error ?? ''}" aria-describedby="${describedBy}"${invalid}>
${error === null ? null : html`<p class="field-error" id="${id}-error">${f.pauseUntilError}</p>`}
</div>
<button type="submit" class="button button--primary">${f.pause}</button>
</form>`
}

const buttonForm = (row: MandateRow, action: 'resume' | 'revoke', label: string, kind: 'primary' | 'secondary'): Html =>
  html`<form class="mandate-action" method="post" action="${actionPath(row.token, action)}"><button type="submit" class="button button--${kind}">${label}</button></form>`

/** The buttons a mandate's state offers: pause or resume, and revoke while it may be revoked. */
function actions(row: MandateRow, index: number, pauseError: MandatesScreen['pauseError']): Html | null {
  const { order } = row
  if (order.mandateStatus !== 'ACTIVE' && order.mandateStatus !== 'PAUSED') return null
  const first =
    order.mandateStatus === 'PAUSED'
      ? buttonForm(row, 'resume', f.resume, 'primary')
      : order.mandate.frequency === 'ONETIME'
        ? null
        : pauseForm(row, index, pauseError?.token === row.token ? pauseError.value : null)
  const revoke = order.mandate.revokableByCustomer ? buttonForm(row, 'revoke', f.revoke, 'secondary') : html`<p class="hint">${f.notRevocable}</p>`
  return html`${first}${revoke}`
}

function mandateCard(row: MandateRow, index: number, pauseError: MandatesScreen['pauseError']): Html {
  const { order, merchant } = row
  const headingId = `mandate-${index}`
  const max = formatInr(order.mandate.maxAmount.minor)
  return html`<section class="mandate" aria-labelledby="${headingId}">
<h2 id="${headingId}">${userText(merchant.name)}</h2>
<dl class="facts">
${fact(f.facts.status, statusText(order))}
${fact(f.facts.maxAmount, messages.amountRule[order.mandate.amountRule](max))}
${fact(f.facts.frequency, describeSchedule(order.mandate))}
${fact(f.facts.mandateId, order.mandateId ?? '')}
</dl>
${actions(row, index, pauseError)}
</section>`
}

function vpaForm(screen: MandatesScreen): Html {
  const invalid = screen.vpaError ? html` aria-invalid="true" autofocus` : null
  const describedBy = screen.vpaError ? 'vpa-hint vpa-error' : 'vpa-hint'
  return html`<form class="vpa-form" method="get" action="${MANDATES_PATH}">
<div class="field">
<label for="vpa">${f.vpaLabel}</label>
<p class="hint" id="vpa-hint">${f.vpaHint}</p>
<input id="vpa" name="vpa" type="text" inputmode="email" autocomplete="off" autocapitalize="none" spellcheck="false" value="${screen.vpa ?? ''}" aria-describedby="${describedBy}"${invalid}>
${screen.vpaError ? html`<p class="field-error" id="vpa-error">${f.vpaError}</p>` : null}
</div>
<button type="submit" class="button button--primary">${f.show}</button>
</form>`
}

function doneText(done: NonNullable<MandatesScreen['done']>): string | Html {
  const payee = userText(done.payee ?? '')
  switch (done.what) {
    case 'paused':
    case 'resumed':
    case 'revoked':
      return f.done[done.what](payee)
    case 'unchanged':
    case 'refused':
      return f.done[done.what]
  }
}

/** "My AutoPay mandates": the VPA's registered mandates, newest first, each with what the customer may do to it. */
export function renderMandates(screen: MandatesScreen): Html {
  const status = screen.done ? html`<p>${doneText(screen.done)}</p>` : null
  const list =
    screen.vpa === null || screen.vpaError
      ? null
      : html`<p>${f.forVpa} <strong>${userText(screen.vpa)}</strong></p>
${screen.rows.length === 0 ? html`<p class="explain">${f.none}</p>` : html`<ul class="mandates" aria-label="${f.listLabel}">${[...screen.rows].reverse().map((row, i) => html`<li>${mandateCard(row, i, screen.pauseError)}</li>`)}</ul>`}`
  return layout(
    f.documentTitle(screen.vpa ?? f.heading),
    html`<div class="app-bar"><span class="app-name">${f.heading}</span> <span class="app-tag">${messages.appTag}</span></div>
<h1>${f.heading}</h1>
<div role="status" class="result">${status}</div>
${list}
${vpaForm(screen)}`,
  )
}
