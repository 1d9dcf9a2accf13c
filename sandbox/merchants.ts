import { readFileSync } from 'node:fs'
import * as z from 'zod'
import { UpiChannel } from '../contract/instrument'
import { Rail } from '../contract/rail'
import { THEMES } from '../contract/appearance'
import { Plan } from '../contract/plan'

const FramingOrigin = z
  .string()
  .regex(/^https?:\/\/(\*\.)?[a-z0-9.-]+(:(\d{1,5}|\*))?$/, 'an origin such as https://shop.example.com or http://localhost:*')

/** A plan-change preview holds 15 minutes unless the merchant sets another lifetime, at most a day. */
const DEFAULT_PREVIEW_MINUTES = 15
const MAX_PREVIEW_MINUTES = 24 * 60

const Merchant = z.object({
  id: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  name: z.string().min(1).max(100),
  apiKey: z.string().min(8),
  responseKey: z.string().min(8),
  brand: z.object({
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    logoUrl: z.url().nullable(),
    theme: z.enum(THEMES).default('light'),
  }),
  returnUrls: z.object({ loopback: z.boolean(), hosts: z.array(z.string().min(1)) }),
  framingOrigins: z.array(FramingOrigin),
  embed: z
    .object({
      /** In a frame, after a result, offer a link that takes the whole window to return_url. */
      navigateTopOnComplete: z.boolean().default(false),
    })
    .default({ navigateTopOnComplete: false }),
  webhook: z.object({ url: z.url().nullable(), username: z.string(), password: z.string() }),
  /**
   * Hosts a webhook may go to besides webhook.url's own (an order's metadata.webhook_url must be
   * on it); loopback only when allowed. Left out: webhook.url's host alone.
   */
  webhookUrls: z.object({ loopback: z.boolean(), hosts: z.array(z.string().min(1)) }).default({ loopback: false, hosts: [] }),
  instruments: z.array(Rail).min(1),
  upi: z.object({
    payeeVpa: z.string(),
    mcc: z.string().regex(/^\d{4}$/),
    channelPolicy: z.object({
      android: UpiChannel,
      ios: UpiChannel,
      desktop: UpiChannel,
      allowed: z.array(UpiChannel).min(1),
    }),
  }),
  enachLimitsMinor: z.object({
    netbanking: z.int().positive(),
    debit_card: z.int().positive(),
    aadhaar: z.int().positive(),
  }),
  /** Billing settings; every one optional. */
  billing: z
    .object({
      /** How long a plan-change preview holds, in minutes (docs/domain/billing.md#plan-changes-the-prorated-preview). */
      previewMinutes: z.int().min(1).max(MAX_PREVIEW_MINUTES).default(DEFAULT_PREVIEW_MINUTES),
    })
    .default({ previewMinutes: DEFAULT_PREVIEW_MINUTES }),
  /** The merchant's subscription plans (contract/plan.ts); files without plans load with none. */
  plans: z.array(Plan).default([]),
}).superRefine((merchant, ctx) => {
  const configured = merchant.webhook.url === null ? null : new URL(merchant.webhook.url)
  if (configured && isLoopbackHost(configured.hostname.toLowerCase()) && !merchant.webhookUrls.loopback) {
    ctx.addIssue({ code: 'custom', path: ['webhook', 'url'], message: 'is on loopback; set webhookUrls.loopback to true to send webhooks there' })
  }
  const seen = new Set<string>()
  merchant.plans.forEach((plan, index) => {
    if (seen.has(plan.plan_id)) ctx.addIssue({ code: 'custom', path: ['plans', index, 'plan_id'], message: `${plan.plan_id} is already the plan_id of an earlier plan of this merchant` })
    seen.add(plan.plan_id)
  })
})
export type Merchant = z.infer<typeof Merchant>

const MerchantsFile = z.object({ merchants: z.array(Merchant).min(1) })

export interface MerchantDirectory {
  byId(id: string): Merchant | undefined
  byApiKey(apiKey: string): Merchant | undefined
  all(): readonly Merchant[]
}

export function merchantDirectory(merchants: readonly Merchant[]): MerchantDirectory {
  const byId = new Map(merchants.map((m) => [m.id, m]))
  const byKey = new Map(merchants.map((m) => [m.apiKey, m]))
  return {
    byId: (id) => byId.get(id),
    byApiKey: (key) => byKey.get(key),
    all: () => merchants,
  }
}

/** Reads and validates a merchants file; a broken file stops the sandbox at start with the reason. */
export function loadMerchants(path: string): MerchantDirectory {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'))
  const parsed = MerchantsFile.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `\n  ✖ ${issueLocation(raw, issue.path)}: ${issue.message}`)
    throw new Error(`invalid merchants file ${path}:${problems.join('')}`)
  }
  return merchantDirectory(parsed.data.merchants)
}

/** Where an issue is, by the merchant's id and the plan's plan_id when they are there to name. */
function issueLocation(raw: unknown, path: readonly PropertyKey[]): string {
  const [list, merchantIndex, section, planIndex, ...rest] = path
  if (list !== 'merchants' || typeof merchantIndex !== 'number') return path.map(String).join('.') || 'file'
  const merchant = idAt(raw, ['merchants', merchantIndex], 'id') ?? `#${merchantIndex + 1}`
  if (section === undefined) return `merchant ${merchant}`
  if (section !== 'plans' || typeof planIndex !== 'number') return `merchant ${merchant}, field ${path.slice(2).map(String).join('.')}`
  const plan = idAt(raw, ['merchants', merchantIndex, 'plans', planIndex], 'plan_id') ?? `#${planIndex + 1}`
  return rest.length === 0 ? `merchant ${merchant}, plan ${plan}` : `merchant ${merchant}, plan ${plan}, field ${rest.map(String).join('.')}`
}

function idAt(raw: unknown, path: readonly (string | number)[], key: string): string | undefined {
  let node: unknown = raw
  for (const step of path) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[step] : undefined
  const id = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
  return typeof id === 'string' && id !== '' ? JSON.stringify(id) : undefined
}

export const DEFAULT_MERCHANTS_FILE = new URL('./merchants.json', import.meta.url).pathname

/** A URL the customer may be sent back to: absolute http(s), with no fragment and no credentials. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (value.includes('#') || !URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
}

/** Whether a return URL's host is on the merchant's allow-list. */
export function isAllowedReturnHost(merchant: Merchant, url: URL): boolean {
  const host = url.hostname.toLowerCase()
  if (merchant.returnUrls.loopback && isLoopbackHost(host)) return true
  return merchant.returnUrls.hosts.some((allowed) => allowed.toLowerCase() === host)
}

/**
 * Whether a webhook URL's host may be named by an order: webhook.url's host, a host on
 * webhookUrls.hosts, or loopback when webhookUrls.loopback allows it. Delivery checks the
 * addresses the host resolves to as well (sandbox/webhooks/address-policy.ts).
 */
export function isAllowedWebhookHost(merchant: Merchant, url: URL): boolean {
  const host = url.hostname.toLowerCase()
  if (merchant.webhookUrls.loopback && isLoopbackHost(host)) return true
  if (merchant.webhook.url !== null && new URL(merchant.webhook.url).hostname.toLowerCase() === host) return true
  return merchant.webhookUrls.hosts.some((allowed) => allowed.toLowerCase() === host)
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
}
