import { describe, expect, it } from 'vitest'
import { ReturnParams } from './checkout'

const SIGNED_RETURN =
  'https://shop.merchant.com/return?order_id=qa-5f2a9c1e04b7&status=CHARGED&status_id=21&signature=zxE8u4rNhukI3PJ1SLroZPaL7t1OgG3QxbCo7WxV5e4%3D&signature_algorithm=HMAC-SHA256'

describe('ReturnParams', () => {
  it('reads the order, its status and the signature from the return URL, and verifies it', () => {
    const returned = new ReturnParams(SIGNED_RETURN)
    expect(returned).toMatchObject({ orderId: 'qa-5f2a9c1e04b7', status: 'CHARGED', statusId: 21 })
    expect(returned.params['signature_algorithm']).toBe('HMAC-SHA256')
    expect(returned.verifySignature('demo_response_key')).toBe(true)
    expect(returned.verifySignature('other_key')).toBe(false)
  })

  it('reads an embedded checkout’s completed result the same way', () => {
    const result = Object.fromEntries(new URL(SIGNED_RETURN).searchParams.entries())
    expect(new ReturnParams(result).verifySignature('demo_response_key')).toBe(true)
    expect(new ReturnParams({}).statusId).toBeUndefined()
  })
})
