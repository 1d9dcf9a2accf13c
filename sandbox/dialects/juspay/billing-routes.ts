import { Hono, type Context } from 'hono'
import type { SandboxDeps } from '../../deps'
import type { DialectServices, MerchantAuth } from '../dialect'
import { requireMerchant } from '../../http/auth'
import { fingerprint } from '../../domain/orders'
import { applyWithoutPayment, planChangePreview, type PlanChangePreview } from '../../domain/plan-change'
import { merchantPlan } from '../../domain/plans'
import { currentCycle } from '../../domain/proration'
import { SUBSCRIPTION_ID_PATTERN, type Subscription } from '../../domain/subscriptions'
import { APPLY, appliedResponse, applyRefusalError, readApplyRequest, unknownPreview } from './billing-apply'
import { billingExecution } from './billing-execution'
import { conflictRefusal, currentPlan, noCycleRefusal, previewResponse, readPreviewRequest, targetPlan } from './billing-preview'
import { juspayError } from './errors'
import { parseBody } from './read-body'
import { acceptBody, methodNotAllowed, OTHER_THAN_GET, OTHER_THAN_POST, type JuspayEnv } from './routes'

const BILLING = '/billing'
const PREVIEW = 'preview_prorated_amount'
const COMMANDS = `"${PREVIEW}" or "${APPLY}"`
const EXECUTION_INFO = '/billing/execution-info'
/** Juspay's sample calls it with a trailing slash; both spellings answer. */
const EXECUTION_INFO_PATHS = [EXECUTION_INFO, `${EXECUTION_INFO}/`]
const LIST = '/billing/execution-info/list/:customer_id'

const NOT_FOUND = 'No billing execution with this billing_execution_info_id.'

/**
 * Juspay Billing's reads (docs/domain/billing.md#reading-a-subscription): one billing execution by
 * id (`POST /billing/execution-info`, `command: "get"`), and a customer's executions
 * (`GET /billing/execution-info/list/{customer_id}`); and the prorated preview of a plan change
 * (`POST /billing`, `command: "preview_prorated_amount"`, docs/domain/billing.md#plan-changes-the-prorated-preview)
 * and the sandbox's `apply_plan_change` of one that needs no payment (docs/domain/billing.md#a-net-of-zero-or-below).
 * All are scoped to the authenticated merchant.
 */
export function juspayBillingRoutes(services: DialectServices, authenticate: (c: Context) => MerchantAuth): Hono<JuspayEnv> {
  const { deps } = services
  const app = new Hono<JuspayEnv>()
  const auth = requireMerchant<JuspayEnv>(authenticate)

  // [I] JSON only: Juspay documents the preview as a JSON request, and its updated_fields are nested.
  app.post(BILLING, auth, acceptBody(['json']), billingCommand(services))
  // [I] JSON as Juspay's sample sends it; form bodies too, as POST /orders takes them.
  for (const path of EXECUTION_INFO_PATHS) app.post(path, auth, acceptBody(['json', 'form']), getExecution(deps))

  app.get(LIST, auth, async (c) => {
    const merchant = c.get('merchant')
    // [I] A customer is not an object here: one with no subscription (or unknown) has an empty list.
    const executions = (await deps.store.subscriptionsOf(merchant.id, c.req.param('customer_id'))).map(billingExecution)
    return c.json({ message: 'Success', merchant_id: merchant.id, success: true, billing_execution_info: executions })
  })

  app.on(OTHER_THAN_POST, [BILLING, ...EXECUTION_INFO_PATHS], methodNotAllowed('POST'))
  app.on(OTHER_THAN_GET, LIST, methodNotAllowed('GET'))
  return app
}

function getExecution(deps: SandboxDeps) {
  return async (c: Context<JuspayEnv>): Promise<Response> => {
    const parsed = parseBody(c.get('bodyKind'), await c.req.text())
    if (!parsed.ok) return juspayError(c, parsed.error)
    const { command, billing_execution_info_id: id } = parsed.body
    if (command === undefined || command === null || command === '') {
      return juspayError(c, {
        status: 400,
        code: 'MISSING_MANDATORY_PARAMETER',
        message: 'Invalid request: command is required ("get").',
        fields: [{ field_name: 'command', reason: 'is required ("get")' }],
      })
    }
    if (command !== 'get') {
      const reason = 'must be "get": reading one billing execution is the only command this sandbox serves here'
      return juspayError(c, { status: 400, code: 'INVALID_INPUT', message: `Invalid request: command ${reason}.`, fields: [{ field_name: 'command', reason }] })
    }
    if (typeof id !== 'string' || id === '') {
      const reason = id === undefined || id === null || id === '' ? 'is required' : 'must be a string'
      return juspayError(c, {
        status: 400,
        code: id === undefined || id === null || id === '' ? 'MISSING_MANDATORY_PARAMETER' : 'INVALID_INPUT',
        message: `Invalid request: billing_execution_info_id ${reason}.`,
        fields: [{ field_name: 'billing_execution_info_id', reason }],
      })
    }
    // Scoped to the authenticated merchant: another merchant's id is simply not found.
    const subscription = await deps.store.subscription(c.get('merchant').id, id)
    if (!subscription) return juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: NOT_FOUND })
    return c.json(billingExecution(subscription))
  }
}

