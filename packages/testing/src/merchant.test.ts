import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_MERCHANT, sandboxConfigFromEnv, uniqueOrderId } from './merchant'

describe('sandboxConfigFromEnv', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('defaults to the local sandbox and the demo merchant, also for variables set empty', () => {
    vi.stubEnv('SANDBOX_URL', '')
    vi.stubEnv('SANDBOX_MERCHANT_ID', ' ')
    vi.stubEnv('SANDBOX_API_KEY', '')
    expect(sandboxConfigFromEnv()).toEqual({ url: 'http://127.0.0.1:4000', merchantId: DEMO_MERCHANT.id, apiKey: DEMO_MERCHANT.apiKey })
  })

  it('takes SANDBOX_URL, SANDBOX_MERCHANT_ID and SANDBOX_API_KEY', () => {
    vi.stubEnv('SANDBOX_URL', 'https://sandbox.qa.example')
    vi.stubEnv('SANDBOX_MERCHANT_ID', 'other_merchant')
    vi.stubEnv('SANDBOX_API_KEY', 'other_api_key')
    expect(sandboxConfigFromEnv()).toEqual({ url: 'https://sandbox.qa.example', merchantId: 'other_merchant', apiKey: 'other_api_key' })
  })
})

describe('uniqueOrderId', () => {
  it('is unique, and short enough for Juspay’s 21 characters', () => {
    const ids = new Set(Array.from({ length: 200 }, () => uniqueOrderId()))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^qa-[0-9a-f]{12}$/)
  })
})
