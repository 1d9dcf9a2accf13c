import { html } from 'hono/html'
import type { MandateTerms } from '../../../contract/mandate'
import type { BankAttempt, EnachAccount, NetbankingAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'
import { formatInr, formatIstDate } from '../i18n/format'
import { keepLanguage, languageLinks, type Language } from '../i18n/language'
import { describeSchedule } from '../schedule/schedule-text'
import type { Echo, FieldName } from './forms'
import { BANK_BASE, layout, userText, type Html } from './layout'
import type { BankKey, BankText } from './messages'

/** One net banking attempt as the simulated bank shows it. */
export interface BankScreen {
  token: string
  order: Order
  attempt: NetbankingAttempt
  bank: BankAttempt
  merchant: Merchant
  /** The screen's language, and whether the customer picked it here. */
  language: Language
  t: BankText
}

/** A field's message as shown: a catalog key, or text already worded (the OTP attempts left). */
export type ShownErrors = Partial<Record<FieldName, BankKey | { text: string }>>

export interface ScreenOptions {
  errors?: ShownErrors
  echo?: Echo
  /** Why nothing changed (a late decision, a step out of turn), shown in the status region. */
  note?: 'result.alreadyDecided' | 'result.outOfStep'
}

type Kind = 'mandate' | 'payment'
type Fact = { label: string; value: string | Html; strong?: boolean }

const kindOf = (bank: BankAttempt): Kind => (bank.account ? 'mandate' : 'payment')

/** The registered eMandate's own page at the bank, under the token of the attempt that registered it. */
export const mandatePath = (token: string): string => `${BANK_BASE}/${token}/mandate`

/** The attempt registered the order's eMandate, which the customer may now see and cancel at the bank. */
export const registeredMandate = ({ attempt, bank, order }: BankScreen): boolean =>
  attempt.status === 'succeeded' && attempt.setsUpMandate && bank.account !== null && order.mandateId !== null

/** Where every way out of the bank leads: the checkout page, which works for every session by its page id. */
export const checkoutPath = (order: Order): string => `/orders/${order.id}/payment-page`

/** The screen's own page (where a step redirects and the language links lead). */
export const screenPath = (token: string): string => `${BANK_BASE}/${token}`

const fact = ({ label, value, strong }: Fact): Html =>
  html`<div class="${strong === true ? 'fact fact--strong' : 'fact'}"><dt>${label}</dt><dd>${value}</dd></div>`

/** An amount, kept left to right inside a right-to-left sentence. */
const amount = (t: BankText, minor: number): string | Html => t.leftToRight(formatInr(minor))

function chargedToday(t: BankText, order: Order): string | Html {
  if (order.chargedTodayMinor === 0) return t.text('nothingToday')
  const today = amount(t, order.chargedTodayMinor)
  return order.metadata['auto_refund_post_success'] === 'true' ? t.html('chargedTodayRefunded', { amount: today }) : today
}

function accountFacts(t: BankText, bank: BankAttempt, account: EnachAccount): Fact[] {
  return [
    { label: t.text('facts.account'), value: t.leftToRight(account.masked) },
    { label: t.text('facts.holder'), value: userText(account.holderName) },
    { label: t.text('facts.ifsc'), value: t.leftToRight(account.ifsc) },
    { label: t.text('facts.accountType'), value: t.text(`accountType.${account.accountType}`) },
    { label: t.text('facts.bank'), value: bank.bankName },
  ]
}

function mandateFacts({ t, order, merchant, bank }: BankScreen, mandate: MandateTerms, account: EnachAccount): Fact[] {
  const { locale } = t
  const facts: Fact[] = [{ label: t.text('facts.payee'), value: userText(merchant.name), strong: true }]
  if (order.description) facts.push({ label: t.text('facts.purpose'), value: userText(order.description) })
  facts.push(
    { label: t.text('facts.maxAmount'), value: amount(t, mandate.maxAmount.minor), strong: true },
    { label: t.text('facts.amountRule'), value: t.text(`amountRule.${mandate.amountRule}`) },
    { label: t.text('facts.frequency'), value: describeSchedule(mandate, locale) },
    { label: t.text('facts.startDate'), value: formatIstDate(mandate.startDate, locale) },
    { label: t.text('facts.endDate'), value: formatIstDate(mandate.endDate, locale) },
    { label: t.text('facts.chargedToday'), value: chargedToday(t, order) },
    ...accountFacts(t, bank, account),
  )
  if (bank.umrn !== null) facts.push({ label: t.text('facts.umrn'), value: t.leftToRight(bank.umrn) })
  return facts
}

function paymentFacts({ t, order, merchant, bank }: BankScreen): Fact[] {
  const facts: Fact[] = [
    { label: t.text('facts.payee'), value: userText(merchant.name), strong: true },
    { label: t.text('facts.amount'), value: amount(t, order.chargedTodayMinor), strong: true },
  ]
  if (order.description) facts.push({ label: t.text('facts.purpose'), value: userText(order.description) })
  facts.push({ label: t.text('facts.bank'), value: bank.bankName })
  return facts
}

export function factList(screen: BankScreen): Html {
  const kind = kindOf(screen.bank)
  const mandate = screen.order.mandate
  const account = screen.bank.account
  const facts = mandate && account ? mandateFacts(screen, mandate, account) : paymentFacts(screen)
  return html`<dl class="facts" aria-label="${screen.t.text(`facts.label.${kind}`)}">${facts.map(fact)}</dl>`
}

/** "NPCI eMandate" (or a plain payment) and where the customer is in its three steps. */
function stepHeader(t: BankText, bank: BankAttempt, withStep: boolean): Html {
  const kind = kindOf(bank)
  const [n, name] =
    bank.step === 'credentials'
      ? [1, t.text(`stepName.credentials.${bank.authMode}`)]
      : bank.step === 'otp'
        ? [2, t.text('stepName.otp')]
        : [3, t.text(`stepName.consent.${kind}`)]
  const step = t.text('stepOf', { n, total: 3, name })
  return html`<p class="step-header"><span class="step-flow">${t.text(`flow.${kind}`)}</span>${withStep ? html` <span>${step}</span>` : null}</p>`
}

interface FieldSpec {
  id: string
  name: string
  field: FieldName
  label: string
  hint: string | null
  type: 'text' | 'password'
  numeric: boolean
  autocomplete: string
  value: string | undefined
}

const errorText = (t: BankText, error: BankKey | { text: string }): string => (typeof error === 'string' ? t.text(error) : error.text)

function input(t: BankText, spec: FieldSpec, errors: ShownErrors, first: FieldName | undefined): Html {
  const error = errors[spec.field]
  const ids = [spec.hint === null ? null : `${spec.id}-hint`, error === undefined ? null : `${spec.id}-error`]
  const describedBy = ids.filter(Boolean).join(' ')
  const invalid = error === undefined ? null : spec.field === first ? html` aria-invalid="true" autofocus` : html` aria-invalid="true"`
  return html`<div class="field">
<label for="${spec.id}">${spec.label}</label>
${spec.hint === null ? null : html`<p class="hint" id="${spec.id}-hint">${spec.hint}</p>`}
<input id="${spec.id}" name="${spec.name}" type="${spec.type}"${spec.numeric ? html` inputmode="numeric"` : null} autocomplete="${spec.autocomplete}" spellcheck="false"${spec.value === undefined ? null : html` value="${spec.value}"`}${describedBy === '' ? null : html` aria-describedby="${describedBy}"`}${invalid}>
${error === undefined ? null : html`<p class="field-error" id="${spec.id}-error">${errorText(t, error)}</p>`}
</div>`
}

function fields(t: BankText, specs: FieldSpec[], errors: ShownErrors): Html[] {
  const first = specs.map((s) => s.field).find((name) => errors[name] !== undefined)
  return specs.map((spec) => input(t, spec, errors, first))
}

type SpecInput = Omit<FieldSpec, 'numeric' | 'hint' | 'value'> & Partial<Pick<FieldSpec, 'numeric' | 'hint' | 'value'>>
const spec = (input: SpecInput): FieldSpec => ({ numeric: false, hint: null, value: undefined, ...input })

/** The first step's fields per auth mode; only the user ID and expiry are ever shown again. */
function credentialSpecs(t: BankText, bank: BankAttempt, echo: Echo): FieldSpec[] {
  switch (bank.authMode) {
    case 'netbanking':
      return [
        spec({ id: 'user-id', name: 'user_id', field: 'userId', label: t.text('form.userIdLabel'), type: 'text', autocomplete: 'username', value: echo.userId ?? '' }),
        spec({ id: 'password', name: 'password', field: 'password', label: t.text('form.passwordLabel'), type: 'password', autocomplete: 'current-password' }),
      ]
    case 'debit_card':
      return [
        spec({ id: 'card-number', name: 'card_number', field: 'cardNumber', label: t.text('form.cardNumberLabel'), hint: t.text('form.cardNumberHint'), type: 'text', numeric: true, autocomplete: 'cc-number' }),
        spec({ id: 'expiry', name: 'expiry', field: 'expiry', label: t.text('form.expiryLabel'), hint: t.text('form.expiryHint'), type: 'text', numeric: true, autocomplete: 'cc-exp', value: echo.expiry ?? '' }),
      ]
    case 'aadhaar':
      return [spec({ id: 'aadhaar', name: 'aadhaar', field: 'aadhaar', label: t.text('form.aadhaarLabel'), hint: t.text('form.aadhaarHint'), type: 'text', numeric: true, autocomplete: 'off' })]
  }
}

const action = (screen: BankScreen, step: string): string => keepLanguage(`${screenPath(screen.token)}/${step}`, screen.language.chosen)

const cancelLink = (screen: BankScreen): Html =>
  html`<p><a class="link" href="${checkoutPath(screen.order)}">${screen.t.text('form.cancel')}</a></p>`

function credentialsBody(screen: BankScreen, options: ScreenOptions): Html {
  const { t } = screen
  const submit = t.text(screen.bank.authMode === 'netbanking' ? 'form.login' : 'form.continue')
  return html`<form method="post" action="${action(screen, 'credentials')}" novalidate>
${fields(t, credentialSpecs(t, screen.bank, options.echo ?? {}), options.errors ?? {})}
<button type="submit" class="button button--primary">${submit}</button>
</form>
${cancelLink(screen)}`
}

function otpBody(screen: BankScreen, options: ScreenOptions): Html {
  const { t } = screen
  const otp = spec({
    id: 'otp',
    name: 'otp',
    field: 'otp',
    label: t.text('form.otpLabel'),
    hint: t.text(`form.otpHint.${screen.bank.authMode}`),
    type: 'text',
    numeric: true,
    autocomplete: 'one-time-code',
  })
  return html`<form method="post" action="${action(screen, 'otp')}" novalidate>
${fields(t, [otp], options.errors ?? {})}
<button type="submit" class="button button--primary">${t.text('form.verifyOtp')}</button>
</form>
${cancelLink(screen)}`
}

function consentBody(screen: BankScreen): Html {
  const { t } = screen
  const submit =
    kindOf(screen.bank) === 'mandate' ? t.text('form.authorise') : t.html('form.confirmPayment', { amount: amount(t, screen.order.chargedTodayMinor) })
  return html`${factList(screen)}
<form method="post" action="${action(screen, 'authorise')}">
<button type="submit" class="button button--primary">${submit}</button>
</form>
<form method="post" action="${action(screen, 'decline')}">
<button type="submit" class="button button--secondary">${t.text('form.decline')}</button>
</form>
${cancelLink(screen)}`
}

function outcome(screen: BankScreen): { title: string; text: string | Html } {
  const { t, attempt, bank, merchant, order } = screen
  const payee = userText(merchant.name)
  switch (attempt.status) {
    case 'pending':
      return { title: t.text('result.title.awaitingBank'), text: t.text('result.awaitingBank') }
    case 'succeeded':
      return bank.account
        ? { title: t.text('result.title.mandateRegistered'), text: t.html('result.mandateRegistered', { payee }) }
        : { title: t.text('result.title.paid'), text: t.html('result.paid', { payee, amount: amount(t, order.chargedTodayMinor) }) }
    case 'failed':
    case 'expired':
    case 'cancelled': {
      const text = t.text(attempt.failureReason ? `result.failure.${attempt.failureReason}` : 'result.ended')
      return { title: t.text(`result.title.${attempt.status}`), text }
    }
  }
}

const noteLine = (t: BankText, note: ScreenOptions['note']): Html | null =>
  note === undefined ? null : html`<p class="result-note">${t.text(note)}</p>`

function statusBody(screen: BankScreen, note: ScreenOptions['note']): Html {
  const { title, text } = outcome(screen)
  return html`<div role="status" class="result result--${screen.attempt.status}"><p class="result-title">${title}</p>
<p>${text}</p>
${noteLine(screen.t, note)}</div>
${factList(screen)}
${registeredMandate(screen) ? html`<p><a class="link" href="${keepLanguage(mandatePath(screen.token), screen.language.chosen)}">${screen.t.text('mandate.manage')}</a></p>` : null}
<p><a class="link" href="${checkoutPath(screen.order)}">${screen.t.text('result.returnToMerchant')}</a></p>`
}

const waitingAtBank = ({ attempt, bank }: BankScreen): boolean => attempt.status !== 'pending' || bank.stage === 'awaiting_bank'

function heading(screen: BankScreen): string {
  const { t } = screen
  const kind = kindOf(screen.bank)
  if (waitingAtBank(screen)) return t.text(`heading.status.${kind}`)
  if (screen.bank.step === 'credentials') return t.text(`heading.credentials.${screen.bank.authMode}`)
  return t.text(screen.bank.step === 'otp' ? 'heading.otp' : `heading.consent.${kind}`)
}

function stepBody(screen: BankScreen, options: ScreenOptions): Html {
  const note = html`<div role="status" class="result result--pending">${noteLine(screen.t, options.note)}</div>`
  const body =
    screen.bank.step === 'credentials'
      ? credentialsBody(screen, options)
      : screen.bank.step === 'otp'
        ? otpBody(screen, options)
        : consentBody(screen)
  return html`${note}
${body}`
}

/** The step the customer is on while pending, or how the attempt stands once authorised or ended. */
export function renderScreen(screen: BankScreen, options: ScreenOptions = {}): Html {
  const { t } = screen
  const title = heading(screen)
  const done = waitingAtBank(screen)
  const languages = languageLinks(t.locale, (locale) => keepLanguage(screenPath(screen.token), locale))
  return layout(
    t,
    t.text('documentTitle', { heading: title, bank: screen.bank.bankName }),
    screen.bank.bankName,
    html`<div class="bank-bar"><span class="bank-name">${screen.bank.bankName}</span> <span class="bank-tag">${t.text('bankTag')}</span></div>
${stepHeader(t, screen.bank, !done)}
<h1>${title}</h1>
${done ? statusBody(screen, options.note) : stepBody(screen, options)}`,
    languages,
  )
}
