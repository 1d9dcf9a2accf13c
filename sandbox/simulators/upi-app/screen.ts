import { html } from 'hono/html'
import type { MandateTerms } from '../../../contract/mandate'
import type { UpiAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'
import { formatInr, formatIstDate, formatIstTime } from '../i18n/format'
import { keepLanguage, languageLinks, type Language } from '../i18n/language'
import { describeSchedule } from '../schedule/schedule-text'
import type { FieldErrors, FieldName } from './approval-form'
import { layout, SIMULATOR_BASE, userText, type Html } from './layout'
import type { UpiAppText } from './messages'
import { defaultPayerVpa, payerAppName, type PayerApp } from './payer-apps'

/** One attempt as the simulated app shows it. */
export interface Screen {
  token: string
  app: PayerApp
  order: Order
  attempt: UpiAttempt
  merchant: Merchant
  /** The screen's language, and whether the customer picked it here. */
  language: Language
  t: UpiAppText
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

/** An amount, kept left to right inside a right-to-left sentence. */
const amount = (t: UpiAppText, minor: number): string | Html => t.leftToRight(formatInr(minor))

function chargedToday({ t, order }: Screen): string | Html {
  if (order.chargedTodayMinor === 0) return t.text('nothingToday')
  const today = amount(t, order.chargedTodayMinor)
  return order.metadata['auto_refund_post_success'] === 'true' ? t.html('chargedTodayRefunded', { amount: today }) : today
}

function payeeFacts({ t, merchant }: Screen): Fact[] {
  return [
    { label: t.text('facts.payee'), value: userText(merchant.name), className: 'fact--payee' },
    { label: t.text('facts.payeeVpa'), value: userText(merchant.upi.payeeVpa) },
  ]
}

function mandateFacts(screen: Screen, mandate: MandateTerms): Fact[] {
  const { t, order, merchant } = screen
  const { locale } = t
  const max = amount(t, mandate.maxAmount.minor)
  const name = order.description ? userText(order.description) : t.html('mandateName', { merchant: userText(merchant.name) })
  const validity = t.text('validity', { start: formatIstDate(mandate.startDate, locale), end: formatIstDate(mandate.endDate, locale) })
  const facts: Fact[] = [
    { label: t.text('facts.maxAmount'), value: t.html(`amountRule.${mandate.amountRule}`, { amount: max }), className: 'fact--amount' },
    { label: t.text('facts.mandateName'), value: name },
    { label: t.text('facts.frequency'), value: describeSchedule(mandate, locale) },
    { label: t.text('facts.validity'), value: validity },
    { label: t.text('facts.chargedToday'), value: chargedToday(screen) },
    { label: t.text('facts.cancellation'), value: t.text(mandate.revokableByCustomer ? 'revocable' : 'notRevocable') },
  ]
  if (mandate.frequency === 'ONETIME') {
    facts.push({ label: t.text('facts.blockFunds'), value: mandate.blockFunds ? t.html('blocked', { amount: max }) : t.text('notBlocked') })
  }
  return facts
}

function payFacts({ t, order }: Screen): Fact[] {
  const facts: Fact[] = [{ label: t.text('facts.amount'), value: amount(t, order.chargedTodayMinor), className: 'fact--amount' }]
  if (order.description) facts.push({ label: t.text('facts.note'), value: userText(order.description) })
  return facts
}

function stateFacts({ t, attempt }: Screen): Fact[] {
  const facts: Fact[] = []
  if (attempt.payerVpa !== null) facts.push({ label: t.text('facts.payerVpa'), value: userText(attempt.payerVpa) })
  if (attempt.status === 'pending') {
    const time = t.leftToRight(formatIstTime(attempt.expiresAt, t.locale))
    facts.push({ label: t.text('facts.expires'), value: t.html('expiresAt', { time }) })
  }
  return facts
}

function factList(screen: Screen): Html {
  const mandate = mandateOf(screen)
  const facts = [...payeeFacts(screen), ...(mandate ? mandateFacts(screen, mandate) : payFacts(screen)), ...stateFacts(screen)]
  return html`<dl class="facts" aria-label="${screen.t.text('facts.label')}">${facts.map(fact)}</dl>`
}

const describedBy = (name: string, error: string | undefined): string =>
  error === undefined ? `${name}-hint` : `${name}-hint ${name}-error`

const fieldError = (t: UpiAppText, name: string, error: FieldErrors[FieldName]): Html | null =>
  error === undefined ? null : html`<p class="field-error" id="${name}-error">${t.text(error)}</p>`

/** Attributes that mark a field invalid and focus the first invalid one. */
function invalidAttrs(field: FieldName, errors: FieldErrors): Html | null {
  if (errors[field] === undefined) return null
  const first = errors.payerVpa !== undefined ? 'payerVpa' : 'pin'
  return field === first ? html` aria-invalid="true" autofocus` : html` aria-invalid="true"`
}

function payerVpaField(screen: Screen, state: FormState): Html | null {
  if (screen.attempt.channel === 'collect' && screen.attempt.payerVpa !== null) return null
  const { t } = screen
  const error = state.errors.payerVpa
  return html`<div class="field">
<label for="payer-vpa">${t.text('form.payerVpaLabel')}</label>
<p class="hint" id="payer-vpa-hint">${t.text('form.payerVpaHint')}</p>
<input id="payer-vpa" name="payer_vpa" type="text" inputmode="email" autocomplete="off" autocapitalize="none" spellcheck="false" value="${state.payerVpa}" aria-describedby="${describedBy('payer-vpa', error)}"${invalidAttrs('payerVpa', state.errors)}>
${fieldError(t, 'payer-vpa', error)}
</div>`
}

function pinField(t: UpiAppText, state: FormState): Html {
  const error = state.errors.pin
  return html`<div class="field field--pin">
<label for="pin">${t.text('form.pinLabel')}</label>
<p class="hint" id="pin-hint">${t.text('form.pinHint')}</p>
<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="one-time-code" aria-describedby="${describedBy('pin', error)}"${invalidAttrs('pin', state.errors)}>
${fieldError(t, 'pin', error)}
</div>`
}

function decisionForms(screen: Screen, state: FormState): Html {
  const { t, language } = screen
  const action = (decision: string) => keepLanguage(`${SIMULATOR_BASE}/${screen.token}/${decision}`, language.chosen)
  return html`<form class="approve" method="post" action="${action('approve')}">
<input type="hidden" name="app" value="${screen.app}">
${payerVpaField(screen, state)}
${pinField(t, state)}
<button type="submit" class="button button--primary">${t.text('form.approve')}</button>
</form>
<form class="decline" method="post" action="${action('decline')}">
<input type="hidden" name="app" value="${screen.app}">
<button type="submit" class="button button--secondary">${t.text('form.decline')}</button>
</form>`
}

function outcomeText({ t, attempt, merchant }: Screen): string | Html {
  if (attempt.status === 'succeeded') {
    const payee = userText(merchant.name)
    return t.html(attempt.setsUpMandate ? 'result.mandateApproved' : 'result.payApproved', { payee })
  }
  return t.text(attempt.failureReason ? `result.failure.${attempt.failureReason}` : 'result.ended')
}

/** The role=status region: the final state, and why nothing changed when a decision came too late. */
function statusRegion(screen: Screen, alreadyDecided: boolean): Html {
  const { t } = screen
  const { status } = screen.attempt
  const title = t.text(`result.title.${status}`)
  const body =
    status === 'pending'
      ? null
      : html`<p class="result-title">${title}</p>
<p>${outcomeText(screen)}</p>
${alreadyDecided ? html`<p class="result-note">${t.text('result.alreadyDecided')}</p>` : null}
<p>${t.text('result.goBack')}</p>`
  return html`<div role="status" class="result result--${status}">${body}</div>`
}

export interface ScreenOptions {
  form?: FormState
  /** A decision arrived for an attempt that had already ended (the 409 page). */
  alreadyDecided?: boolean
}

/** The request screen while pending (details + PIN form), the outcome once it has ended. */
export function renderScreen(screen: Screen, options: ScreenOptions = {}): Html {
  const { t } = screen
  const heading = t.text(mandateOf(screen) ? 'heading.mandate' : 'heading.pay')
  const appName = payerAppName(screen.app, t.text('otherApp'))
  const pending = screen.attempt.status === 'pending'
  const form = options.form ?? { payerVpa: screen.attempt.payerVpa ?? defaultPayerVpa(screen.app), errors: {} }
  const languages = languageLinks(t.locale, (locale) => keepLanguage(screenPath(screen.token, screen.app), locale))
  return layout(
    t,
    t.text('documentTitle', { heading, app: appName }),
    html`<div class="app-bar"><span class="app-name">${appName}</span> <span class="app-tag">${t.text('appTag')}</span></div>
<h1>${heading}</h1>
${statusRegion(screen, options.alreadyDecided === true)}
${factList(screen)}
${pending ? decisionForms(screen, form) : null}`,
    languages,
  )
}

/** The request's own page for this app (what a decision redirects to and the language links open). */
export const screenPath = (token: string, app: PayerApp): string => `${SIMULATOR_BASE}/${token}?app=${app}`
