import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_MERCHANTS_FILE, isAllowedWebhookHost, loadMerchants } from './merchants'

interface RawMerchant {
  id: string
  plans?: Record<string, unknown>[]
  webhookUrls?: unknown
}

const dir = mkdtempSync(join(tmpdir(), 'merchants-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const demoFile = (): { merchants: RawMerchant[] } => JSON.parse(readFileSync(DEFAULT_MERCHANTS_FILE, 'utf8')) as { merchants: RawMerchant[] }

let n = 0
/** Loads the default file after `change` edits a copy of it. */
function loadChanged(change: (file: { merchants: RawMerchant[] }) => void) {
  const file = demoFile()
  change(file)
  n += 1
  const path = join(dir, `merchants-${n}.json`)
  writeFileSync(path, JSON.stringify(file))
  return () => loadMerchants(path)
}

const demoPlans = (file: { merchants: RawMerchant[] }): Record<string, unknown>[] => {
  const plans = file.merchants[0]?.plans
  if (!plans) throw new Error('the demo merchant has no plans')
  return plans
}

describe('merchants file billing settings', () => {
  it('holds a plan-change preview 15 minutes unless the merchant sets another lifetime', () => {
    expect(loadMerchants(DEFAULT_MERCHANTS_FILE).byId('demo_merchant')?.billing).toEqual({ previewMinutes: 15 })
    const load = loadChanged((file) => Object.assign(file.merchants[0] ?? {}, { billing: { previewMinutes: 30 } }))
    expect(load().byId('demo_merchant')?.billing).toEqual({ previewMinutes: 30 })
  })

  it.each([0, 1441, 2.5, '15'])('stops at start on a preview lifetime of %j minutes, naming the merchant and the field', (minutes) => {
    const load = loadChanged((file) => Object.assign(file.merchants[0] ?? {}, { billing: { previewMinutes: minutes } }))
    expect(load).toThrow('merchant "demo_merchant", field billing.previewMinutes')
  })
})

describe('merchants file plans', () => {
  it('ships the demo plans and none for the other merchant', () => {
    const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
    expect(merchants.byId('demo_merchant')?.plans.map((p) => [p.plan_id, p.amount, p.interval, p.intro])).toEqual([
      ['fit_monthly', { type: 'FIXED', paise: 49900 }, 'MONTHLY', { type: 'NONE' }],
      ['fit_yearly', { type: 'FIXED', paise: 499900 }, 'YEARLY', { type: 'NONE' }],
      ['fit_monthly_trial', { type: 'FIXED', paise: 49900 }, 'MONTHLY', { type: 'DAYS', days: 14 }],
      ['fit_monthly_intro99', { type: 'FIXED', paise: 49900 }, 'MONTHLY', { type: 'CYCLES', cycles: 3, paise: 9900 }],
      ['fit_classes_payg', { type: 'VARIABLE' }, 'MONTHLY', { type: 'NONE' }],
      ['fit_monthly_plus', { type: 'FIXED', paise: 79900 }, 'MONTHLY', { type: 'NONE' }],
    ])
    expect(merchants.byId('other_merchant')?.plans).toEqual([])
  })

  it('loads a merchant without a plans field with no plans', () => {
    const load = loadChanged((file) => {
      delete file.merchants[0]?.plans
    })
    expect(load().byId('demo_merchant')?.plans).toEqual([])
  })

  it.each<[string, (plans: Record<string, unknown>[]) => void, string]>([
    [
      'max_amount below the amount',
      (plans) => Object.assign(plans[0] ?? {}, { max_amount: 100 }),
      'merchant "demo_merchant", plan "fit_monthly", field max_amount: must be at least the amount (49900 paise)',
    ],
    [
      'a duplicate plan_id',
      (plans) => Object.assign(plans[2] ?? {}, { plan_id: 'fit_monthly' }),
      'merchant "demo_merchant", plan "fit_monthly", field plan_id: fit_monthly is already the plan_id of an earlier plan of this merchant',
    ],
    [
      'intro cycles above the recurring amount',
      (plans) => Object.assign(plans[3] ?? {}, { intro: { type: 'CYCLES', cycles: 3, paise: 59900 } }),
      'merchant "demo_merchant", plan "fit_monthly_intro99", field intro.paise: must not exceed the recurring amount (49900 paise)',
    ],
    [
      'a debit day out of range',
      (plans) => Object.assign(plans[1] ?? {}, { rule_value: 32 }),
      'merchant "demo_merchant", plan "fit_yearly", field rule_value: must be between 1 and 31 with interval YEARLY',
    ],
    [
      'an unknown field',
      (plans) => Object.assign(plans[4] ?? {}, { plan_model: 'USAGE_BASED' }),
      'merchant "demo_merchant", plan "fit_classes_payg": has unknown field plan_model',
    ],
    [
      'a plan without a plan_id',
      (plans) => {
        delete plans[4]?.['plan_id']
      },
      'merchant "demo_merchant", plan #5, field plan_id: must be a string',
    ],
  ])('stops at start on %s, naming the merchant, the plan and the field', (_name, change, message) => {
    const load = loadChanged((file) => change(demoPlans(file)))
    expect(load).toThrow(message)
  })
})

describe('merchants file webhook URL allow-list', () => {
  const url = (value: string) => new URL(value)

  it('ships loopback allowed for both merchants, so local receivers and the tests get their webhooks', () => {
    const merchants = loadMerchants(DEFAULT_MERCHANTS_FILE)
    expect(merchants.byId('demo_merchant')?.webhookUrls).toEqual({ loopback: true, hosts: [] })
    expect(merchants.byId('other_merchant')?.webhookUrls).toEqual({ loopback: true, hosts: [] })
  })

  it("allows webhook.url's host, the listed hosts, and loopback only when allowed; left out, it allows webhook.url's host alone", () => {
    const load = loadChanged((file) => {
      delete file.merchants[0]?.webhookUrls
      Object.assign(file.merchants[0] ?? {}, { webhook: { url: 'https://hooks.acme.example/in', username: 'u', password: 'p' } })
      Object.assign(file.merchants[1] ?? {}, { webhookUrls: { loopback: false, hosts: ['Hooks.Globex.example'] } })
    })
    const merchants = load()
    const demo = merchants.byId('demo_merchant')
    const other = merchants.byId('other_merchant')
    if (!demo || !other) throw new Error('merchants missing')
    expect(demo.webhookUrls).toEqual({ loopback: false, hosts: [] })
    expect(isAllowedWebhookHost(demo, url('https://HOOKS.acme.example:8443/other'))).toBe(true)
    expect(isAllowedWebhookHost(demo, url('http://127.0.0.1:9/hook'))).toBe(false)
    expect(isAllowedWebhookHost(demo, url('https://evil.example/hook'))).toBe(false)
    expect(isAllowedWebhookHost(other, url('https://hooks.globex.example/hook'))).toBe(true)
    expect(isAllowedWebhookHost(other, url('https://sub.hooks.globex.example/hook'))).toBe(false)
    expect(isAllowedWebhookHost(other, url('http://localhost:9/hook'))).toBe(false)
    expect(isAllowedWebhookHost(loadMerchants(DEFAULT_MERCHANTS_FILE).byId('demo_merchant') ?? demo, url('http://[::1]:9/hook'))).toBe(true)
  })

  it('stops at start on a loopback webhook.url the merchant does not allow loopback for', () => {
    const load = loadChanged((file) =>
      Object.assign(file.merchants[1] ?? {}, {
        webhook: { url: 'http://localhost:3000/hooks', username: 'u', password: 'p' },
        webhookUrls: { loopback: false, hosts: [] },
      }),
    )
    expect(load).toThrow('merchant "other_merchant", field webhook.url: is on loopback; set webhookUrls.loopback to true to send webhooks there')
  })
})
