import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Instrument } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import { planChangeFixture } from '../testing/plan-change'
import { renderHtml, textsOf } from '../testing/render'
import { sessionView } from '../testing/session-view'
import { SandboxClockOffset } from '../lib/sandbox-clock'
import { ReadyScreen } from './ready-screen'

const upi: Instrument = { rail: 'upi', mandate: 'none', available: true, unavailableReason: null, notices: [] }

const buttons = (view: SessionView) =>
  textsOf(
    renderHtml(
      <ReadyScreen view={view} selection={{ rail: 'upi', optIn: false }} onSelectionChange={() => undefined} upiChannel="qr" onContinue={() => undefined} />,
    ),
    'button',
  )

describe('the ready screen of a plan-change session', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-01T18:10:00.000Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('offers to pay while the quote holds', () => {
    expect(buttons(sessionView({ instruments: [upi], planChange: planChangeFixture() }))).toContainEqual(expect.stringMatching(/^Continue/))
  })

  it('offers no payment once the quote has expired', () => {
    const view = sessionView({ instruments: [upi], planChange: planChangeFixture({ quoteExpiresAt: '2026-12-01T18:09:59.000Z' }) })
    expect(buttons(view)).not.toContainEqual(expect.stringMatching(/^Continue/))
  })
})

describe("the ready screen's quote on a moved clock", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-01T18:00:00.000Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('offers no payment once the sandbox clock is past the quote, whatever the device clock says', () => {
    const view = sessionView({ instruments: [upi], planChange: planChangeFixture({ quoteExpiresAt: '2026-12-01T18:09:59.000Z' }) })
    const at = (offset: number) =>
      textsOf(
        renderHtml(
          <SandboxClockOffset value={offset}>
            <ReadyScreen view={view} selection={{ rail: 'upi', optIn: false }} onSelectionChange={() => undefined} upiChannel="qr" onContinue={() => undefined} />
          </SandboxClockOffset>,
        ),
        'button',
      )
    expect(at(0)).toContainEqual(expect.stringMatching(/^Continue/))
    expect(at(10 * 60_000)).not.toContainEqual(expect.stringMatching(/^Continue/))
  })
})