/** `POST /billing`: Juspay multiplexes on `command`; the sandbox serves the prorated preview and applying one that needs no payment. */
function billingCommand(services: DialectServices) {
  return async (c: Context<JuspayEnv>): Promise<Response> => {
    const parsed = parseBody(c.get('bodyKind'), await c.req.text())
    if (!parsed.ok) return juspayError(c, parsed.error)
    const { command } = parsed.body
    if (command === undefined || command === null || command === '') {
      return juspayError(c, {
        status: 400,
        code: 'MISSING_MANDATORY_PARAMETER',
        message: `Invalid request: command is required (${COMMANDS}).`,
        fields: [{ field_name: 'command', reason: `is required (${COMMANDS})` }],
      })
    }
    if (command === PREVIEW) return preview(c, services.deps, parsed.body)
    if (command === APPLY) return apply(c, services, parsed.body)
    const reason = `must be ${COMMANDS}: the prorated preview of a plan change and applying one that needs no payment are the commands this sandbox serves at POST /billing`
    return juspayError(c, { status: 400, code: 'INVALID_INPUT', message: `Invalid request: command ${reason}.`, fields: [{ field_name: 'command', reason }] })
  }
}

/** The merchant's subscription a billing command names; another merchant's is simply not found. */
function namedSubscription(deps: SandboxDeps, merchantId: string, id: string): Promise<Subscription | undefined> {
  return SUBSCRIPTION_ID_PATTERN.test(id) ? deps.store.subscription(merchantId, id) : Promise.resolve(undefined)
}

const unknownSubscription = (c: Context<JuspayEnv>): Response =>
  juspayError(c, {
    status: 404,
    code: 'RESOURCE_NOT_FOUND',
    message: NOT_FOUND,
    fields: [{ field_name: 'billing_execution_info_id', reason: 'names no billing execution of this merchant' }],
  })

async function preview(c: Context<JuspayEnv>, deps: SandboxDeps, body: Record<string, unknown>): Promise<Response> {
  const read = readPreviewRequest(body)
  if (!read.ok) return juspayError(c, read.error)
  const { request } = read
  const merchant = c.get('merchant')
  const subscription = await namedSubscription(deps, merchant.id, request.billingExecutionInfoId)
  if (!subscription) return unknownSubscription(c)
  const digest = fingerprint(body)
  // A repeat answers the stored preview as it was, whatever changed since; another body under its request_id is a conflict.
  const stored = await deps.store.preview(merchant.id, subscription.id, request.requestId)
  if (stored) return replay(c, stored, digest)
  const current = currentPlan(subscription)
  if (!current.ok) return juspayError(c, current.error)
  const now = deps.clock.now()
  const cycle = currentCycle(subscription, now)
  if (!cycle.ok) return juspayError(c, noCycleRefusal(cycle.why))
  const target = targetPlan(request, current.plan, await merchantPlan(deps.store, merchant, request.planId))
  if (!target.ok) return juspayError(c, target.error)
  const made = planChangePreview({
    subscription: { ...subscription, plan: current.plan },
    cycle: cycle.cycle,
    requestId: request.requestId,
    fingerprint: digest,
    now,
    lifetimeMinutes: merchant.billing.previewMinutes,
    // [I] Without rule_info the subscription keeps its debit day: the cycle is the subscriber's, not the plan's.
    next: { planId: target.plan.plan_id, amountMinor: request.planAmountMinor, ruleValue: request.ruleValue ?? subscription.schedule.recurring.ruleValue },
  })
  const inserted = await deps.store.insertPreview(made)
  if (!inserted.inserted) return replay(c, inserted.existing, digest)
  return c.json(previewResponse(made))
}

/**
 * Applies a previewed change that needs no payment, once: a repeat answers the change as applied,
 * and merchants hear BILLING_EXECUTION_UPDATED on the registration's order.
 */
async function apply(c: Context<JuspayEnv>, services: DialectServices, body: Record<string, unknown>): Promise<Response> {
  const { deps } = services
  const read = readApplyRequest(body)
  if (!read.ok) return juspayError(c, read.error)
  const { request } = read
  const merchant = c.get('merchant')
  const subscription = await namedSubscription(deps, merchant.id, request.billingExecutionInfoId)
  if (!subscription) return unknownSubscription(c)
  const stored = await deps.store.preview(merchant.id, subscription.id, request.requestId)
  if (!stored) return juspayError(c, unknownPreview(request))
  if (stored.appliedAt !== null) return c.json(appliedResponse({ ...stored, appliedAt: stored.appliedAt }, subscription))
  const plan = await merchantPlan(deps.store, merchant, stored.next.planId)
  const result = await applyWithoutPayment(deps.store, stored, subscription, plan, deps.clock.now())
  if (!result.ok) return juspayError(c, applyRefusalError(result.refusal))
  const registration = await deps.store.orderById(subscription.pageId)
  if (registration) await services.announce(registration, ['BILLING_EXECUTION_UPDATED'])
  return c.json(appliedResponse(result.preview, result.subscription))
}
function replay(c: Context<JuspayEnv>, stored: PlanChangePreview, digest: string): Response {
  return stored.fingerprint === digest ? c.json(previewResponse(stored)) : juspayError(c, conflictRefusal(stored))
}
