import { act, screen } from '@testing-library/react'
import axe from 'axe-core'
import { vi } from 'vitest'
import type { UpiAttemptView } from '../../contract/attempt'
import type { Instrument, UpiChannel } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import { UPI_WINDOW_MS } from './fake-sandbox'
import { attemptView, sessionView } from './session-view'

/** The device's time when a component test starts. */
export const T0 = Date.parse('2026-11-25T17:45:00.000Z')

/**
 * Stops the device's clock at T0: `Date` and `setInterval` (the countdowns' ticks, the polling)
 * are fake and move only with `tick`; timeouts stay real, so the page's own scheduling, the
 * network's promises and Testing Library's waiting run as they would.
 */
export function stopClock(): void {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval'] })
}

/** Moves the stopped clock on by `ms`, running every interval due on the way. */
export function tick(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms)
  })
}

/** Moves the stopped clock on a second at a time, as a tab in front sees it, letting the page's observers see each second. */
export async function tickEachSecond(seconds: number): Promise<void> {
  for (let second = 0; second < seconds; second += 1) {
    tick(1000)
    await Promise.resolve()
  }
}

export const UPI: Instrument = { rail: 'upi', mandate: 'none', available: true, unavailableReason: null, notices: [] }

/** An open session paid by UPI, every channel allowed, that stays open well past any test. */
export const upiSession = (over: Partial<SessionView> = {}): SessionView =>
  sessionView({
    instruments: [UPI],
    upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent', 'qr', 'collect'] },
    expiresAt: new Date(T0 + 60 * 60_000).toISOString(),
    serverNow: new Date(T0).toISOString(),
    ...over,
  })

/** A UPI attempt on `channel` that started `ago` ms before T0 (on the sandbox's clock, `ahead` ms ahead of the device's). */
export function upiAttempt(channel: UpiChannel, over: Partial<UpiAttemptView> = {}, { ago = 0, ahead = 0 } = {}): UpiAttemptView {
  const created = T0 + ahead - ago
  return attemptView({
    channel,
    setsUpMandate: false,
    createdAt: new Date(created).toISOString(),
    expiresAt: new Date(created + UPI_WINDOW_MS).toISOString(),
    upi: {
      uri: channel === 'collect' ? null : { kind: 'pay', pa: 'acme@sandbox', pn: 'Acme Fitness', mc: '5411', tr: 'att_1', tid: 'att_1', am: '1.00', cu: 'INR', tn: 'Order 1', mode: '15' },
      payerVpa: channel === 'collect' ? 'asha@okaxis' : null,
      payerName: null,
      simulatorUrl: '/simulator/upi/att_1',
    },
    ...over,
  })
}

/** The session with its attempt ended as the server ends it (`expired`, `failed`, …). */
export function ended(view: SessionView, status: 'expired' | 'failed' | 'cancelled', failureReason: UpiAttemptView['failureReason'] = null): SessionView {
  const attempt = view.attempt
  if (!attempt) throw new Error('no attempt to end')
  return { ...view, attempt: { ...attempt, status, failureReason, endedAt: new Date(Date.now()).toISOString() } }
}

/** What the page's polite live region says now. */
export const liveRegion = (): string => screen.getByRole('status').textContent

/** The paragraph that reads `text`, its parts (an amount, a name kept apart from the text around it) included. */
export const findParagraph = (text: string): Promise<HTMLElement> =>
  screen.findByText((_, element) => element?.tagName === 'P' && element.textContent === text)

/** Every text the page's polite live region takes from now on, in order (each is what a screen reader is handed to say). */
export function recordLiveRegion(): string[] {
  const region = screen.getByRole('status')
  const said: string[] = []
  new MutationObserver(() => said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true })
  return said
}

/** Sends this tab behind another (or brings it back), as the browser tells the page. */
export function setTabVisible(visible: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (visible ? 'visible' : 'hidden') })
  document.dispatchEvent(new Event('visibilitychange'))
}

/**
 * What axe finds wrong with the document now, as `rule: element` lines. Only the rules jsdom can
 * answer: colour contrast needs a layout engine, so the journeys check it in a browser.
 */
export async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  })
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`))
}
