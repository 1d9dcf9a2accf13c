import { html } from 'hono/html'
import type { MandateTerms } from '../../../contract/mandate'
import type { MandateStatus } from '../../../contract/status'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'
import { UPI_MANDATES_PATH } from '../../domain/rails/upi'
import { formatInr, formatIstDate } from '../i18n/format'
import { keepLanguage, languageLinks, type Language } from '../i18n/language'
import { describeSchedule } from '../schedule/schedule-text'
import { layout, userText, type Html } from './layout'
import type { UpiAppText } from './messages'

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
  /** The screen's language, and whether the customer picked it here. */
  language: Language
  t: UpiAppText
}

export const actionPath = (token: string, action: 'pause' | 'resume' | 'revoke'): string => `${MANDATES_PATH}/${token}/${action}`

/** The listing a VPA's actions come back to, saying what they did. */
export const listingPath = (vpa: string, done: Done, mandateId: string | null): string => {
  const query = new URLSearchParams({ vpa, done })
  if (mandateId) query.set('mandate', mandateId)
  return `${MANDATES_PATH}?${query.toString()}`
}

function statusText(t: UpiAppText, order: Order): string {
  const status: MandateStatus | null = order.mandateStatus
  switch (status) {
    case 'PAUSED': {
      const until = order.mandateChange?.pause?.endDate
      if (!until) return t.text('mandates.status.ACTIVE')
      return t.text('mandates.status.PAUSED', { until: formatIstDate(new Date(Date.parse(until) - 1).toISOString(), t.locale) })
    }
    case 'REVOKED':
    case 'EXPIRED':
      return t.text(`mandates.status.${status}`)
    default:
      return t.text('mandates.status.ACTIVE')
  }
}

const fact = (label: string, value: string | Html): Html => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`

/** A form's target, keeping the customer's language pick through the action and its redirect. */
const actionUrl = (screen: MandatesScreen, row: MandateRow, action: 'pause' | 'resume' | 'revoke'): string =>
  keepLanguage(actionPath(row.token, action), screen.language.chosen)

function pauseForm(screen: MandatesScreen, row: MandateRow, index: number, error: string | null): Html {
  const { t } = screen
  const id = `pause-until-${index}`
  const invalid = error === null ? null : html` aria-invalid="true" autofocus`
  const describedBy = error === null ? `${id}-hint` : `${id}-hint ${id}-error`
  return html`<form class="mandate-action" method="post" action="${actionUrl(screen, row, 'pause')}">
<div class="field">
<label for="${id}">${t.text('mandates.pauseUntilLabel')}</label>
<p class="hint" id="${id}-hint">${t.text('mandates.pauseUntilHint')}</p>
<input id="${id}" name="pause_until" type="date" required value="${error ?? ''}" aria-describedby="${describedBy}"${invalid}>
${error === null ? null : html`<p class="field-error" id="${id}-error">${t.text('mandates.pauseUntilError')}</p>`}
</div>
<button type="submit" class="button button--primary">${t.text('mandates.pause')}</button>
</form>`
}

const buttonForm = (screen: MandatesScreen, row: MandateRow, action: 'resume' | 'revoke', kind: 'primary' | 'secondary'): Html =>
  html`<form class="mandate-action" method="post" action="${actionUrl(screen, row, action)}"><button type="submit" class="button button--${kind}">${screen.t.text(`mandates.${action}`)}</button></form>`

/** The buttons a mandate's state offers: pause or resume, and revoke while it may be revoked. */
function actions(screen: MandatesScreen, row: MandateRow, index: number): Html | null {
  const { order } = row
  const { pauseError } = screen
  if (order.mandateStatus !== 'ACTIVE' && order.mandateStatus !== 'PAUSED') return null
  const first =
    order.mandateStatus === 'PAUSED'
      ? buttonForm(screen, row, 'resume', 'primary')
      : order.mandate.frequency === 'ONETIME'
        ? null
        : pauseForm(screen, row, index, pauseError?.token === row.token ? pauseError.value : null)
  const revoke = order.mandate.revokableByCustomer
    ? buttonForm(screen, row, 'revoke', 'secondary')
    : html`<p class="hint">${screen.t.text('mandates.notRevocable')}</p>`
  return html`${first}${revoke}`
}

/** One mandate's region, named by its merchant and its mandate id: one merchant may hold several of the payer's mandates. */
function mandateCard(screen: MandatesScreen, row: MandateRow, index: number): Html {
  const { t } = screen
  const { order, merchant } = row
  const headingId = `mandate-${index}`
  const max = t.leftToRight(formatInr(order.mandate.maxAmount.minor))
  return html`<section class="mandate" aria-labelledby="${headingId} ${headingId}-id">
