import { expect, type FrameLocator, type Locator, type Page, type Request } from '@playwright/test'
import { signedParams, verifyReturnSignature, type SignedReturn } from '../signature'
import { BankPage } from './bank'
import { EnachForm } from './enach-form'
import { UpiAppPage } from './upi-app'

export type Rail = 'upi' | 'enach'
export type Outcome = 'success' | 'failure' | 'pending'
export type UpiChannel = 'intent' | 'qr' | 'collect'

/** What the customer does in the simulated UPI app. */
export interface UpiAppOptions {
  decision?: 'approve' | 'decline'
  /** Any 4- or 6-digit UPI PIN approves. */
  pin?: string
}

export interface EnachDetails {
  /** The bank as the form lists it, e.g. `HDFC Bank`, `State Bank of India`. */
  bank: string
  mode?: 'netbanking' | 'debit_card' | 'aadhaar'
  /** The account number: one of MAGIC_ACCOUNTS picks the bank's answer; any other valid number is approved. */
  account: string
  ifsc: string
  holder: string
  type?: 'Savings' | 'Current' | 'Cash credit' | 'Other'
  /** What the customer does on the bank's last step. */
  decision?: 'authorise' | 'decline'
}

/** The page's headings for each outcome, in English (waiting is a level-two heading on the collect screen). */
const OUTCOME_HEADINGS: Record<Outcome, RegExp> = {
  success: /^(AutoPay is set up|Payment successful|eNACH mandate registered)$/,
  failure: /^(AutoPay was not set up|The eNACH mandate was not registered|The payment did not go through|This payment could not be completed)$/,
  pending: /^(Waiting for your approval|Awaiting bank confirmation)$/,
}

const CHANNEL_HEADINGS: Record<UpiChannel, string> = {
  intent: 'Choose your UPI app',
  qr: 'Scan the QR code',
  collect: 'Pay with your UPI ID',
}

/** The "Pay another way" button that switches to each channel. */
const CHANNEL_SWITCH: Record<UpiChannel, string> = {
  intent: 'Pay with a UPI app',
  qr: 'Scan a QR code',
  collect: 'Enter a UPI ID',
}

const RAIL_OPTION: Record<Rail, RegExp> = {
  upi: /^UPI( AutoPay)?$/,
  enach: /^(eNACH \(bank account mandate\)|Net banking)$/,
}

const MODE_LABEL = { netbanking: 'Net banking', debit_card: 'Debit card', aadhaar: 'Aadhaar' } as const

/** How long the sandbox may take to decide (a magic VPA decides after about 1.5 s). */
const OUTCOME_TIMEOUT_MS = 15_000

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A navigation that carries a signed return: Juspay's `signature` with `signature_algorithm`. */
const isSignedReturn = (request: Request): boolean => {
  if (!request.isNavigationRequest()) return false
  const params = new URL(request.url()).searchParams
  return params.has('signature') && params.has('signature_algorithm')
}

/** The signed query the merchant gets back, read and verifiable. */
export class ReturnParams {
  readonly params: Readonly<Record<string, string>>

  /** From the return URL, its query, or an embedded checkout's `completed` result. */
  constructor(source: SignedReturn) {
    this.params = Object.fromEntries(signedParams(source).entries())
  }

  get orderId(): string | undefined {
    return this.params['order_id']
  }

  get status(): string | undefined {
    return this.params['status']
  }

  get statusId(): number | undefined {
    const id = this.params['status_id']
    return id === undefined ? undefined : Number(id)
  }

  /** True when the signature is the response key's, computed as Juspay documents it. */
  verifySignature(responseKey: string): boolean {
    return verifyReturnSignature(this.params, responseKey)
  }
}

/**
 * The hosted checkout page, the simulated UPI app and the simulated bank, driven as a customer
 * drives them: by roles, labels and the English text on screen. In a window of its own, or inside
 * a merchant's frame (`inFrame`).
 */
export class Checkout {
  private readonly returns: string[] = []

  constructor(
    readonly page: Page,
    private readonly root: Page | FrameLocator = page,
  ) {
    if (root === page) page.on('request', (request) => { if (isSignedReturn(request)) this.returns.push(request.url()) })
  }

  /** The same page objects on a checkout embedded in the merchant's page, e.g. `page.frameLocator('#checkout iframe')`. */
  inFrame(frame: FrameLocator): Checkout {
    return new Checkout(this.page, frame)
  }

  private get framed(): boolean {
    return this.root !== this.page
  }

  private heading(name: string | RegExp): Locator {
    return this.root.getByRole('heading', { level: 1, name })
  }

  /** Opens a payment link (`payment_links.web`, or a checkout session's `url`). */
  async open(url: string): Promise<void> {
    if (this.framed) throw new Error('An embedded checkout is opened by its host page: open the host, then call inFrame().')
    await this.page.goto(url)
  }

  /**
   * Picks the rail among the payment options and continues. A session that opens on the eNACH form
   * (Juspay `action: "enach"`) is already there.
   */
  async chooseRail(rail: Rail): Promise<void> {
    const ready = this.heading('Review and pay')
    const enachForm = new EnachForm(this.root).heading
    await expect(ready.or(enachForm)).toBeVisible()
    if (rail === 'enach' && (await enachForm.isVisible())) return
    const options = this.root.getByRole('group', { name: 'Choose how to pay' })
    if ((await options.getByRole('radio').count()) > 0) await options.getByRole('radio', { name: RAIL_OPTION[rail] }).check()
    await this.root.getByRole('button', { name: /^Continue with / }).click()
  }

