import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SandboxClockOffset, sandboxOffset } from '../../../lib/sandbox-clock'
import { renderHtml, textsOf } from '../../../testing/render'
import { WaitingPanel } from './waiting-panel'

const MINUTE = 60_000

/** The countdown the panel shows, the sandbox's clock running `offset` ms ahead of the device's. */
const timer = (offset: number): string | undefined =>
  textsOf(
    renderHtml(
      <SandboxClockOffset value={offset}>
        <WaitingPanel attemptId="att_1" expiresAt="2026-11-25T18:05:00.000Z" instructions="Approve in your UPI app." takeFocus={false} />
      </SandboxClockOffset>,
    ),
    'span',
  ).at(-1)

describe("the waiting panel's countdown follows the sandbox's clock", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-25T18:00:00.000Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('counts down from the device clock when the two agree', () => {
    expect(timer(0)).toBe('05:00')
  })

  it('shows the time left on a clock QA moved two minutes on', () => {
    expect(timer(sandboxOffset('2026-11-25T18:02:00.000Z', Date.now()))).toBe('03:00')
  })

  it('shows nothing left once the moved clock is past the expiry', () => {
    expect(timer(10 * MINUTE)).toBe('00:00')
  })

  it("takes a view that arrived a moment after it was made (the network's delay) as on time", () => {
    expect(sandboxOffset('2026-11-25T17:59:59.400Z', Date.now())).toBe(0)
    expect(timer(sandboxOffset('2026-11-25T17:59:59.400Z', Date.now()))).toBe('05:00')
  })

  it('is not thrown by a device clock that is wrong', () => {
    const deviceBehind = Date.now() - 7 * MINUTE
    expect(sandboxOffset('2026-11-25T18:00:00.000Z', deviceBehind)).toBe(7 * MINUTE)
    expect(timer(sandboxOffset('2026-11-25T18:01:00.000Z', Date.now()))).toBe('04:00')
  })
})
