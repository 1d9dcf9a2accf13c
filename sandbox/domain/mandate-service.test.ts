import { describe, expect, it } from 'vitest'
import type { MandateStatus } from '../../contract/status'
import { MemoryStore } from '../store/memory-store'
import { TEST_NOW } from '../testing/fixtures'
import { registeredOrder } from '../testing/registered-order'
import { order as storedOrder } from '../testing/store-contract'
import type { UpiAttempt } from './attempt'
import { MovableClock } from './clock'
import type { MandatePause } from './mandate-change'
import { mandatePayerVpa, MandateService, payerKey } from './mandate-service'
import type { Order } from './order'
import { OrderEventBus, type OrderEventName } from './order-events'
import { OrderWriter } from './order-writer'

const DAY = 24 * 3600 * 1000
const pause = (startDays: number, endDays: number): MandatePause => ({
  startDate: new Date(TEST_NOW.getTime() + startDays * DAY).toISOString(),
  endDate: new Date(TEST_NOW.getTime() + endDays * DAY).toISOString(),
})

/** A MemoryStore holding `order` (before the write that registers it, when `registering`), and the service and writer wired as the app wires them. */
async function setup(order: Order) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => TEST_NOW })
  const bus = new OrderEventBus()
  const events: OrderEventName[] = []
  bus.subscribe((change) => events.push(...change.events))
  const writer = new OrderWriter(store, clock, bus, () => undefined)
  const service = new MandateService({ store, clock }, writer)
  writer.follow(service.index)
  writer.follow(service.pauses)
  const inserted = await store.insertOrder(order)
  if (!inserted.inserted) throw new Error('not inserted')
  const stored = async (): Promise<Order> => (await store.orderById(order.id)) ?? order
  /** Writes `next` over the stored order with these events, as the attempt service does. */
  const write = async (next: Order, written: OrderEventName[]) => {
    await writer.change(await stored(), (current) => ({ write: { order: { ...next, revision: current.revision }, events: written }, answer: () => undefined }))
  }
  return { store, clock, writer, service, events, stored, write }
}

describe('payerKey and mandatePayerVpa', () => {
  it('keys a VPA trimmed and in lower case', () => {
    expect(payerKey('  Asha@OkAxis ')).toBe('asha@okaxis')
  })

  it.each<[string, Order, string | null]>([
    ['a UPI mandate registered by collect', registeredOrder('upi', 'ACTIVE'), 'asha@okaxis'],
    ['a UPI mandate whose payer gave no VPA', registeredOrder('upi', 'ACTIVE', { attempts: [{ ...(registeredOrder('upi', 'ACTIVE').attempts[0] as UpiAttempt), payerVpa: null }] }), null],
    ['an eNACH mandate', registeredOrder('netbanking', 'ACTIVE'), null],
    ['an order whose mandate was never registered', storedOrder(), null],
  ])('%s: %s', (_name, order, vpa) => {
    expect(mandatePayerVpa(order)).toBe(vpa)
  })
})

