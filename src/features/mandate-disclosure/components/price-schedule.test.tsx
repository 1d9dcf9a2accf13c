import { describe, expect, it } from 'vitest'
import { inr } from '../../../../contract/money'
import { TEST_IDS } from '../../../lib/test-ids'
import { monthlyCharges, scheduleFixture } from '../../../testing/price-schedule'
import { renderHtml, textOf, textsOf } from '../../../testing/render'
import { PriceScheduleSection } from './price-schedule'

const render = (schedule = scheduleFixture(), locale: 'en' | 'hi' = 'en') =>
  renderHtml(<PriceScheduleSection schedule={schedule} merchantName="Acme Fitness" />, locale)

/** The element carrying a test id, as text. */
const byTestId = (html: string, id: string): string => {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)
  return match ? textOf(match[2] ?? '') : ''
}

describe('the price schedule block', () => {
  it('is a region named by its heading, with the plan and a list in time order', () => {
    const html = render()
    expect(html).toMatch(/^<section aria-labelledby="schedule-heading" data-testid="price-schedule"/)
    expect(html).toContain('<h2 id="schedule-heading" class="text-lg font-semibold text-slate-900">What you will pay</h2>')
    expect(textsOf(html, 'p')).toEqual(['Plan: Gold Monthly', 'All classes at every centre'])
    expect(html).toContain('<ol')
    expect(textsOf(html, 'li')).toEqual([
      '₹1.00 today to set up the mandate, refunded once it is active',
      'Free for 14 days (until 15 Dec 2026)',
      'First debit at the regular price: ₹499.00 on 5 Jan 2027',
      'Then ₹499.00 every month on the 5th',
      'Mandate limit: up to ₹1,000.00 per debit',
    ])
  })

  it('gives the first regular debit a test id and weight, not colour alone', () => {
    const html = render()
    expect(byTestId(html, TEST_IDS.firstRegularDebit)).toBe('First debit at the regular price: ₹499.00 on 5 Jan 2027')
    expect(html).toMatch(/<li data-testid="first-regular-debit" class="font-semibold/)
  })

  it('reads in Hindi', () => {
    const html = render(scheduleFixture(), 'hi')
    expect(textOf(/<h2[\s\S]*?<\/h2>/.exec(html)?.[0] ?? '')).toBe('आप कितना भुगतान करेंगे')
    expect(textsOf(html, 'li')).toEqual([
      'मैंडेट सेट करने के लिए आज ₹1.00, जो इसके सक्रिय होते ही वापस कर दिए जाएँगे',
      '14 दिन मुफ़्त (15 दिस॰ 2026 तक)',
      'नियमित कीमत पर पहली कटौती: 5 जन॰ 2027 को ₹499.00',
      'इसके बाद हर महीने 5 तारीख को ₹499.00',
      'मैंडेट सीमा: हर कटौती पर अधिकतम ₹1,000.00',
    ])
  })

  it.each([
    [{ type: 'DAYS', days: 14, endsOn: '2026-12-15' }, 'Free for 14 days (until 15 Dec 2026)'],
    [{ type: 'CYCLES', cycles: 3, amount: inr(0) }, 'Free for the first 3 months'],
    [{ type: 'CYCLES', cycles: 3, amount: inr(99_00) }, '₹99.00 a month for the first 3 months'],
    [{ type: 'START_DATE', startsOn: '2026-12-11' }, 'Billing starts on 11 Dec 2026'],
  ] as const)('shows the introductory period %o', (intro, expected) => {
    expect(textsOf(render(scheduleFixture({ intro })), 'li')[1]).toBe(expected)
  })

  it('summarises a long introductory run in one item instead of sixty', () => {
    const html = render(
      scheduleFixture({
        intro: { type: 'CYCLES', cycles: 60, amount: inr(99_00) },
        charges: [...monthlyCharges(60, 99_00, true), ...monthlyCharges(1, 499_00, false, 60)],
      }),
    )
    expect(textsOf(html, 'li')).toEqual([
      '₹1.00 today to set up the mandate, refunded once it is active',
      '₹99.00 a month for the first 60 months',
      '₹99.00 on each of 60 debits, from 5 Jan 2027 to 5 Dec 2031',
      'First debit at the regular price: ₹499.00 on 5 Jan 2032',
      'Then ₹499.00 every month on the 5th',
      'Mandate limit: up to ₹1,000.00 per debit',
    ])
  })

  it('promises no date for ASPRESENTED', () => {
    const html = render(
      scheduleFixture({ intro: { type: 'NONE' }, charges: [], recurring: { amount: inr(499_00), interval: 'ASPRESENTED', ruleType: null, ruleValue: null } }),
    )
    expect(byTestId(html, TEST_IDS.firstRegularDebit)).toBe('')
    expect(textsOf(html, 'li')).toContain('Then ₹499.00 as Acme Fitness presents each debit, with no fixed dates')
    expect(textOf(html)).not.toMatch(/\d{4}/)
  })

  it('shows a hostile plan name and description as text, the name isolated', () => {
    const name = '<img src=x onerror=alert(1)>Gold\u202e'
    const description = '<script>alert(1)</script> & <b>more</b>'
    const html = render(scheduleFixture({ plan: { id: 'p', name, description } }))
    expect(html).not.toMatch(/<img|<script|<b>/)
    expect(html).toContain('Plan: <bdi dir="auto">&lt;img src=x onerror=alert(1)&gt;Gold\u202e</bdi>')
    expect(textsOf(html, 'p')).toEqual([`Plan: ${name}`, description])
  })

  it('has no plan paragraph when no plan is sold, and no description paragraph when it is empty', () => {
    expect(textsOf(render(scheduleFixture({ plan: null })), 'p')).toEqual([])
    expect(textsOf(render(scheduleFixture({ plan: { id: 'p', name: 'Gold', description: '' } })), 'p')).toEqual(['Plan: Gold'])
  })

  it('draws with the palette the dark theme swaps, like the disclosure', () => {
    const classes = [...render().matchAll(/class="([^"]*)"/g)].flatMap((match) => (match[1] ?? '').split(' '))
    const colours = classes.filter((c) => /-(white|black|[a-z]+-\d{2,3})$/.test(c))
    expect(colours.every((c) => /-(slate-(50|200|300|500|700|800|900)|white)$/.test(c))).toBe(true)
  })
})
