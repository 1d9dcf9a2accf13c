import { describe, expect, it } from 'vitest'
import { DEFAULT_MERCHANTS_FILE, loadMerchants, type Merchant } from '../merchants'
import { order } from '../testing/store-contract'
import { webhookTarget, type WebhookTarget } from './target'

const demo = loadMerchants(DEFAULT_MERCHANTS_FILE).byId('demo_merchant')
if (!demo) throw new Error('the demo merchant is missing from sandbox/merchants.json')

/** A merchant with a configured webhook URL, one more allowed host, and loopback not allowed. */
const merchant: Merchant = {
  ...demo,
  webhook: { ...demo.webhook, url: 'https://hooks.shop.example/juspay' },
  webhookUrls: { loopback: false, hosts: ['Alt.Shop.Example'] },
}
const withoutUrl: Merchant = { ...merchant, webhook: { ...merchant.webhook, url: null } }

const orderSending = (webhookUrl?: string) => order({ metadata: webhookUrl === undefined ? {} : { webhook_url: webhookUrl } })

describe('webhookTarget: where an order\'s webhooks go (docs/merchants.md)', () => {
  it.each<[string, string | undefined, Merchant | undefined, WebhookTarget]>([
    ['the merchant\'s configured URL when the order names none', undefined, merchant, { kind: 'url', url: 'https://hooks.shop.example/juspay' }],
    ['the order\'s own URL over the merchant\'s, on an allowed host', 'https://alt.shop.example/hooks', merchant, { kind: 'url', url: 'https://alt.shop.example/hooks' }],
    ['the order\'s URL on the configured URL\'s own host', 'http://hooks.shop.example/other', merchant, { kind: 'url', url: 'http://hooks.shop.example/other' }],
    ['the order\'s URL without its surrounding spaces', '  https://alt.shop.example/hooks  ', merchant, { kind: 'url', url: 'https://alt.shop.example/hooks' }],
    ['the merchant\'s URL when the order\'s is only spaces', '   ', merchant, { kind: 'url', url: 'https://hooks.shop.example/juspay' }],
    ['nowhere when neither names one', undefined, withoutUrl, { kind: 'none' }],
    ['nowhere for an order whose merchant has left the directory and that names no URL', undefined, undefined, { kind: 'none' }],
    ['the order\'s URL for an order whose merchant has left the directory', 'https://alt.shop.example/hooks', undefined, { kind: 'url', url: 'https://alt.shop.example/hooks' }],
    ['not a URL at all', 'hooks.shop.example/juspay', merchant, { kind: 'invalid', raw: 'hooks.shop.example/juspay' }],
    ['a scheme other than http(s)', 'ftp://alt.shop.example/hooks', merchant, { kind: 'invalid', raw: 'ftp://alt.shop.example/hooks' }],
    [
      'a host off the allow-list, with the reason',
      'https://evil.example/collect',
      merchant,
      { kind: 'refused', url: 'https://evil.example/collect', reason: "host evil.example is not on this merchant's webhook allow-list" },
    ],
    [
      'loopback when the merchant does not allow it',
      'http://127.0.0.1:9/hooks',
      merchant,
      { kind: 'refused', url: 'http://127.0.0.1:9/hooks', reason: "host 127.0.0.1 is not on this merchant's webhook allow-list" },
    ],
    ['loopback when the merchant allows it', 'http://127.0.0.1:9/hooks', demo, { kind: 'url', url: 'http://127.0.0.1:9/hooks' }],
  ])('%s', (_name, webhookUrl, owner, expected) => {
    expect(webhookTarget(orderSending(webhookUrl), owner)).toEqual(expected)
  })
})