  /** The UPI rail on this channel: the device's default one, or switched to by "Pay another way". */
  private async useChannel(channel: UpiChannel): Promise<void> {
    const wanted = this.heading(CHANNEL_HEADINGS[channel])
    const any = this.heading(new RegExp(`^(${Object.values(CHANNEL_HEADINGS).join('|')})$`))
    await expect(any).toBeVisible()
    if (await wanted.isVisible()) return
    await this.root.getByRole('group', { name: 'Pay another way' }).getByRole('button', { name: CHANNEL_SWITCH[channel] }).click()
    await expect(wanted).toBeVisible()
  }

  /** UPI collect: enters the UPI ID, verifies it and sends the request (one of MAGIC_VPAS picks the outcome). */
  async payWithUpiCollect(vpa: string): Promise<void> {
    await this.useChannel('collect')
    await this.root.getByRole('textbox', { name: 'UPI ID' }).fill(vpa)
    await this.root.getByRole('button', { name: 'Verify' }).click()
    await this.root.getByRole('button', { name: 'Send request' }).click()
  }

  /** The UPI app in the simulated app's window, opened from the link `name` in this checkout. */
  private async inUpiApp(link: Locator, { decision = 'approve', pin }: UpiAppOptions): Promise<void> {
    const popup = this.page.context().waitForEvent('page')
    await link.click()
    const app = new UpiAppPage(await popup)
    await app.expectMandateRequest()
    if (decision === 'approve') await app.approve(pin)
    else await app.decline()
    await app.page.close()
  }

  /** UPI intent: picks the app (default Google Pay) and approves, or declines, in the simulated UPI app. */
  async payWithUpiApp(appName = 'Google Pay', options: UpiAppOptions = {}): Promise<void> {
    await this.useChannel('intent')
    await this.inUpiApp(this.root.getByRole('list', { name: 'UPI apps' }).getByRole('link', { name: new RegExp(`^${escapeRegExp(appName)}`) }), options)
  }

  /** UPI QR: "scans" the code by opening the simulated UPI app, and approves or declines there. */
  async payWithQr(options: UpiAppOptions = {}): Promise<void> {
    await this.useChannel('qr')
    await this.inUpiApp(this.root.getByRole('link', { name: /^Open the simulated UPI app/ }), options)
  }

  /**
   * eNACH: the form (bank, how to authorise, the account), then the simulated bank's steps:
   * log in, card or Aadhaar, the OTP, authorise. In a frame the bank opens in a window of its own,
   * which closes on return.
   */
  async payWithEnach(details: EnachDetails): Promise<void> {
    const { bank: bankName, mode = 'netbanking', account, ifsc, holder, type, decision = 'authorise' } = details
    const form = new EnachForm(this.root)
    await expect(form.heading).toBeVisible()
    await form.chooseBank(bankName, bankName)
    await form.mode(MODE_LABEL[mode]).check()
    await form.fillAccount({ holder, number: account, ifsc, ...(type === undefined ? {} : { type }) })
    const popup = this.framed ? this.page.context().waitForEvent('page') : null
    await form.submit()
    const bank = new BankPage(popup ? await popup : this.page)
    if (mode === 'netbanking') await bank.logIn()
    else if (mode === 'debit_card') await bank.verifyCard()
    else await bank.verifyAadhaar()
    await bank.enterOtp()
    if (decision === 'authorise') await bank.authorise()
    else await bank.decline()
  }

  /** Expects the page to show this outcome (success, failure, or still waiting for approval). */
  async expectOutcome(outcome: Outcome): Promise<void> {
    await expect(this.root.getByRole('heading', { name: OUTCOME_HEADINGS[outcome] }).first()).toBeVisible({ timeout: OUTCOME_TIMEOUT_MS })
  }

  /**
   * Keeps the success screen: five seconds after it shows, the page goes back to the merchant by
   * itself, so a test that goes on reading the screen (the mandate id, "My AutoPay mandates") calls
   * this right after `expectOutcome('success')`. It presses "Stay on this page" and waits for the
   * page to take the countdown away; `returnParams()` then answers the return "Return to …" makes.
   * An embedded checkout never leaves its frame, so there it does nothing.
   */
  async stayOnResult(): Promise<void> {
    if (this.framed) return
    if (this.returns.length > 0) throw new Error('The page had already gone back to the merchant: call stayOnResult() right after expectOutcome(\'success\').')
    const stay = this.root.getByRole('button', { name: 'Stay on this page' })
    await stay.click()
    await expect(stay).toHaveCount(0)
  }

  /** The mandate disclosure as the customer reads it ("What you are authorising"). */
  async disclosure(): Promise<string> {
    const region = this.root.getByRole('region', { name: 'What you are authorising' })
    await expect(region).toBeVisible()
    return region.innerText()
  }

  /**
   * The signed query the merchant gets back on its `return_url`: the redirect the page already
   * made, else the one "Return to …" makes. An embedded checkout does not redirect: its host gets
   * the same fields as the `completed` event's `result`, which `new ReturnParams(result)` reads.
   */
  async returnParams(): Promise<ReturnParams> {
    if (this.framed) {
      throw new Error('An embedded checkout does not redirect: read the completed event\'s result on the host with new ReturnParams(result).')
    }
    const made = this.returns.at(-1)
    if (made !== undefined) return new ReturnParams(made)
    const returned = this.page.waitForRequest(isSignedReturn)
    await Promise.race([returned, this.root.getByRole('button', { name: /^Return to / }).click().catch(() => undefined)])
    return new ReturnParams((await returned).url())
  }
}
