import { describe, expect, it } from 'vitest'
import { pageCsp } from './security'

describe('pageCsp', () => {
  it('allows no inline script and frames only from the merchant origins', () => {
    const csp = pageCsp(['https://shop.example.com', 'http://localhost:*'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain('frame-ancestors https://shop.example.com http://localhost:*')
  })
  it("refuses all framing when the merchant allows none", () => {
    expect(pageCsp([])).toContain("frame-ancestors 'none'")
  })
})
