import { describe, expect, it } from 'vitest'
import type { BootPayload } from '../../contract/boot'
import type { Instrument } from '../../contract/instrument'
import type { FirstScreenRequest } from '../../contract/first-screen'
import { attemptView, sessionView } from '../testing/session-view'
import { textOf, textsOf } from '../testing/render'
import { renderFirstScreen } from './server-render'
import { FIRST_OPTION_TIMING } from '../lib/test-ids'

const upi: Instrument = { rail: 'upi', mandate: 'required', available: true, unavailableReason: null, notices: [] }
const netbanking: Instrument = { rail: 'netbanking', mandate: 'required', available: true, unavailableReason: null, notices: [] }
const mandateView = sessionView({
  createMandate: 'REQUIRED',
  mandate: {
    maxAmount: { minor: 500000, currency: 'INR' },
    amountRule: 'VARIABLE',
    frequency: 'MONTHLY',
    ruleType: 'AFTER',
    ruleValue: 5,
    startDate: '2026-11-25',
    endDate: '2056-11-25',
    blockFunds: false,
    revokable: true,
  } as never,
  instruments: [upi, netbanking],
  upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent', 'qr', 'collect'] },
})

const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36'
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/130.0 Mobile Safari/537.36'
const request = (boot: BootPayload, over: Partial<FirstScreenRequest> = {}): FirstScreenRequest => ({
  boot,
  locale: 'en',
  userAgent: DESKTOP,
  search: '',
  ...over,
})
const render = async (boot: BootPayload, over: Partial<FirstScreenRequest> = {}) => {
  const screen = await renderFirstScreen(request(boot, over))
  if (!screen) throw new Error('not rendered')
  return screen
}

describe('the server-rendered first screen', () => {
  it('draws the ready screen: the order, the options as real radios, the disclosure, and the primary button inert until hydration', async () => {
    const { html } = await render({ kind: 'session', view: mandateView })
    expect(textsOf(html, 'h1')).toEqual(['Review and pay'])
    expect(html).toMatch(/<input type="radio" id="instrument-upi"[^>]* name="instrument" checked=""/)
    expect(html).toMatch(/<input type="radio" id="instrument-netbanking"[^>]* name="instrument" value="netbanking"\/>/)
    expect(html).toContain('data-testid="mandate-disclosure"')
    // The bench times the first option's paint by this Element Timing identifier (docs/budgets.md#time-to-first-option).
    expect(html).toMatch(new RegExp(`<label for="instrument-upi" elementtiming="${FIRST_OPTION_TIMING}"`))
    const [proceed] = [...html.matchAll(/<button[^>]*>[\s\S]*?<\/button>/g)].map((m) => m[0]).filter((b) => textOf(b).startsWith('Continue'))
    expect(proceed).toContain('disabled=""')
    // The language switcher too: nothing on the drawn screen looks clickable while a tap would do nothing.
    expect(html).toMatch(/<select aria-label="Language"[^>]* disabled=""/)
    // Inert, it holds only the current language: the other names, in eleven scripts, would cost the
    // first paint a font lookup each (docs/budgets.md#what-the-first-screen-costs-the-browser).
    expect([...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(['en'])
  })

  it('offers the UPI channel of the device the request came from, or the one the address asks for', async () => {
    const boot: BootPayload = { kind: 'session', view: mandateView }
    const hint = (html: string) => textOf(/<p id="instrument-upi-hint"[^>]*>[^<]*<\/p>/.exec(html)?.[0] ?? '')
    const desktop = hint((await render(boot)).html)
    const android = hint((await render(boot, { userAgent: ANDROID })).html)
    const overridden = hint((await render(boot, { search: '?upi_channel=collect' })).html)
    expect(new Set([desktop, android, overridden]).size).toBe(3)
  })

  it('renders in the language it is given and preloads that language with the screen', async () => {
    const screen = await render({ kind: 'session', view: mandateView }, { locale: 'hi' })
    expect(textsOf(screen.html, 'h1')).toEqual(['जाँचें और भुगतान करें'])
    expect(screen.modules).toEqual(['src/i18n/hi/index.ts', 'src/features/mandate-disclosure/components/mandate-disclosure.tsx'])
    const urdu = await render({ kind: 'session', view: mandateView }, { locale: 'ur' })
    expect(textsOf(urdu.html, 'h1')).toHaveLength(1)
    expect(textsOf(urdu.html, 'h1')).not.toEqual(['Review and pay'])
    expect(urdu.modules[0]).toBe('src/i18n/ur/index.ts')
  })

  it("carries the merchant's colours and theme as a style sheet and an attribute, not as a style attribute the CSP would block", async () => {
    const screen = await render({ kind: 'session', view: { ...mandateView, merchant: { ...mandateView.merchant, theme: 'dark' } } })
    expect(screen.css).toBe(':root{--brand:#0f766e;--brand-fg:#ffffff}')
    expect(screen.theme).toBe('dark')
    expect(screen.html).not.toContain('style=')
    const auto = await render({ kind: 'session', view: { ...mandateView, merchant: { ...mandateView.merchant, theme: 'auto' } } })
    expect(auto.theme).toBeNull()
  })

  it.each<[string, BootPayload, string, string[]]>([
    ['an expired link', { kind: 'session', view: { ...mandateView, state: 'expired' } }, 'This payment link has expired', ['src/features/session/components/closed-screens.ts']],
    ['a link that matches no session', { kind: 'error', code: 'not_found' }, 'Payment link not found', ['src/features/session/components/closed-screens.ts']],
    ['a malformed link', { kind: 'error', code: 'malformed' }, 'This payment link is not valid', ['src/features/session/components/closed-screens.ts']],
    [
      'a completed session',
      { kind: 'session', view: { ...mandateView, state: 'completed', status: 'CHARGED', attempt: attemptView({ status: 'succeeded' }), outcome: { mandateId: 'mdt_1' } as never } },
      'AutoPay is set up',
      ['src/app/final-steps.tsx', 'src/features/mandate-disclosure/components/mandate-disclosure.tsx'],
    ],
  ])('draws %s, with the lazy parts it shows', async (_name, boot, heading, modules) => {
    const screen = await render(boot)
    expect(textsOf(screen.html, 'h1')).toEqual([heading])
    expect(screen.modules).toEqual(['src/i18n/en/index.ts', ...modules])
  })

  it("leaves a rail's step to the browser: a reload mid-payment is not server-rendered", async () => {
    expect(await renderFirstScreen(request({ kind: 'session', view: { ...mandateView, attempt: attemptView() } }))).toBeNull()
  })
})
