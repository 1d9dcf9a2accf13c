import { html } from 'hono/html'
import type { MandateTerms } from '../../../contract/mandate'
import type { UpiAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'
import type { FieldErrors, FieldName } from './approval-form'
import { formatInr, formatIstDate, formatIstTime } from './format'
import { layout, SIMULATOR_BASE, userText, type Html } from './layout'
import { messages } from './messages'
import { defaultPayerVpa, payerAppName, type PayerApp } from './payer-apps'
import { describeSchedule } from './schedule-text'

/** One attempt as the simulated app shows it. */
export interface Screen {
  token: string
  app: PayerApp
  order: Order
  attempt: UpiAttempt
  merchant: Merchant
}

/** What the approve form re-renders with after a bad submission. */
export interface FormState {
  payerVpa: string
  errors: FieldErrors
}

type Fact = { label: string; value: string | Html; className?: string }

const fact = ({ label, value, className }: Fact): Html =>
  html`<div class="${['fact', className].filter(Boolean).join(' ')}"><dt>${label}</dt><dd>${value}</dd></div>`

const mandateOf = (screen: Screen): MandateTerms | null => (screen.attempt.setsUpMandate ? screen.order.mandate : null)

function chargedToday(order: Order): string {
  if (order.chargedTodayMinor === 0) return messages.nothingToday
  return messages.chargedToday(formatInr(order.chargedTodayMinor), order.metadata['auto_refund_post_success'] === 'true')
}

function payeeFacts({ merchant }: Screen): Fact[] {
  const f = messages.facts
  return [
    { label: f.payee, value: userText(merchant.name), className: 'fact--payee' },
    { label: f.payeeVpa, value: userText(merchant.upi.payeeVpa) },
  ]
}

function mandateFacts(screen: Screen, mandate: MandateTerms): Fact[] {
  const f = messages.facts
  const { order, merchant } = screen
  const max = formatInr(mandate.maxAmount.minor)
  const facts: Fact[] = [
    { label: f.maxAmount, value: messages.amountRule[mandate.amountRule](max), className: 'fact--amount' },
    { label: f.mandateName, value: userText(order.description ?? `${merchant.name} mandate`) },
    { label: f.frequency, value: describeSchedule(mandate) },
    { label: f.validity, value: messages.validity(formatIstDate(mandate.startDate), formatIstDate(mandate.endDate)) },
    { label: f.chargedToday, value: chargedToday(order) },
    { label: f.cancellation, value: mandate.revokableByCustomer ? messages.revocable : messages.notRevocable },
  ]
  if (mandate.frequency === 'ONETIME') {
    facts.push({ label: f.blockFunds, value: mandate.blockFunds ? messages.blocked(max) : messages.notBlocked })
  }
  return facts
}

function payFacts({ order }: Screen): Fact[] {
  const f = messages.facts
  const facts: Fact[] = [{ label: f.amount, value: formatInr(order.chargedTodayMinor), className: 'fact--amount' }]
  if (order.description) facts.push({ label: f.note, value: userText(order.description) })
  return facts
}

function stateFacts({ attempt }: Screen): Fact[] {
  const f = messages.facts
  const facts: Fact[] = []
  if (attempt.payerVpa !== null) facts.push({ label: f.payerVpa, value: userText(attempt.payerVpa) })
  if (attempt.status === 'pending') facts.push({ label: f.expires, value: messages.expiresAt(formatIstTime(attempt.expiresAt)) })
  return facts
}

function factList(screen: Screen): Html {
  const mandate = mandateOf(screen)
  const facts = [...payeeFacts(screen), ...(mandate ? mandateFacts(screen, mandate) : payFacts(screen)), ...stateFacts(screen)]
  return html`<dl class="facts" aria-label="${messages.facts.label}">${facts.map(fact)}</dl>`
}

const describedBy = (name: string, error: string | undefined): string =>
  error === undefined ? `${name}-hint` : `${name}-hint ${name}-error`

const fieldError = (name: string, error: string | undefined): Html | null =>
  error === undefined ? null : html`<p class="field-error" id="${name}-error">${error}</p>`

/** Attributes that mark a field invalid and focus the first invalid one. */
function invalidAttrs(field: FieldName, errors: FieldErrors): Html | null {
  if (errors[field] === undefined) return null
  const first = errors.payerVpa !== undefined ? 'payerVpa' : 'pin'
  return field === first ? html` aria-invalid="true" autofocus` : html` aria-invalid="true"`
}

function payerVpaField(screen: Screen, state: FormState): Html | null {
  if (screen.attempt.channel === 'collect' && screen.attempt.payerVpa !== null) return null
  const error = state.errors.payerVpa
  return html`<div class="field">
<label for="payer-vpa">${messages.form.payerVpaLabel}</label>
<p class="hint" id="payer-vpa-hint">${messages.form.payerVpaHint}</p>
<input id="payer-vpa" name="payer_vpa" type="text" inputmode="email" autocomplete="off" autocapitalize="none" spellcheck="false" value="${state.payerVpa}" aria-describedby="${describedBy('payer-vpa', error)}"${invalidAttrs('payerVpa', state.errors)}>
${fieldError('payer-vpa', error)}
</div>`
}

function pinField(state: FormState): Html {
  const error = state.errors.pin
  return html`<div class="field field--pin">
<label for="pin">${messages.form.pinLabel}</label>
<p class="hint" id="pin-hint">${messages.form.pinHint}</p>
<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="one-time-code" aria-describedby="${describedBy('pin', error)}"${invalidAttrs('pin', state.errors)}>
${fieldError('pin', error)}
</div>`
}

function decisionForms(screen: Screen, state: FormState): Html {
  const action = `${SIMULATOR_BASE}/${screen.token}`
  return html`<form class="approve" method="post" action="${action}/approve">
<input type="hidden" name="app" value="${screen.app}">
${payerVpaField(screen, state)}
${pinField(state)}
<button type="submit" class="button button--primary">${messages.form.approve}</button>
</form>
<form class="decline" method="post" action="${action}/decline">
<input type="hidden" name="app" value="${screen.app}">
<button type="submit" class="button button--secondary">${messages.form.decline}</button>
</form>`
}

function outcomeText({ attempt, merchant }: Screen): string | Html {
  if (attempt.status === 'succeeded') {
    const payee = userText(merchant.name)
    return attempt.setsUpMandate ? messages.result.mandateApproved(payee) : messages.result.payApproved(payee)
  }
  return attempt.failureReason ? messages.result.failure[attempt.failureReason] : messages.result.ended
}

/** The role=status region: the final state, and why nothing changed when a decision came too late. */
function statusRegion(screen: Screen, alreadyDecided: boolean): Html {
  const { status } = screen.attempt
  const title = messages.result.title[status]
  const body =
    status === 'pending'
      ? null
      : html`<p class="result-title">${title}</p>
<p>${outcomeText(screen)}</p>
${alreadyDecided ? html`<p class="result-note">${messages.result.alreadyDecided}</p>` : null}
<p>${messages.result.goBack}</p>`
  return html`<div role="status" class="result result--${status}">${body}</div>`
}

export interface ScreenOptions {
  form?: FormState
  /** A decision arrived for an attempt that had already ended (the 409 page). */
  alreadyDecided?: boolean
}

/** The request screen while pending (details + PIN form), the outcome once it has ended. */
export function renderScreen(screen: Screen, options: ScreenOptions = {}): Html {
  const heading = mandateOf(screen) ? messages.heading.mandate : messages.heading.pay
  const appName = payerAppName(screen.app)
  const pending = screen.attempt.status === 'pending'
  const form = options.form ?? { payerVpa: screen.attempt.payerVpa ?? defaultPayerVpa(screen.app), errors: {} }
  return layout(
    messages.documentTitle(heading, appName),
    html`<div class="app-bar"><span class="app-name">${appName}</span> <span class="app-tag">${messages.appTag}</span></div>
<h1>${heading}</h1>
${statusRegion(screen, options.alreadyDecided === true)}
${factList(screen)}
${pending ? decisionForms(screen, form) : null}`,
  )
}
