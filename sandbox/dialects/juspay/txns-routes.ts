import { Hono, type Context } from 'hono'
import type { JuspayErrorField } from '../../../contract/errors'
import type { ExecutionRequest } from '../../domain/mandate-debits'
import type { DialectServices, MerchantAuth } from '../dialect'
import { requireMerchant } from '../../http/auth'
import type { Order } from '../../domain/order'
import { parseRupees } from './decimal'
import { debitRefusalError } from './debit-refusals'
import { juspayError } from './errors'
import { epochSeconds, orderId, text, type Parser } from './parsers'
import { parseBody } from './read-body'
import { acceptBody, methodNotAllowed, summarize, type JuspayEnv } from './routes'

const TXNS = '/txns'
const customerId = text({ max: 128 })
const notificationId = text({ max: 64, pattern: { regex: /^[A-Za-z0-9_]+$/, reason: 'must be a notification id: letters, digits and "_"' } })
const mandateId = text({ max: 64, pattern: { regex: /^[A-Za-z0-9]+$/, reason: 'must be a mandate_id: letters and digits' } })

type Read = { ok: true; request: ExecutionRequest; mandateId: string; customerId: string } | { ok: false; fields: JuspayErrorField[]; missing: boolean }

/** Reads an execution's fields, collecting every field's fault so the merchant fixes them at once. */
function readExecution(body: Record<string, unknown>, merchantId: string): Read {
  const fields: JuspayErrorField[] = []
  let onlyMissing = true
  const read = <T>(name: string, parser: Parser<T>, required: boolean): T | null => {
    const value = body[name]
    if (value === undefined || value === '') {
      if (required) fields.push({ field_name: name, reason: 'is required' })
      return null
    }
    const parsed = parser(value)
    if (parsed.ok) return parsed.value
    onlyMissing = false
    fields.push({ field_name: name, reason: parsed.reason })
    return null
  }
  const merchant = read('merchant_id', text({ max: 64 }), true)
  if (merchant !== null && merchant !== merchantId) {
    onlyMissing = false
    fields.push({ field_name: 'merchant_id', reason: 'does not match the merchant of this API key' })
  }
  const format = read('format', text({ max: 8, pattern: { regex: /^json$/, reason: 'must be "json": an execution answers in JSON' } }), true)
  const order = read('order.order_id', orderId, true)
  const amount = read('order.amount', parseRupees, true)
  const customer = read('order.customer_id', customerId, true)
  const mandate = read('mandate_id', mandateId, true)
  const notice = read('mandate.notification_id', notificationId, false)
  const date = read('mandate.execution_date', epochSeconds, true)
  if (fields.length > 0 || format === null || order === null || amount === null || customer === null || mandate === null || date === null) {
    return { ok: false, fields, missing: onlyMissing }
  }
  return { ok: true, request: { orderId: order, amountMinor: amount, noticeId: notice, executionDate: new Date(date * 1000) }, mandateId: mandate, customerId: customer }
}

/** What Juspay answers an execution [D]: the order and its transaction's ids, and its status (PENDING_VBV until it runs). */
function executionResponse(order: Order): Record<string, string | null> {
  return { order_id: order.orderId, txn_id: order.execution?.txnId ?? null, txn_uuid: order.execution?.txnUuid ?? null, status: order.status }
}

/**
 * `POST /txns` as a merchant's mandate execution (docs/domain/renewals.md#the-merchants-own-debits):
 * form-encoded, HTTP Basic with the API key. The debit is a new order, refused with every field's
 * fault, or when the mandate's rules refuse it; it runs at its execution date on the merchant's
 * clock and ends in ORDER_SUCCEEDED or ORDER_FAILED. The sandbox's other payments go through the
 * payment page, so /txns serves executions alone.
 */
export function juspayTxnsRoutes({ mandates, executions }: DialectServices, authenticate: (c: Context) => MerchantAuth): Hono<JuspayEnv> {
  const app = new Hono<JuspayEnv>()
  const auth = requireMerchant<JuspayEnv>(authenticate)

  app.post(TXNS, auth, acceptBody(['form']), async (c) => {
    const parsed = parseBody(c.get('bodyKind'), await c.req.text())
    if (!parsed.ok) return juspayError(c, parsed.error)
    const merchantId = c.get('merchant').id
    const read = readExecution(parsed.body, merchantId)
    if (!read.ok) {
      return juspayError(c, { status: 400, code: read.missing ? 'MISSING_MANDATORY_PARAMETER' : 'INVALID_INPUT', message: summarize(read.fields), fields: read.fields })
    }
    const holder = await mandates.ofMerchant(merchantId, read.mandateId)
    if (!holder) return juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No mandate with this mandate_id.' })
    const result = await executions.execute(holder, read.request, read.customerId)
    return result.ok ? c.json(executionResponse(result.order)) : juspayError(c, debitRefusalError(result.refusal))
  })

  app.on(['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], TXNS, methodNotAllowed('POST'))
  return app
}
