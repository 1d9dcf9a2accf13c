import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlanChangeView } from '../../../../contract/billing'
import { TEST_IDS } from '../../../lib/test-ids'
import { planChangeFixture } from '../../../testing/plan-change'
import { renderHtml, textOf, textsOf } from '../../../testing/render'
import { PlanChangeSection } from './plan-change-section'

const render = (change: PlanChangeView = planChangeFixture(), locale: 'en' | 'hi' = 'en') =>
  renderHtml(<PlanChangeSection change={change} merchantName="Acme Fitness" />, locale)

/** The element carrying a test id, as text; empty when there is none. */
const byTestId = (html: string, id: string): string => {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)
  return match ? textOf(match[2] ?? '') : ''
}

describe('the plan-change block', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // Four minutes and five seconds before the fixture's quote expires.
    vi.setSystemTime(new Date('2026-12-01T18:10:55.000Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('is a region named by its heading: the plans, the breakdown, what is paid now and the next charge', () => {
    const html = render()
    expect(html).toMatch(/^<section aria-labelledby="plan-change-heading" data-testid="plan-change"/)
    expect(textsOf(html, 'h2')).toEqual(['Change your plan'])
    expect(textsOf(html, 'li')).toEqual(['Current plan: Gold Monthly, ₹499.00 a month', 'New plan: Platinum Monthly, ₹999.00 a month'])
    expect(textsOf(html, 'dt')).toEqual(['Credit for the unused days of Gold Monthly', 'Platinum Monthly for the same days', 'Days covered', 'To pay now'])
    expect(textsOf(html, 'dd')).toEqual(['−₹321.94', '₹644.52', '16 Dec 2026 – 4 Jan 2027 (20 days)', '₹322.58'])
    expect(textsOf(html, 'h3')).toEqual(['How the amount to pay now is worked out'])
    expect(byTestId(html, TEST_IDS.planChangePayNow)).toBe('₹322.58')
    expect(byTestId(html, TEST_IDS.planChangeNextCharge)).toBe('From 5 Jan 2027: ₹999.00 every month')
    expect(html).not.toContain('new mandate')
  })

  it('shows the time the quote holds as a labelled timer, with no expiry message', () => {
    const html = render()
    expect(html).toMatch(/<span role="timer" aria-labelledby="quote-time-left-label" data-testid="quote-timer"[^>]*>04:05<\/span>/)
    expect(html).toContain('<span id="quote-time-left-label" class="text-base text-slate-700">This quote holds for</span>')
    expect(byTestId(html, TEST_IDS.quoteExpired)).toBe('')
  })

  it('says the quote has expired, and shows no timer, once it has', () => {
    const html = render(planChangeFixture({ quoteExpiresAt: '2026-12-01T18:10:55.000Z' }))
    expect(html).not.toContain('role="timer"')
    expect(byTestId(html, TEST_IDS.quoteExpired)).toBe('This quote has expired. Ask Acme Fitness for a new link.')
    expect(html).toContain('<bdi dir="auto">Acme Fitness</bdi>')
  })

  it('takes credit held from an earlier plan change off what is paid now, on its own line', () => {
    const html = render(planChangeFixture({ heldCredit: planChangeFixture().credit, payNow: { minor: 64, currency: 'INR' } }))
    expect(textsOf(html, 'dt')).toEqual(['Credit for the unused days of Gold Monthly', 'Platinum Monthly for the same days', 'Credit from an earlier plan change', 'Days covered', 'To pay now'])
    expect(byTestId(html, TEST_IDS.planChangeHeldCredit)).toBe('−₹321.94')
    expect(byTestId(html, TEST_IDS.planChangePayNow)).toBe('₹0.64')
    const hindi = render(planChangeFixture({ heldCredit: planChangeFixture().credit }), 'hi')
    expect(textsOf(hindi, 'dt')).toContain('पिछले प्लान बदलाव से बचा क्रेडिट')
  })

  it('says a new mandate replaces the current one when the session registers one', () => {
    expect(textsOf(render(planChangeFixture({ newMandate: true })), 'p')).toContain(
      'This payment sets up a new mandate for Platinum Monthly. It replaces your current mandate once it is active.',
    )
  })

  it('keeps plan names as text, never markup', () => {
    const html = render(planChangeFixture({ to: { planId: 'x', name: '<img src=x>', amount: planChangeFixture().to.amount } }))
    expect(html).not.toContain('<img')
    expect(html).toContain('<bdi dir="auto">&lt;img src=x&gt;</bdi>')
  })

  it('reads in Hindi', () => {
    const html = render(planChangeFixture(), 'hi')
    expect(textsOf(html, 'h2')).toEqual(['अपना प्लान बदलें'])
    expect(textsOf(html, 'dt')).toEqual(['Gold Monthly के बचे हुए दिनों का क्रेडिट', 'उन्हीं दिनों के लिए Platinum Monthly', 'किन दिनों के लिए', 'अभी भुगतान करना है'])
    expect(byTestId(html, TEST_IDS.planChangeNextCharge)).toBe('5 जन॰ 2027 से: ₹999.00 हर महीने')
    expect(html).toContain('यह कोटेशन इतने समय तक मान्य है')
    expect(byTestId(render(planChangeFixture({ quoteExpiresAt: '2026-12-01T18:00:00.000Z' }), 'hi'), TEST_IDS.quoteExpired)).toBe(
      'यह कोटेशन समाप्त हो गया है। Acme Fitness से नया लिंक माँगें।',
    )
  })
})
