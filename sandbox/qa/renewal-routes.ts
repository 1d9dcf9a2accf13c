import type { Context, Hono, MiddlewareHandler } from 'hono'
import * as z from 'zod'
import type { Dialect } from '../dialects/dialect'
import type { NextDebitAnswer, SubscriptionTimeline } from '../../contract/merchant-answers'
import { BANK_DECLINES } from '../../contract/scenarios'
import type { DebitChoice } from '../domain/renewal'
import type { MandateExecutions } from '../domain/mandate-executions'
import type { Renewals, TimelineLine } from '../domain/renewals'
import type { Subscription } from '../domain/subscriptions'
import { SUBSCRIPTION_ID_PATTERN } from '../domain/subscriptions'
import type { MerchantEnv } from '../http/auth'

/** [I] Juspay's mandate ids are 22 letters and digits; anything else is not found before the store is asked. */
const MANDATE_ID_PATTERN = /^[A-Za-z0-9]{1,64}$/

export const NextDebit = z.discriminatedUnion(
  'outcome',
  [
    z.strictObject({ outcome: z.literal('success') }),
    z.strictObject({ outcome: z.literal('failure'), reason: z.enum(BANK_DECLINES, { error: `must be one of ${BANK_DECLINES.join(', ')}` }) }),
  ],
  { error: 'must be "success" or "failure"' },
)

type Read<T> = { ok: true; body: T } | { ok: false; response: Response }

interface RenewalRouteDeps {
  renewals: Renewals
  /** The merchant's own debits: the timeline of a mandate that carries no subscription. */
  executions: MandateExecutions
  refuse: Dialect['error']
  limitBody: MiddlewareHandler
  /** The QA API's reader of a required JSON body (415, 400 naming the fields). */
  readBody: <T>(c: Context, schema: z.core.$ZodType<T>) => Promise<Read<T>>
}

const NO_MANDATE = { status: 404, message: 'No mandate with this mandate_id.' } as const
const NO_SUBSCRIPTION = { status: 404, message: 'No subscription with this billing_execution_info_id.' } as const
const timelineJson = (subscription: Subscription, lines: TimelineLine[]): SubscriptionTimeline => ({
  billing_execution_info_id: subscription.id,
  mandate_id: subscription.mandateId,
  status: subscription.status,
  timeline: lines,
})

/**
 * The QA API's side of scheduled debits (docs/domain/renewals.md#the-qa-api): choosing what a
 * mandate's next debit does, and reading a subscription's timeline, by its id or its mandate's.
 * Mounted inside the QA routes, so HTTP Basic with the merchant's key and its envelope apply.
 */
export function mountRenewalRoutes(app: Hono<MerchantEnv>, { renewals, executions, refuse, limitBody, readBody }: RenewalRouteDeps): void {
  app.post('/mandates/:mandateId/next-debit', limitBody, async (c) => {
    const read = await readBody(c, NextDebit)
    if (!read.ok) return read.response
    const mandateId = c.req.param('mandateId')
    if (!MANDATE_ID_PATTERN.test(mandateId)) return refuse(c, NO_MANDATE)
    const choice: DebitChoice = read.body.outcome === 'success' ? { outcome: 'success' } : { outcome: 'failure', reason: read.body.reason }
    const result = await renewals.chooseNextDebit(c.get('merchant').id, mandateId, choice)
    if (!result.ok) {
      if (result.reason === 'no_mandate') return refuse(c, NO_MANDATE)
      if (result.reason === 'no_subscription') return refuse(c, NO_SUBSCRIPTION)
      return refuse(c, { status: 409, message: 'The mandate is no longer ACTIVE or PAUSED, or the subscription it carries has ended: it has no more debits.' })
    }
    const { subscription } = result
    const due = subscription?.renewal?.due ?? null
    const answer: NextDebitAnswer = {
      mandate_id: mandateId,
      billing_execution_info_id: subscription?.id ?? null,
      next_debit: read.body,
      status: subscription?.status ?? null,
      scheduled: due ? { cycle: subscription?.renewal?.cycle ?? null, order_id: due.orderId, date: due.date } : null,
    }
    return c.json(answer)
  })

  app.get('/subscriptions/:subscriptionId/timeline', async (c) => {
    const id = c.req.param('subscriptionId')
    const found = SUBSCRIPTION_ID_PATTERN.test(id) ? await renewals.timeline(c.get('merchant').id, id) : undefined
    return found ? c.json(timelineJson(found.subscription, found.lines)) : refuse(c, NO_SUBSCRIPTION)
  })

  app.get('/mandates/:mandateId/timeline', async (c) => {
    const mandateId = c.req.param('mandateId')
    if (!MANDATE_ID_PATTERN.test(mandateId)) return refuse(c, NO_MANDATE)
    const merchantId = c.get('merchant').id
    const found = await renewals.mandateTimeline(merchantId, mandateId)
    if (found === 'no_mandate') return refuse(c, NO_MANDATE)
    if (found !== 'no_subscription') return c.json(timelineJson(found.subscription, found.lines))
    const own = await executions.mandateTimeline(merchantId, mandateId)
    if (!own) return refuse(c, NO_MANDATE)
    const answer: SubscriptionTimeline = { billing_execution_info_id: null, mandate_id: mandateId, status: null, timeline: own }
    return c.json(answer)
  })
}
