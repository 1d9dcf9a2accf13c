import { describe, expect, it } from 'vitest'
import type { SessionView } from '../../../contract/session'
import { attemptView, netbankingAttemptView, sessionView } from '../../testing/session-view'
import { errorForScreen, eventsForView, NOTHING_REPORTED, signedResult, type Reported } from './frame-events'

const RETURN =
  'https://shop.merchant.com/return?order_id=order_1&status=CHARGED&status_id=21&signature=abc%2Bdef%3D&signature_algorithm=HMAC-SHA256'
const FAILED_RETURN =
  'https://shop.merchant.com/return?order_id=order_1&status=AUTHORIZATION_FAILED&status_id=27&signature=xyz&signature_algorithm=HMAC-SHA256'

const attempt = attemptView

const view = (over: Partial<SessionView> = {}): SessionView =>
  sessionView({
    createMandate: 'REQUIRED',
    upiChannelPolicy: { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent', 'qr', 'collect'] },
    expiresAt: '2026-11-26T18:00:00.000Z',
    attemptsLeft: 24,
    ...over,
  })

const charged = view({
  state: 'completed',
  status: 'CHARGED',
  statusId: 21,
  attempt: attempt({ status: 'succeeded', endedAt: '2026-11-25T18:01:00.000Z' }),
  outcome: {
    status: 'CHARGED',
    statusId: 21,
    mandateStatus: 'ACTIVE',
    mandateId: 'mdt_1',
    completedAt: '2026-11-25T18:01:00.000Z',
    firstDebitDate: null,
    mandatesUrl: null,
  },
  returnUrl: RETURN,
})
const declined = view({
  status: 'AUTHORIZATION_FAILED',
  statusId: 27,
  attempt: attempt({ status: 'failed', failureReason: 'declined_by_customer' }),
  returnUrl: FAILED_RETURN,
})

/** The page's language and title as the bridge reads them from the document. */
const PAGE = { language: 'ta', title: 'பாதுகாப்பான செக்அவுட்' }

/** Feeds views in order and collects the event types, as the bridge does. */
function replay(views: readonly SessionView[], from: Reported = NOTHING_REPORTED) {
  let reported = from
  return views.map((next) => {
    const result = eventsForView(reported, next, PAGE)
    reported = result.reported
    return result.events
  })
}

describe('eventsForView', () => {
  it('says ready once, with the order id and the page’s language and title', () => {
    expect(replay([view(), view()])).toEqual([[{ type: 'ready', payload: { orderId: 'order_1', ...PAGE } }], []])
  })

  it('reports each new pending attempt once, with its number, instrument and channel', () => {
    const second = attempt({ id: 'att_2', number: 2, channel: 'collect' })
    expect(replay([view(), view({ attempt: attempt() }), view({ attempt: attempt() }), view({ attempt: second })]).slice(1)).toEqual([
      [{ type: 'attempt_started', payload: { attempt: 1, instrument: 'upi', channel: 'qr' } }],
      [],
      [{ type: 'attempt_started', payload: { attempt: 2, instrument: 'upi', channel: 'collect' } }],
    ])
  })

  it('names the rail as the instrument, with no channel outside UPI', () => {
    expect(replay([view(), view({ attempt: netbankingAttemptView() })])[1]).toEqual([
      { type: 'attempt_started', payload: { attempt: 1, instrument: 'netbanking', channel: null } },
    ])
  })

  it('does not call an attempt that was already pending when the frame loaded a new one', () => {
    expect(replay([view({ attempt: attempt() })])).toEqual([[{ type: 'ready', payload: { orderId: 'order_1', ...PAGE } }]])
  })

  it('reports completion with the signed result parameters of the return URL, once', () => {
    const [, done, again] = replay([view({ attempt: attempt() }), charged, charged])
    expect(done).toEqual([
      {
        type: 'completed',
        payload: {
          status: 'CHARGED',
          statusId: 21,
          result: { order_id: 'order_1', status: 'CHARGED', status_id: '21', signature: 'abc+def=', signature_algorithm: 'HMAC-SHA256' },
        },
      },
    ])
    expect(again).toEqual([])
  })

  it('reports a failed attempt with its reason and signed result, once per attempt', () => {
    const retried = view({ attempt: attempt({ id: 'att_2', number: 2, status: 'cancelled', failureReason: 'cancelled_by_customer' }) })
    const [, failed, same, next] = replay([view({ attempt: attempt() }), declined, declined, retried])
    expect(failed).toEqual([
      {
        type: 'failed',
        payload: {
          status: 'AUTHORIZATION_FAILED',
          statusId: 27,
          reason: 'declined_by_customer',
          result: { order_id: 'order_1', status: 'AUTHORIZATION_FAILED', status_id: '27', signature: 'xyz', signature_algorithm: 'HMAC-SHA256' },
        },
      },
    ])
    expect(same).toEqual([])
    expect(next?.map((e) => e.type)).toEqual(['failed'])
  })

  it('leaves a failure from before the frame loaded unreported', () => {
    expect(replay([declined]).flat().map((e) => e.type)).toEqual(['ready'])
  })

  it('reports a session already over when the frame loads', () => {
    expect(replay([charged]).flat().map((e) => e.type)).toEqual(['ready', 'completed'])
    expect(replay([view({ state: 'expired' })]).flat().map((e) => e.type)).toEqual(['ready', 'expired'])
  })

  it('reports a session closed without success as failed, once', () => {
    const outOfAttempts = view({ ...declined, state: 'completed', attemptsLeft: 0 })
    expect(replay([view(), outOfAttempts, outOfAttempts]).map((events) => events.map((e) => e.type))).toEqual([['ready'], ['failed'], []])
  })

  it('reports expiry once', () => {
    expect(replay([view(), view({ state: 'expired' }), view({ state: 'expired' })]).map((events) => events.map((e) => e.type))).toEqual([
      ['ready'],
      ['expired'],
      [],
    ])
  })
})

describe('signedResult', () => {
  it.each([
    ['no return URL', null],
    ['a return URL without a result', 'https://shop.merchant.com/return'],
    ['an unsigned result', 'https://shop.merchant.com/return?order_id=o&status=CHARGED&status_id=21'],
    ['another algorithm', RETURN.replace('HMAC-SHA256', 'MD5')],
    ['not a URL', 'not a url'],
  ])('is null for %s', (_name, url) => {
    expect(signedResult(url)).toBeNull()
  })
})

describe('errorForScreen', () => {
  it('names the error screens for the host and nothing else', () => {
    expect(errorForScreen('notFound')?.code).toBe('not_found')
    expect(errorForScreen('malformed')?.code).toBe('malformed')
    expect(errorForScreen('unreachable')?.code).toBe('unreachable')
    expect(errorForScreen('crashed')?.code).toBe('crashed')
    expect(errorForScreen('ready')).toBeNull()
    expect(errorForScreen('toString')).toBeNull()
  })
})
