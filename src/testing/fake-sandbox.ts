import { vi } from 'vitest'
import type { StartAttempt, UpiAttemptView } from '../../contract/attempt'
import type { PageErrorCode, SessionView } from '../../contract/session'

/** One request the page sent, as the fake sandbox received it. */
export interface Received {
  method: string
  path: string
  body: unknown
  idempotencyKey: string | null
}

type Answer = { status: number; body: unknown } | 'network'

/** What the next request to a path answers instead of the sandbox's own rule (a refusal, a dropped connection). */
type Override = { method: string; path: RegExp; answer: Answer }

const MINUTE = 60_000

/** How long the fake network takes to answer, on the real clock (component tests stop only `Date` and intervals). */
const NETWORK_DELAY_MS = 5

/** How long a UPI request waits for approval in the sandbox. */
export const UPI_WINDOW_MS = 5 * MINUTE

const refusal = (code: PageErrorCode, status = 409): Answer => ({ status, body: { error: { code, message: code } } })

/**
 * The page API of the sandbox, for component tests, behind a fake `fetch` and a fake
 * `EventSource`: the network boundary and nothing inside the page. It keeps one session, starts,
 * cancels and verifies as the sandbox does (one pending attempt at a time, five minutes to
 * approve), records every request, and lets a test move the session on as the server would (an
 * approval, an expiry) and push the view down the live stream.
 */
export class FakeSandbox {
  readonly received: Received[] = []
  /** How far the sandbox's clock runs ahead of the device's (QA moved it), in ms. */
  clockAhead = 0
  private current: SessionView
  private readonly keys = new Map<string, SessionView>()
  private readonly overrides: Override[] = []
  private readonly streams = new Set<FakeEventSource>()

  constructor(view: SessionView) {
    this.current = view
  }

