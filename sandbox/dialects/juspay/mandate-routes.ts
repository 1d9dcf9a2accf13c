import { Hono, type Context } from 'hono'
import type { DialectServices, MerchantAuth } from '../dialect'
import { requireMerchant } from '../../http/auth'
import { debitRefusalError } from './debit-refusals'
import { juspayError } from './errors'
import { cancelledDebitResponse, cancelRefusalError, mandateCommandResponse, mandateRefusalError, readMandateCommand } from './mandate-command'
import { mandateObject } from './mandate-object'
import { juspayNotification } from './notification-object'
import { parseBody } from './read-body'
import { acceptBody, methodNotAllowed, type JuspayEnv } from './routes'

const MANDATE = '/mandates/:mandate_id'
const OTHER_THAN_GET_OR_POST = ['PUT', 'PATCH', 'DELETE', 'OPTIONS']

const unknownMandate = (c: Context<JuspayEnv>): Response =>
  juspayError(c, { status: 404, code: 'RESOURCE_NOT_FOUND', message: 'No mandate with this mandate_id.' })

/**
 * A registered mandate, for its merchant (docs/domain/mandates.md#the-merchants-commands):
 * `GET /mandates/{mandate_id}` reads it; `POST /mandates/{mandate_id}` with `command` revokes,
 * pauses or activates (resumes) it, cancels one of its scheduled debits, or sends a pre-debit
 * notice (`pre_debit_notify`, answered with the notification object), form-encoded or JSON,
 * and the merchant hears the change by webhook. Another merchant's mandate is not found.
 */
export function juspayMandateRoutes({ mandates, renewals, executions }: DialectServices, authenticate: (c: Context) => MerchantAuth): Hono<JuspayEnv> {
  const app = new Hono<JuspayEnv>()
  const auth = requireMerchant<JuspayEnv>(authenticate)

  app.get(MANDATE, auth, async (c) => {
    const order = await mandates.ofMerchant(c.get('merchant').id, c.req.param('mandate_id'))
    const mandate = order ? mandateObject(order) : null
    return mandate ? c.json(mandate) : unknownMandate(c)
  })

  app.post(MANDATE, auth, acceptBody(['form', 'json']), async (c) => {
    const parsed = parseBody(c.get('bodyKind'), await c.req.text())
    if (!parsed.ok) return juspayError(c, parsed.error)
    const order = await mandates.ofMerchant(c.get('merchant').id, c.req.param('mandate_id'))
    if (!order) return unknownMandate(c)
    const read = readMandateCommand(parsed.body)
    if (!read.ok) return juspayError(c, read.error)
    if (read.command.kind === 'cancel_recurring_transaction') {
      const cancelled = await renewals.cancelScheduled(order, read.command.orderId)
      return cancelled.ok ? c.json(cancelledDebitResponse(cancelled.order)) : juspayError(c, cancelRefusalError(cancelled.reason))
    }
    if (read.command.kind === 'pre_debit_notify') {
      const noticed = await executions.notify(order, read.command.notice)
      return noticed.ok ? c.json(juspayNotification(noticed.notice, order.mandateId, noticed.notice.description)) : juspayError(c, debitRefusalError(noticed.refusal))
    }
    const result = await mandates.change(order, read.command, 'merchant')
    return result.ok ? c.json(mandateCommandResponse(result.order)) : juspayError(c, mandateRefusalError(result.refusal))
  })

  app.on(OTHER_THAN_GET_OR_POST, MANDATE, methodNotAllowed('GET, POST'))
  return app
}
