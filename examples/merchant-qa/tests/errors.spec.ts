import { JuspayApiError, expect, test } from '@mandate-checkout/testing'
import { monthlyMandate } from './mandate.js'

test('a refused session throws a JuspayApiError carrying Juspay\'s envelope, naming the field', async ({ sandbox }) => {
  const refused = await sandbox.createSession({ ...monthlyMandate, 'mandate.max_amount': 'lots' }).catch((error: unknown) => error)
  expect(refused).toBeInstanceOf(JuspayApiError)
  const { status, envelope } = refused as JuspayApiError
  expect(status).toBe(400)
  expect(envelope.error_info.fields.map((f) => f.field_name)).toContain('mandate.max_amount')
})

test('the QA API answers in the same envelope: there is nothing to approve on an unknown order', async ({ sandbox }) => {
  const refused = await sandbox.approve('no-such-order').catch((error: unknown) => error)
  expect(refused).toBeInstanceOf(JuspayApiError)
  expect((refused as JuspayApiError).status).toBe(404)
})