<h2 id="${headingId}">${userText(merchant.name)}</h2>
<dl class="facts">
${fact(t.text('mandates.facts.status'), statusText(t, order))}
${fact(t.text('facts.maxAmount'), t.html(`amountRule.${order.mandate.amountRule}`, { amount: max }))}
${fact(t.text('facts.frequency'), describeSchedule(order.mandate, t.locale))}
<div class="fact"><dt>${t.text('mandates.facts.mandateId')}</dt><dd id="${headingId}-id">${t.leftToRight(order.mandateId ?? '')}</dd></div>
</dl>
${actions(screen, row, index)}
</section>`
}

function vpaForm(screen: MandatesScreen): Html {
  const { t } = screen
  const invalid = screen.vpaError ? html` aria-invalid="true" autofocus` : null
  const describedBy = screen.vpaError ? 'vpa-hint vpa-error' : 'vpa-hint'
  return html`<form class="vpa-form" method="get" action="${MANDATES_PATH}">
${screen.language.chosen === null ? null : html`<input type="hidden" name="lang" value="${screen.language.chosen}">`}
<div class="field">
<label for="vpa">${t.text('mandates.vpaLabel')}</label>
<p class="hint" id="vpa-hint">${t.text('mandates.vpaHint')}</p>
<input id="vpa" name="vpa" type="text" inputmode="email" autocomplete="off" autocapitalize="none" spellcheck="false" value="${screen.vpa ?? ''}" aria-describedby="${describedBy}"${invalid}>
${screen.vpaError ? html`<p class="field-error" id="vpa-error">${t.text('mandates.vpaError')}</p>` : null}
</div>
<button type="submit" class="button button--primary">${t.text('mandates.show')}</button>
</form>`
}

const doneText = (t: UpiAppText, done: NonNullable<MandatesScreen['done']>): Html =>
  t.html(`mandates.done.${done.what}`, { payee: userText(done.payee ?? '') })

/** The listing's own page for the VPA asked for (where the language links lead). */
const listingOf = (vpa: string | null): string => (vpa === null ? MANDATES_PATH : `${MANDATES_PATH}?${new URLSearchParams({ vpa }).toString()}`)

/** "My AutoPay mandates": the VPA's registered mandates, newest first, each with what the customer may do to it. */
export function renderMandates(screen: MandatesScreen): Html {
  const { t } = screen
  const heading = t.text('mandates.heading')
  const status = screen.done ? html`<p>${doneText(t, screen.done)}</p>` : null
  const list =
    screen.vpa === null || screen.vpaError
      ? null
      : html`<p>${t.html('mandates.forVpa', { vpa: html`<strong>${userText(screen.vpa)}</strong>` })}</p>
${screen.rows.length === 0 ? html`<p class="explain">${t.text('mandates.none')}</p>` : html`<ul class="mandates" aria-label="${t.text('mandates.listLabel')}">${[...screen.rows].reverse().map((row, i) => html`<li>${mandateCard(screen, row, i)}</li>`)}</ul>`}`
  const languages = languageLinks(t.locale, (locale) => keepLanguage(listingOf(screen.vpaError ? null : screen.vpa), locale))
  return layout(
    t,
    t.text('documentTitle', { heading, app: screen.vpa ?? heading }),
    html`<div class="app-bar"><span class="app-name">${heading}</span> <span class="app-tag">${t.text('appTag')}</span></div>
<h1>${heading}</h1>
<div role="status" class="result">${status}</div>
${list}
${vpaForm(screen)}`,
    languages,
  )
}
