import { describe, expect, it } from 'vitest'
import type { Order } from '../../domain/order'
import type { MerchantNotice } from '../../domain/merchant-debits'
import type { DebitNotification } from '../../domain/renewal'
import { order as storedOrder } from '../../testing/store-contract'
import { notificationObject } from './notification-object'

const notice = (overrides: Partial<DebitNotification> = {}): DebitNotification => ({
  id: 'ntf_1',
  objectReferenceId: 'ref_1',
  status: 'SUCCESS',
  amountMinor: 49_950,
  txnDate: '2026-12-05T04:30:00.000Z',
  createdAt: '2026-12-03T04:30:00.000Z',
  failure: null,
  ...overrides,
})

const merchantNotice = (id: string, description: string): MerchantNotice => ({ ...notice({ id }), description, usedBy: null })

/** A scheduled debit's order: cycle 2 of subscription bei_a, on mandate M1. */
const debitOrder = (notification: DebitNotification | null): Order =>
  storedOrder({
    orderId: 'bei_a-2',
    mandateId: 'M1',
    debit: { subscriptionId: 'bei_a', cycle: 2, dueAt: '2026-12-05T04:30:00.000Z', notification },
  })

describe('notificationObject: the pre-debit notice in a NOTIFICATION_* webhook', () => {
  it("a scheduled debit's notice: every field, dates in Unix seconds and the amount in rupees, as strings", () => {
    expect(notificationObject(debitOrder(notice()))).toStrictEqual({
      id: 'ntf_1',
      object: 'notification',
      object_reference_id: 'ref_1',
      status: 'SUCCESS',
      source_object: 'MANDATE',
      source_info: { amount: '499.50', txn_date: '1796445000' },
      mandate: { mandate_id: 'M1' },
      description: 'Debit of cycle 2 of bei_a-2',
      notification_type: 'SMS',
      provider_name: 'SANDBOX',
      provider_response: { provider_ref_id: 'ntf_1', notification_date: '1796272200' },
      date_created: '1796272200',
      last_updated: '1796272200',
      metadata: {},
    })
  })

  it('a notice that could not go out says why instead', () => {
    const failed = notice({ status: 'FAILURE', failure: 'The mandate is PAUSED' })
    expect(notificationObject(debitOrder(failed))).toMatchObject({ status: 'FAILURE', description: 'The mandate is PAUSED' })
  })

  it("a mandate's order carries the merchant's notice written last", () => {
    const order = storedOrder({
      mandateId: 'M2',
      merchantDebits: { notices: [merchantNotice('ntf_a', 'October'), merchantNotice('ntf_b', 'November'), merchantNotice('ntf_c', 'December')], executions: [], nextDebit: null },
    })
    expect(notificationObject(order)).toMatchObject({ id: 'ntf_c', description: 'December', mandate: { mandate_id: 'M2' } })
  })

  it.each<[string, Order]>([
    ['an order without notices', storedOrder()],
    ['a debit whose notice is not written yet', debitOrder(null)],
    ['a mandate with no notice left', storedOrder({ merchantDebits: { notices: [], executions: [], nextDebit: null } })],
  ])('none on %s', (_, order) => {
    expect(notificationObject(order)).toBeNull()
  })
})