  /** Replaces `fetch` and `EventSource` for this test (undone by `vi.unstubAllGlobals`). */
  install(options: { stream: boolean } = { stream: true }): this {
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => this.fetch(input, init))
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below reaches the sandbox that installed it
    const sandbox = this
    vi.stubGlobal(
      'EventSource',
      options.stream
        ? class extends FakeEventSource {
            constructor(url: string) {
              super(url, sandbox.streams)
              // As the sandbox's stream does, the session as it stands comes first, once the stream is open:
              // a change made just before the page opened its stream still reaches it.
              setTimeout(() => {
                if (this.readyState !== FakeEventSource.CLOSED) this.emit('session', JSON.stringify(sandbox.view()))
              }, 0)
            }
          }
        : undefined,
    )
    return this
  }

  /** The session as the sandbox would serve it now. */
  view(): SessionView {
    return { ...this.current, serverNow: new Date(this.now()).toISOString() }
  }

  /** The POSTs that asked for a new attempt. */
  starts(): Received[] {
    return this.received.filter((request) => request.method === 'POST' && /\/attempts$/.test(request.path))
  }

  /** The requests to a path (GET or POST) matching `path`. */
  requestsTo(method: string, path: RegExp): Received[] {
    return this.received.filter((request) => request.method === method && path.test(request.path))
  }

  /** The next request matching `method` and `path` gets `answer` (a page error code, or a dropped connection). */
  answerNext(method: string, path: RegExp, answer: PageErrorCode | 'network' | 'unavailable'): void {
    const resolved: Answer = answer === 'network' ? 'network' : answer === 'unavailable' ? { status: 503, body: null } : refusal(answer)
    this.overrides.push({ method, path, answer: resolved })
  }

  /** The server moves the session on (an approval, an expiry, a decline); `push` also sends it down the live stream. */
  change(update: (view: SessionView) => SessionView, { push = true } = {}): void {
    this.current = update(this.current)
    if (push) this.push()
  }

  /** Sends the current view down every open live stream. */
  push(): void {
    const data = JSON.stringify(this.view())
    for (const stream of this.streams) stream.emit('session', data)
  }

  /** Open live streams. */
  openStreams(): number {
    return this.streams.size
  }

  private now(): number {
    return Date.now() + this.clockAhead
  }

  private async fetch(input: string, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET'
    const path = new URL(input, 'http://127.0.0.1').pathname
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : null
    const headers = new Headers(init.headers)
    this.received.push({ method, path, body, idempotencyKey: headers.get('idempotency-key') })
    // A real answer never arrives in the task that sent its request: the page renders in between.
    await new Promise((resolve) => setTimeout(resolve, NETWORK_DELAY_MS))
    const override = this.overrides.find((candidate) => candidate.method === method && candidate.path.test(path))
    if (override) this.overrides.splice(this.overrides.indexOf(override), 1)
    const answer = override ? override.answer : this.answer(method, path, body, headers.get('idempotency-key'))
    if (answer === 'network') throw new TypeError('Failed to fetch')
    return new Response(answer.body === null ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    })
  }

  private answer(method: string, path: string, body: unknown, key: string | null): Answer {
    const page = `/api/pages/${this.current.pageId}`
    if (method === 'GET' && path === page) return { status: 200, body: this.view() }
    if (method === 'POST' && path === `${page}/attempts`) return this.start(body as StartAttempt, key)
    const cancelled = new RegExp(`^${page}/attempts/([^/]+)/cancel$`).exec(path)?.[1]
    if (method === 'POST' && cancelled) return this.cancel(cancelled)
    if (method === 'POST' && path === `${page}/vpa`) return { status: 200, body: verification((body as { vpa: string }).vpa) }
    if (method === 'POST' && path === `${page}/cancel`) {
      this.current = { ...this.current, state: 'cancelled' }
      return { status: 200, body: this.view() }
    }
    return refusal('not_found', 404)
  }

  private start(body: StartAttempt, key: string | null): Answer {
    const again = key ? this.keys.get(key) : undefined
    if (again) return { status: 201, body: again }
    if (this.current.state !== 'open') return refusal('session_not_open')
    if (this.current.attempt?.status === 'pending') return refusal('attempt_in_progress')
    if (this.current.attemptsLeft < 1) return refusal('too_many_attempts')
    if (body.rail !== 'upi') return refusal('instrument_unavailable')
    const number = (this.current.attempt?.number ?? 0) + 1
    const id = `att_${number}`
    const now = this.now()
    const attempt: UpiAttemptView = {
      id,
      number,
      rail: 'upi',
      channel: body.channel ?? 'qr',
      setsUpMandate: body.setUpMandate,
      status: 'pending',
      failureReason: null,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + UPI_WINDOW_MS).toISOString(),
      endedAt: null,
      upi: {
        uri: body.channel === 'collect' ? null : payUri(id),
        payerVpa: body.vpa ?? null,
        payerName: body.vpa ? 'Asha Verma' : null,
        simulatorUrl: `/simulator/upi/${id}`,
      },
    }
    this.current = { ...this.current, attempt, attemptsLeft: this.current.attemptsLeft - 1 }
    const view = this.view()
    if (key) this.keys.set(key, view)
    return { status: 201, body: view }
  }

  private cancel(id: string): Answer {
    const attempt = this.current.attempt
    if (!attempt || attempt.id !== id || attempt.status !== 'pending') return refusal('attempt_in_progress')
    const endedAt = new Date(this.now()).toISOString()
    this.current = { ...this.current, attempt: { ...attempt, status: 'cancelled', failureReason: 'cancelled_by_customer', endedAt } }
    return { status: 200, body: this.view() }
  }
}

/** The sandbox's PSP: `nobody@…` does not exist, `…@nomandate` cannot set up AutoPay, anything else is Asha's. */
function verification(vpa: string) {
  const exists = !vpa.startsWith('nobody@')
  return {
    vpa,
    status: exists ? 'VALID' : 'INVALID',
    customer_name: exists ? 'Asha Verma' : null,
    mandate_details: { is_handle_supported: exists && !vpa.endsWith('@nomandate') },
  }
}

const payUri = (id: string) =>
  ({ kind: 'pay', pa: 'acme@sandbox', pn: 'Acme Fitness', mc: '5411', tr: id, tid: id, am: '1.00', cu: 'INR', tn: 'Order 1', mode: '15' }) as const

/** A server-sent event stream the fake sandbox writes to; the page's code only listens. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  readyState = FakeEventSource.OPEN

  constructor(
    readonly url: string,
    private readonly open: Set<FakeEventSource>,
  ) {
    super()
    open.add(this)
  }

  emit(type: string, data: string): void {
    this.dispatchEvent(new MessageEvent(type, { data }))
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED
    this.open.delete(this)
  }
}
