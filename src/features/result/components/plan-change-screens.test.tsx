import { describe, expect, it } from 'vitest'
import type { Outcome, SessionView } from '../../../../contract/session'
import { TEST_IDS } from '../../../lib/test-ids'
import { planChangeFixture } from '../../../testing/plan-change'
import { renderHtml, textOf } from '../../../testing/render'
import { attemptView, sessionView } from '../../../testing/session-view'
import { FailureScreen } from './failure-screen'
import { SuccessScreen } from './success-screen'

const outcome: Outcome = {
  status: 'CHARGED',
  statusId: 21,
  mandateStatus: 'ACTIVE',
  mandateId: 'mdt_1',
  completedAt: '2026-12-16T06:00:00.000Z',
  firstDebitDate: '2027-01-04T18:30:00.000Z',
  mandatesUrl: null,
}

const byTestId = (html: string, id: string): string => {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html)
  return match ? textOf(match[2] ?? '') : ''
}

const paid = (over: Partial<SessionView> = {}) =>
  sessionView({ state: 'completed', status: 'CHARGED', attempt: attemptView({ status: 'succeeded' }), outcome, planChange: planChangeFixture(), ...over })
const failed = attemptView({ status: 'failed', failureReason: 'declined_by_customer', endedAt: '2026-12-16T06:00:00.000Z' })

describe('a plan-change session’s success screen', () => {
  it('says the plan has changed and what the next charge is', () => {
    const html = renderHtml(<SuccessScreen view={paid()} disclosure={null} />)
    expect(byTestId(html, TEST_IDS.planChangeResult)).toBe('Your plan has changed to Platinum Monthly.Next charge: ₹999.00 on 5 Jan 2027')
    expect(byTestId(html, TEST_IDS.firstDebit)).toBe('₹999.00 on 5 Jan 2027')
  })

  it('reads in Hindi', () => {
    const html = renderHtml(<SuccessScreen view={paid()} disclosure={null} />, 'hi')
    expect(byTestId(html, TEST_IDS.planChangeResult)).toBe('आपका प्लान बदलकर Platinum Monthly हो गया है।अगला भुगतान: 5 जन॰ 2027 को ₹999.00')
  })

  it('says nothing of a plan for any other session', () => {
    expect(renderHtml(<SuccessScreen view={paid({ planChange: null })} disclosure={null} />)).not.toContain(TEST_IDS.planChangeResult)
  })
})

describe('a plan-change session’s failure screen', () => {
  const render = (view: SessionView, locale: 'en' | 'hi' = 'en') =>
    renderHtml(<FailureScreen view={view} attempt={failed} onRetry={null} onOtherWay={null} />, locale)

  it('says nothing changed: the customer stays on the plan they had, on the same dates', () => {
    const view = sessionView({ attempt: failed, planChange: planChangeFixture() })
    expect(byTestId(render(view), TEST_IDS.planChangeResult)).toBe(
      'Nothing has changed: you stay on Gold Monthly, and your billing dates are unchanged.',
    )
    expect(byTestId(render(view, 'hi'), TEST_IDS.planChangeResult)).toBe(
      'कुछ नहीं बदला: आप Gold Monthly पर ही हैं, और आपकी बिलिंग की तारीखें वही रहेंगी।',
    )
  })

  it('says nothing of a plan for any other session', () => {
    expect(render(sessionView({ attempt: failed }))).not.toContain(TEST_IDS.planChangeResult)
  })
})
