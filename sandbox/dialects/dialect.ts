import type { Context, Hono } from 'hono'
import type { StartAttempt } from '../../contract/attempt'
import type { StartResult } from '../domain/attempt-service'
import type { SandboxDeps } from '../deps'
import type { Merchant } from '../merchants'
import type { Order, OrderSource } from '../domain/order'
import type { OrderEventName } from '../domain/order-events'
import type { MandateService } from '../domain/mandate-service'
import type { MandateExecutions } from '../domain/mandate-executions'
import type { Renewals } from '../domain/renewals'

/** The dialect that created an order, recorded on it as `source.dialect`. */
export type DialectId = OrderSource['dialect']

/** What the sandbox lends a dialect when the composition root builds it. */
export interface DialectServices {
  deps: SandboxDeps
  /** A registered mandate's commands (pause, resume, revoke) and its lookups by id and payer. */
  mandates: MandateService
  /** A subscription's scheduled debits: the merchant cancels one (cancel_recurring_transaction). */
  renewals: Renewals
  /** The merchant's own notices and debits on a mandate (pre_debit_notify, POST /txns). */
  executions: MandateExecutions
  /** Applies an attempt's due auto-outcome before an order is read (AttemptService.refresh). */
  refresh: (order: Order) => Promise<Order>
  /**
   * Tells the page's live stream and the webhooks about a change a dialect made itself (a plan
   * change applied without payment): written on the order, so its webhooks are stored with it.
   */
  announce: (order: Order, events: OrderEventName[]) => Promise<void>
  /** Starts an attempt as the page does (AttemptService.start), for an API that sends the UPI request itself. */
  startAttempt: (order: Order, merchant: Merchant, request: StartAttempt, idempotencyKey: string) => Promise<StartResult>
}

/** The merchant a request comes from, or the dialect's own refusal in its envelope. */
export type MerchantAuth = { ok: true; merchant: Merchant } | { ok: false; response: Response }

/** The statuses a refusal from outside a dialect (QA, the demo merchant, the body limit, the rate limits) can have. */
export type EdgeErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 503

export interface EdgeErrorField {
  name: string
  reason: string
}

/** A refusal in terms every dialect can answer in its own envelope. */
export interface EdgeError {
  status: EdgeErrorStatus
  message: string
  /** The fields to blame, in order. */
  fields?: readonly EdgeErrorField[]
}

/** One webhook as the merchant receives it: its event id (also x-webhook-id) and its JSON body. */
export interface WebhookMessage {
  id: string
  body: Readonly<Record<string, unknown>>
}

/**
 * A merchant API dialect's whole edge (docs/decisions/0009-dialect-owns-its-edge.md): how a merchant
 * request is authenticated, parsed and answered, how it is refused, and how the merchant hears the
 * outcome. The rest of the sandbox reaches dialect-specific behaviour only through this interface.
 */
export interface Dialect {
  readonly id: DialectId
  /** Paths whose unmatched requests answer in this dialect's envelope (`/v1` covers `/v1/…`). */
  readonly prefixes: readonly string[]
  /** Adds the dialect's routes to the sandbox's app. */
  readonly mount: (app: Hono) => void
  /** Who sent a merchant request: the merchant, or the dialect's 401/403. */
  readonly authenticate: (c: Context) => MerchantAuth
  /** A refusal in the dialect's error envelope. */
  readonly error: (c: Context, error: EdgeError) => Response
  /** The answer to a path under its prefixes that no route matched. */
  readonly notFound: (c: Context) => Response
  /** `returnUrl` with the order's result and signature appended, as the merchant verifies them. */
  readonly signReturn: (returnUrl: string, order: Order, merchant: Merchant) => string
  /** The webhook for one of the order's events, rendered from the order as it is now. */
  readonly webhook: (order: Order, eventName: OrderEventName, now: Date) => Promise<WebhookMessage>
}

/** Every dialect, one per id: the compiler asks for a new one wherever an OrderSource is added. */
export type DialectTable = { readonly [Id in DialectId]: Dialect & { readonly id: Id } }

export interface Dialects {
  byId(id: DialectId): Dialect
  /** The dialect that created the order. */
  forOrder(order: Order): Dialect
  /** The dialect whose envelope answers under this path, if any. */
  forPath(path: string): Dialect | undefined
  /** In the table's order, which is the order their routes are mounted in. */
  all(): readonly Dialect[]
}

const isUnder = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`)

/**
 * The registry the composition root builds. `borrowed` names areas outside every dialect that
 * answer in one dialect's envelope all the same (the QA and demo merchant APIs speak Juspay's).
 * Overlapping prefixes are refused at start: each path has at most one envelope.
 */
export function dialectRegistry(table: DialectTable, borrowed: Readonly<Record<string, DialectId>> = {}): Dialects {
  const dialects: readonly Dialect[] = Object.values(table)
  const owners: [string, Dialect][] = [
    ...dialects.flatMap((dialect) => dialect.prefixes.map((prefix): [string, Dialect] => [prefix, dialect])),
    ...Object.entries(borrowed).map(([prefix, id]): [string, Dialect] => [prefix, table[id]]),
  ]
  for (const [prefix] of owners) {
    if (!prefix.startsWith('/') || prefix.endsWith('/')) throw new Error(`dialect prefix ${prefix} must start with / and not end with one`)
    const clash = owners.find(([other]) => other !== prefix && (isUnder(other, prefix) || isUnder(prefix, other)))
    if (clash) throw new Error(`dialect prefixes ${prefix} and ${clash[0]} overlap`)
  }
  if (new Set(owners.map(([prefix]) => prefix)).size !== owners.length) throw new Error('a dialect prefix is claimed twice')
  return {
    byId: (id) => table[id],
    forOrder: (order) => table[order.source.dialect],
    forPath: (path) => owners.find(([prefix]) => isUnder(path, prefix))?.[1],
    all: () => dialects,
  }
}
