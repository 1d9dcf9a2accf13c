import { Hono, type Context } from 'hono'
import type { SandboxDeps } from '../../deps'
import type { MerchantAuth } from '../dialect'
import { requireMerchant } from '../../http/auth'
import { billingExecution } from './billing-execution'
import { juspayError } from './errors'
import { parseBody } from './read-body'
import { acceptBody, methodNotAllowed, OTHER_THAN_GET, OTHER_THAN_POST, type JuspayEnv } from './routes'

const EXECUTION_INFO = '/billing/execution-info'
/** Juspay's sample calls it with a trailing slash; both spellings answer. */
const EXECUTION_INFO_PATHS = [EXECUTION_INFO, `${EXECUTION_INFO}/`]
const LIST = '/billing/execution-info/list/:customer_id'

const NOT_FOUND = 'No billing execution with this billing_execution_info_id.'

/**
 * Juspay Billing's reads (docs/domain/billing.md#reading-a-subscription): one billing execution by
 * id (`POST /billing/execution-info`, `command: "get"`), and a customer's executions
 * (`GET /billing/execution-info/list/{customer_id}`). Both are scoped to the authenticated merchant.
 */
export function juspayBillingRoutes(deps: SandboxDeps, authenticate: (c: Context) => MerchantAuth): Hono<JuspayEnv> {
  const app = new Hono<JuspayEnv>()
  const auth = requireMerchant<JuspayEnv>(authenticate)

  // [I] JSON as Juspay's sample sends it; form bodies too, as POST /orders takes them.
  for (const path of EXECUTION_INFO_PATHS) app.post(path, auth, ...acceptBody(['json', 'form']), getExecution(deps))

  app.get(LIST, auth, (c) => {
    const merchant = c.get('merchant')
    // [I] A customer is not an object here: one with no subscription (or unknown) has an empty list.
    const executions = deps.store.subscriptionsOf(merchant.id, c.req.param('customer_id')).map(billingExecution)
    return c.json({ message: 'Success', merchant_id: merchant.id, success: true, billing_execution_info: executions })
  })

  app.on(OTHER_THAN_POST, EXECUTION_INFO_PATHS, methodNotAllowed('POST'))
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
    const subscription = deps.store.subscription(c.get('merchant').id, id)
    if (!subscription) return juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: NOT_FOUND })
    return c.json(billingExecution(subscription))
  }
}
