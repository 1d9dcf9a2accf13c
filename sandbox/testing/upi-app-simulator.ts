import { Hono } from 'hono'
import type { StartAttempt } from '../../contract/attempt'
import type { SandboxDeps } from '../deps'
import { sandboxCore } from '../app'
import { MovableClock } from '../domain/clock'
import type { Order } from '../domain/order'
import { createOrder, type OrderDraft } from '../domain/orders'
import { silentLogger } from '../log'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, merchantDirectory, type Merchant } from '../merchants'
import { MemoryStore } from '../store/memory-store'
import { orderDraft } from './fixtures'
import { upiAppRoutes } from '../simulators/upi-app/routes'

/** 25 Nov 2026, 10:00 UTC (15:30 IST). */
export const NOW = new Date('2026-11-25T10:00:00.000Z')

export const intent: StartAttempt = { rail: 'upi', channel: 'intent', setUpMandate: true }
export const collect = (vpa: string): StartAttempt => ({ rail: 'upi', channel: 'collect', vpa, setUpMandate: true })

/** An app that mounts only the simulator, as sandbox/app.ts does, over an in-memory sandbox. */
/** `customise` changes the demo merchant, e.g. to give it a hostile name. */
export function simulatorSandbox(customise: (merchant: Merchant) => Merchant = (m) => m) {
  const store = new MemoryStore()
  const clock = new MovableClock({ now: () => NOW })
  const merchants = merchantDirectory(
    loadMerchants(DEFAULT_MERCHANTS_FILE)
      .all()
      .map((m) => (m.id === 'demo_merchant' ? customise(m) : m)),
  )
  const deps: SandboxDeps = { store, clock, merchants, log: silentLogger, publicOrigin: 'http://127.0.0.1:4000', qaEnabled: true }
  const core = sandboxCore(deps)
  const { attempts, mandates } = core
  const app = new Hono()
  app.route('/simulator/upi', upiAppRoutes(deps, attempts, mandates))
  const found = merchants.byId('demo_merchant')
  if (!found) throw new Error('demo merchant missing')
  const merchant = found
  let n = 0

  async function order(overrides: Partial<OrderDraft> = {}): Promise<Order> {
    n += 1
    const created = await createOrder(
      deps,
      orderDraft(NOW, {
        orderId: `o-${n}`,
        fingerprint: `f-${n}`,
        description: 'Gold plan',
        mandate: {
          maxAmount: { minor: 1_000_00, currency: 'INR' },
          amountRule: 'VARIABLE',
          frequency: 'MONTHLY',
          ruleType: 'AFTER',
          ruleValue: 5,
          startDate: '2026-11-30T18:30:00.000Z',
          endDate: '2056-11-30T18:29:59.000Z',
          blockFunds: false,
          revokableByCustomer: true,
        },
        ...overrides,
      }),
    )
    if (created.kind !== 'created') throw new Error('order not created')
    return created.order
  }

  /** Starts an attempt on a new order and answers its simulator token. */
  async function start(request: StartAttempt = intent, overrides: Partial<OrderDraft> = {}) {
    const started = await attempts.start(await order(overrides), merchant, request, `key-${n}`)
    if (!started.ok) throw new Error(`attempt not started: ${started.error}`)
    return { order: started.order, attempt: started.attempt, token: started.attempt.simulatorToken }
  }

  const current = async (orderId: string): Promise<Order> => {
    const found = await store.orderById(orderId)
    if (!found) throw new Error('order vanished')
    return attempts.refresh(found)
  }

  return { app, deps, store, clock, attempts, merchant, order, start, current, dispose: () => core.stop() }
}

export const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})
