import { describe, expect, it } from 'vitest'
import { inr } from '../../../../contract/money'
import type { Outcome, SessionView } from '../../../../contract/session'
import { TEST_IDS } from '../../../lib/test-ids'
import { monthlyCharges, scheduleFixture } from '../../../testing/price-schedule'
import { renderHtml, textOf } from '../../../testing/render'
import { attemptView, sessionView } from '../../../testing/session-view'
import { SuccessScreen } from './success-screen'

const outcome: Outcome = {
  status: 'CHARGED',
  statusId: 21,
  mandateStatus: 'ACTIVE',
  mandateId: 'mdt_1',
  completedAt: '2026-12-01T06:00:00.000Z',
  firstDebitDate: '2026-12-04T18:30:00.000Z',
  mandatesUrl: null,
}

const succeeded = (over: Partial<SessionView> = {}): SessionView =>
  sessionView({ state: 'completed', status: 'CHARGED', attempt: attemptView({ status: 'succeeded' }), outcome, ...over })

const firstDebit = (view: SessionView, locale: 'en' | 'hi' = 'en') => {
  const html = renderHtml(<SuccessScreen view={view} disclosure={null} />, locale)
  return textOf(new RegExp(`<dd[^>]*data-testid="${TEST_IDS.firstDebit}"[^>]*>([\\s\\S]*?)</dd>`).exec(html)?.[1] ?? '')
}

describe('the success screen’s first debit', () => {
  it('repeats the price schedule’s first charge, date and amount', () => {
    expect(firstDebit(succeeded({ schedule: scheduleFixture() }))).toBe('₹499.00 on 5 Jan 2027')
    expect(firstDebit(succeeded({ schedule: scheduleFixture() }), 'hi')).toBe('5 जन॰ 2027 को ₹499.00')
  })

  it('is the first entry of the charges, a discounted one when the introduction is paid', () => {
    const schedule = scheduleFixture({
      intro: { type: 'CYCLES', cycles: 3, amount: inr(99_00) },
      charges: [...monthlyCharges(3, 99_00, true), ...monthlyCharges(1, 499_00, false, 3)],
    })
    expect(firstDebit(succeeded({ schedule }))).toBe('₹99.00 on 5 Jan 2027')
  })

  it('keeps the mandate’s first debit date without a schedule, or with one that promises no date', () => {
    expect(firstDebit(succeeded())).toBe('5 Dec 2026')
    const asPresented = scheduleFixture({ charges: [], recurring: { amount: inr(499_00), interval: 'ASPRESENTED', ruleType: null, ruleValue: null } })
    expect(firstDebit(succeeded({ schedule: asPresented, outcome: { ...outcome, firstDebitDate: null } }))).toBe(
      'When Acme Fitness presents a debit',
    )
  })
})

describe('the success screen’s link to the simulated UPI app', () => {
  const link = (view: SessionView, locale: 'en' | 'hi' = 'en') =>
    new RegExp(`<a[^>]*data-testid="${TEST_IDS.mandatesLink}"[^>]*>([\\s\\S]*?)</a>`).exec(renderHtml(<SuccessScreen view={view} disclosure={null} />, locale))

  it('opens the list of the payer’s mandates in a new tab, in the page’s language', () => {
    const url = '/simulator/upi/mandates?vpa=asha%40okaxis'
    const found = link(succeeded({ outcome: { ...outcome, mandatesUrl: url } }))
    expect(found?.[0]).toContain(`href="${url}&amp;lang=en"`)
    expect(link(succeeded({ outcome: { ...outcome, mandatesUrl: url } }), 'hi')?.[0]).toContain(`href="${url}&amp;lang=hi"`)
    expect(found?.[0]).toContain('target="_blank"')
    expect(textOf(found?.[1] ?? '')).toBe('Open the simulated UPI app')
    expect(textOf(link(succeeded({ outcome: { ...outcome, mandatesUrl: url } }), 'hi')?.[1] ?? '')).toBe('सिम्युलेटेड UPI ऐप खोलें')
  })

  it('is absent when the sandbox names no list (another rail, or no mandate)', () => {
    expect(link(succeeded())).toBeNull()
  })
})
