import { html } from 'hono/html'
import type { MandateTerms } from '../../../contract/mandate'
import type { BankAttempt, EnachAccount, NetbankingAttempt } from '../../domain/attempt'
import type { Order } from '../../domain/order'
import type { Merchant } from '../../merchants'
import { formatInr, formatIstDate } from '../upi-app/format'
import { describeSchedule } from '../upi-app/schedule-text'
import type { Echo, FieldErrors, FieldName } from './forms'
import { BANK_BASE, layout, userText, type Html } from './layout'
import { messages } from './messages'

/** One net banking attempt as the simulated bank shows it. */
export interface BankScreen {
  token: string
  order: Order
  attempt: NetbankingAttempt
  bank: BankAttempt
  merchant: Merchant
}

export interface ScreenOptions {
  errors?: FieldErrors
  echo?: Echo
  /** Why nothing changed (a late decision, a step out of turn), shown in the status region. */
  note?: string
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

const fact = ({ label, value, strong }: Fact): Html =>
  html`<div class="${strong === true ? 'fact fact--strong' : 'fact'}"><dt>${label}</dt><dd>${value}</dd></div>`

function chargedToday(order: Order): string {
  if (order.chargedTodayMinor === 0) return messages.nothingToday
  return messages.chargedToday(formatInr(order.chargedTodayMinor), order.metadata['auto_refund_post_success'] === 'true')
}

function accountFacts(bank: BankAttempt, account: EnachAccount): Fact[] {
  const f = messages.facts
  return [
    { label: f.account, value: account.masked },
    { label: f.holder, value: userText(account.holderName) },
    { label: f.ifsc, value: account.ifsc },
    { label: f.accountType, value: messages.accountType[account.accountType] },
    { label: f.bank, value: bank.bankName },
  ]
}

function mandateFacts({ order, merchant, bank }: BankScreen, mandate: MandateTerms, account: EnachAccount): Fact[] {
  const f = messages.facts
  const facts: Fact[] = [{ label: f.payee, value: userText(merchant.name), strong: true }]
  if (order.description) facts.push({ label: f.purpose, value: userText(order.description) })
  facts.push(
    { label: f.maxAmount, value: formatInr(mandate.maxAmount.minor), strong: true },
    { label: f.amountRule, value: messages.amountRule[mandate.amountRule] },
    { label: f.frequency, value: describeSchedule(mandate) },
    { label: f.startDate, value: formatIstDate(mandate.startDate) },
    { label: f.endDate, value: formatIstDate(mandate.endDate) },
    { label: f.chargedToday, value: chargedToday(order) },
    ...accountFacts(bank, account),
  )
  if (bank.umrn !== null) facts.push({ label: f.umrn, value: bank.umrn })
  return facts
}

function paymentFacts({ order, merchant, bank }: BankScreen): Fact[] {
  const f = messages.facts
  const facts: Fact[] = [
    { label: f.payee, value: userText(merchant.name), strong: true },
    { label: f.amount, value: formatInr(order.chargedTodayMinor), strong: true },
  ]
  if (order.description) facts.push({ label: f.purpose, value: userText(order.description) })
  facts.push({ label: f.bank, value: bank.bankName })
  return facts
}

export function factList(screen: BankScreen): Html {
  const kind = kindOf(screen.bank)
  const mandate = screen.order.mandate
  const account = screen.bank.account
  const facts = mandate && account ? mandateFacts(screen, mandate, account) : paymentFacts(screen)
  return html`<dl class="facts" aria-label="${messages.facts.label[kind]}">${facts.map(fact)}</dl>`
}

/** "NPCI eMandate" (or a plain payment) and where the customer is in its three steps. */
function stepHeader(bank: BankAttempt, withStep: boolean): Html {
  const kind = kindOf(bank)
  const names = messages.stepName
  const step =
    bank.step === 'credentials'
      ? messages.stepOf(1, 3, names.credentials[bank.authMode])
      : bank.step === 'otp'
        ? messages.stepOf(2, 3, names.otp)
        : messages.stepOf(3, 3, names.consent[kind])
  return html`<p class="step-header"><span class="step-flow">${messages.flow[kind]}</span>${withStep ? html` <span>${step}</span>` : null}</p>`
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

function input(spec: FieldSpec, errors: FieldErrors, first: FieldName | undefined): Html {
  const error = errors[spec.field]
  const ids = [spec.hint === null ? null : `${spec.id}-hint`, error === undefined ? null : `${spec.id}-error`]
  const describedBy = ids.filter(Boolean).join(' ')
  const invalid = error === undefined ? null : spec.field === first ? html` aria-invalid="true" autofocus` : html` aria-invalid="true"`
  return html`<div class="field">
<label for="${spec.id}">${spec.label}</label>
${spec.hint === null ? null : html`<p class="hint" id="${spec.id}-hint">${spec.hint}</p>`}
<input id="${spec.id}" name="${spec.name}" type="${spec.type}"${spec.numeric ? html` inputmode="numeric"` : null} autocomplete="${spec.autocomplete}" spellcheck="false"${spec.value === undefined ? null : html` value="${spec.value}"`}${describedBy === '' ? null : html` aria-describedby="${describedBy}"`}${invalid}>
${error === undefined ? null : html`<p class="field-error" id="${spec.id}-error">${error}</p>`}
</div>`
}

function fields(specs: FieldSpec[], errors: FieldErrors): Html[] {
  const first = specs.map((s) => s.field).find((name) => errors[name] !== undefined)
  return specs.map((spec) => input(spec, errors, first))
}

type SpecInput = Omit<FieldSpec, 'numeric' | 'hint' | 'value'> & Partial<Pick<FieldSpec, 'numeric' | 'hint' | 'value'>>
const spec = (input: SpecInput): FieldSpec => ({ numeric: false, hint: null, value: undefined, ...input })

/** The first step's fields per auth mode; only the user ID and expiry are ever shown again. */
function credentialSpecs(bank: BankAttempt, echo: Echo): FieldSpec[] {
  const f = messages.form
  switch (bank.authMode) {
    case 'netbanking':
      return [
        spec({ id: 'user-id', name: 'user_id', field: 'userId', label: f.userIdLabel, type: 'text', autocomplete: 'username', value: echo.userId ?? '' }),
        spec({ id: 'password', name: 'password', field: 'password', label: f.passwordLabel, type: 'password', autocomplete: 'current-password' }),
      ]
    case 'debit_card':
      return [
        spec({ id: 'card-number', name: 'card_number', field: 'cardNumber', label: f.cardNumberLabel, hint: f.cardNumberHint, type: 'text', numeric: true, autocomplete: 'cc-number' }),
        spec({ id: 'expiry', name: 'expiry', field: 'expiry', label: f.expiryLabel, hint: f.expiryHint, type: 'text', numeric: true, autocomplete: 'cc-exp', value: echo.expiry ?? '' }),
      ]
    case 'aadhaar':
      return [spec({ id: 'aadhaar', name: 'aadhaar', field: 'aadhaar', label: f.aadhaarLabel, hint: f.aadhaarHint, type: 'text', numeric: true, autocomplete: 'off' })]
  }
}

const action = (screen: BankScreen, step: string): string => `${BANK_BASE}/${screen.token}/${step}`

const cancelLink = (screen: BankScreen): Html =>
  html`<p><a class="link" href="${checkoutPath(screen.order)}">${messages.form.cancel}</a></p>`

function credentialsBody(screen: BankScreen, options: ScreenOptions): Html {
  const submit = screen.bank.authMode === 'netbanking' ? messages.form.login : messages.form.continue
  return html`<form method="post" action="${action(screen, 'credentials')}" novalidate>
${fields(credentialSpecs(screen.bank, options.echo ?? {}), options.errors ?? {})}
<button type="submit" class="button button--primary">${submit}</button>
</form>
${cancelLink(screen)}`
}

function otpBody(screen: BankScreen, options: ScreenOptions): Html {
  const otp = spec({
    id: 'otp',
    name: 'otp',
    field: 'otp',
    label: messages.form.otpLabel,
    hint: messages.form.otpHint[screen.bank.authMode],
    type: 'text',
    numeric: true,
    autocomplete: 'one-time-code',
  })
  return html`<form method="post" action="${action(screen, 'otp')}" novalidate>
${fields([otp], options.errors ?? {})}
<button type="submit" class="button button--primary">${messages.form.verifyOtp}</button>
</form>
${cancelLink(screen)}`
}

function consentBody(screen: BankScreen): Html {
  const submit =
    kindOf(screen.bank) === 'mandate' ? messages.form.authorise : messages.form.confirmPayment(formatInr(screen.order.chargedTodayMinor))
  return html`${factList(screen)}
<form method="post" action="${action(screen, 'authorise')}">
<button type="submit" class="button button--primary">${submit}</button>
</form>
<form method="post" action="${action(screen, 'decline')}">
<button type="submit" class="button button--secondary">${messages.form.decline}</button>
</form>
${cancelLink(screen)}`
}

function outcome(screen: BankScreen): { title: string; text: string | Html } {
  const { attempt, bank, merchant, order } = screen
  const t = messages.result.title
  const payee = userText(merchant.name)
  switch (attempt.status) {
    case 'pending':
      return { title: t.awaitingBank, text: messages.result.awaitingBank }
    case 'succeeded':
      return bank.account
        ? { title: t.mandateRegistered, text: messages.result.mandateRegistered(payee) }
        : { title: t.paid, text: messages.result.paid(payee, formatInr(order.chargedTodayMinor)) }
    case 'failed':
    case 'expired':
    case 'cancelled': {
      const text = attempt.failureReason ? messages.result.failure[attempt.failureReason] : messages.result.ended
      return { title: attempt.status === 'failed' ? t.failed : t[attempt.status], text }
    }
  }
}

const noteLine = (note: string | undefined): Html | null => (note === undefined ? null : html`<p class="result-note">${note}</p>`)

function statusBody(screen: BankScreen, note: string | undefined): Html {
  const { title, text } = outcome(screen)
  return html`<div role="status" class="result result--${screen.attempt.status}"><p class="result-title">${title}</p>
<p>${text}</p>
${noteLine(note)}</div>
${factList(screen)}
${registeredMandate(screen) ? html`<p><a class="link" href="${mandatePath(screen.token)}">${messages.mandate.manage}</a></p>` : null}
<p><a class="link" href="${checkoutPath(screen.order)}">${messages.result.returnToMerchant}</a></p>`
}

const waitingAtBank = ({ attempt, bank }: BankScreen): boolean => attempt.status !== 'pending' || bank.stage === 'awaiting_bank'

function heading(screen: BankScreen): string {
  const kind = kindOf(screen.bank)
  if (waitingAtBank(screen)) return messages.heading.status[kind]
  if (screen.bank.step === 'credentials') return messages.heading.credentials[screen.bank.authMode]
  return screen.bank.step === 'otp' ? messages.heading.otp : messages.heading.consent[kind]
}

function stepBody(screen: BankScreen, options: ScreenOptions): Html {
  const note = html`<div role="status" class="result result--pending">${noteLine(options.note)}</div>`
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
  const title = heading(screen)
  const done = waitingAtBank(screen)
  return layout(
    messages.documentTitle(title, screen.bank.bankName),
    screen.bank.bankName,
    html`<div class="bank-bar"><span class="bank-name">${screen.bank.bankName}</span> <span class="bank-tag">${messages.bankTag}</span></div>
${stepHeader(screen.bank, !done)}
<h1>${title}</h1>
${done ? statusBody(screen, options.note) : stepBody(screen, options)}`,
  )
}