describe('MandateService.index: finding a mandate once its activation stood', () => {
  it('finds a UPI mandate by id for its own merchant only, and lists it under its payer\'s VPA however it is typed', async () => {
    const pending = storedOrder()
    const { service, write, stored } = await setup(pending)
    expect(await service.ofMerchant('demo_merchant', 'mid_1')).toBeUndefined()
    await write(registeredOrder('upi', 'ACTIVE'), ['MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
    expect(await service.ofMerchant('demo_merchant', 'mid_1')).toEqual(await stored())
    expect(await service.ofMerchant('other_merchant', 'mid_1')).toBeUndefined()
    expect((await service.ofPayer(' ASHA@okaxis ')).map((o) => o.id)).toEqual([pending.id])
  })

  it('finds an eNACH mandate by id, under no VPA', async () => {
    const { service, write } = await setup(storedOrder())
    await write(registeredOrder('netbanking', 'ACTIVE'), ['MANDATE_ACTIVATED', 'ORDER_SUCCEEDED'])
    expect((await service.ofMerchant('demo_merchant', 'mid_1'))?.mandateStatus).toBe('ACTIVE')
    expect(await service.ofPayer('asha@okaxis')).toEqual([])
  })

  it('indexes nothing for a write that did not activate the mandate', async () => {
    const { service, write } = await setup(storedOrder())
    await write(registeredOrder('upi', 'ACTIVE'), ['ORDER_SUCCEEDED'])
    expect(await service.ofMerchant('demo_merchant', 'mid_1')).toBeUndefined()
    expect(await service.ofPayer('asha@okaxis')).toEqual([])
  })

  it('indexes nothing for an activation that names no mandate id', async () => {
    const { service, write } = await setup(storedOrder())
    await write(registeredOrder('upi', 'ACTIVE', { mandateId: null }), ['MANDATE_ACTIVATED'])
    expect(await service.ofPayer('asha@okaxis')).toEqual([])
  })
})

describe('MandateService.change', () => {
  it('writes the change dated on the merchant\'s clock, and tells merchants', async () => {
    const { store, service, events, stored } = await setup(registeredOrder('upi', 'ACTIVE'))
    await store.advanceClock('demo_merchant', DAY)
    const result = await service.change(await stored(), { kind: 'revoke' }, 'merchant')
    expect(result).toEqual({ ok: true, order: await stored(), events: ['MANDATE_REVOKED'] })
    expect((await stored()).mandateChange).toEqual({ status: 'REVOKED', at: new Date(TEST_NOW.getTime() + DAY).toISOString(), by: 'merchant', pause: null })
    expect(events).toEqual(['MANDATE_REVOKED'])
  })

  it('writes nothing for a repeat or a refusal', async () => {
    const { service, events, stored } = await setup(registeredOrder('upi', 'ACTIVE'))
    const before = await stored()
    expect(await service.change(before, { kind: 'activate' }, 'merchant')).toEqual({ ok: true, order: before, events: [] })
    expect(await service.change(before, { kind: 'pause', pause: pause(1, 5) }, 'customer_bank')).toMatchObject({ ok: false })
    expect(await stored()).toEqual(before)
    expect(events).toEqual([])
  })
})

describe('MandateService: a pause ends on its end date', () => {
  /** An active UPI mandate paused by the merchant from tomorrow for four days, and the job that pause stored. */
  async function paused() {
    const s = await setup(registeredOrder('upi', 'ACTIVE'))
    const window = pause(1, 5)
    const result = await s.service.change(await s.stored(), { kind: 'pause', pause: window }, 'merchant')
    if (!result.ok) throw new Error(result.refusal.reason)
    const [job, ...others] = await s.store.claimDue(Date.parse(window.endDate), 60_000, 10)
    if (!job) throw new Error('no pause_end job')
    expect(others).toEqual([])
    return { ...s, window, job }
  }

  it('stores a job due at the end of the window, which resumes the mandate then', async () => {
    const { store, service, stored, events, window, job } = await paused()
    expect(await store.claimDue(Date.parse(window.endDate) - 1, 60_000, 10)).toEqual([])
    expect(job).toMatchObject({ id: `pause_end:${(await stored()).id}`, merchantId: 'demo_merchant', dueAt: Date.parse(window.endDate), kind: 'pause_end' })
    await service.endPause(job)
    expect((await stored()).mandateStatus).toBe('ACTIVE')
    expect((await stored()).mandateChange).toMatchObject({ status: 'ACTIVE', by: 'pause_end', pause: null })
    expect(events).toEqual(['MANDATE_PAUSED', 'MANDATE_ACTIVATED'])
  })

  it.each<[string, (s: Awaited<ReturnType<typeof paused>>) => Promise<void>, MandateStatus]>([
    ['a later pause replaced the window', async ({ service, stored }) => {
      await service.change(await stored(), { kind: 'pause', pause: pause(2, 9) }, 'merchant')
    }, 'PAUSED'],
    ['the mandate was resumed meanwhile', async ({ service, stored }) => {
      await service.change(await stored(), { kind: 'activate' }, 'merchant')
    }, 'ACTIVE'],
    ['the mandate was revoked meanwhile', async ({ service, stored }) => {
      await service.change(await stored(), { kind: 'revoke' }, 'merchant')
    }, 'REVOKED'],
  ])('leaves the mandate as it is when %s, and finishes the job', async (_name, meanwhile, status) => {
    const s = await paused()
    await meanwhile(s)
    const before = await s.stored()
    await s.service.endPause(s.job)
    expect(await s.stored()).toEqual(before)
    expect(before.mandateStatus).toBe(status)
  })

  it('finishes the job once it has run: no longer held, not due again', async () => {
    const { store, service, job, window } = await paused()
    expect(await store.claimNextDue('demo_merchant', Date.parse(window.endDate), 60_000)).toBe('held')
    await service.endPause(job)
    expect(await store.claimNextDue('demo_merchant', Date.parse(window.endDate) + DAY, 60_000)).toBeNull()
  })

  it('keeps the job a later pause stored when the earlier pause\'s job runs', async () => {
    const { store, service, stored, job } = await paused()
    const later = pause(2, 9)
    await service.change(await stored(), { kind: 'pause', pause: later }, 'merchant')
    await service.endPause(job)
    expect((await stored()).mandateStatus).toBe('PAUSED')
    expect(await store.claimDue(Date.parse(later.endDate), 60_000, 10)).toMatchObject([{ dueAt: Date.parse(later.endDate), kind: 'pause_end' }])
  })

  it('runs quietly for an order the merchant\'s reset forgot meanwhile', async () => {
    const { store, service, events, job } = await paused()
    await store.resetMerchant('demo_merchant')
    await service.endPause(job)
    expect(events).toEqual(['MANDATE_PAUSED'])
    expect(await store.size()).toBe(0)
  })

  it('does not schedule the pause\'s end again for a later write that did not pause (the running job is not started twice)', async () => {
    const { writer, store, stored, window } = await paused()
    const order = await stored()
    await writer.change(order, (current) => ({ write: { order: { ...current, metadata: { ...current.metadata, note: 'x' } }, events: [] }, answer: () => undefined }))
    expect(await store.claimNextDue('demo_merchant', Date.parse(window.endDate), 60_000)).toBe('held')
  })

  it('schedules nothing for a change other than a pause', async () => {
    const { store, service, stored } = await setup(registeredOrder('upi', 'PAUSED', { mandateChange: { status: 'PAUSED', at: TEST_NOW.toISOString(), by: 'merchant', pause: pause(0, 5) } }))
    await service.change(await stored(), { kind: 'activate' }, 'merchant')
    expect(await store.claimDue(TEST_NOW.getTime() + 100 * DAY, 60_000, 10)).toEqual([])
  })
})
