import { describe, expect, it } from 'vitest'
import { StreamCaps } from './stream-caps'

describe('StreamCaps: live-status streams per order and per client', () => {
  it('refuses a stream over the per-order cap, whatever the client', () => {
    const caps = new StreamCaps(2, 10)
    expect(caps.open('order_1', '10.0.0.1')).not.toBeNull()
    expect(caps.open('order_1', '10.0.0.2')).not.toBeNull()
    expect(caps.open('order_1', '10.0.0.3')).toBeNull()
    expect(caps.open('order_1', undefined)).toBeNull()
    expect(caps.open('order_2', '10.0.0.3')).not.toBeNull()
  })

  it('refuses a stream over the per-client cap, whatever the order', () => {
    const caps = new StreamCaps(10, 2)
    expect(caps.open('order_1', '10.0.0.1')).not.toBeNull()
    expect(caps.open('order_2', '10.0.0.1')).not.toBeNull()
    expect(caps.open('order_3', '10.0.0.1')).toBeNull()
    expect(caps.open('order_3', '10.0.0.2')).not.toBeNull()
  })

  it('does not count in-process requests (no client address) against any client', () => {
    const caps = new StreamCaps(10, 1)
    expect(caps.open('order_1', undefined)).not.toBeNull()
    expect(caps.open('order_2', undefined)).not.toBeNull()
    expect(caps.open('order_3', '10.0.0.1')).not.toBeNull()
  })

  it('gives a place back when a stream ends, once however often its release is called', () => {
    const caps = new StreamCaps(2, 2)
    const first = caps.open('order_1', '10.0.0.1')
    const second = caps.open('order_1', '10.0.0.1')
    expect(caps.open('order_1', '10.0.0.1')).toBeNull()
    first?.()
    first?.()
    first?.()
    const third = caps.open('order_1', '10.0.0.1')
    expect(third).not.toBeNull()
    // Released three times, the first stream still frees one place only: the cap holds.
    expect(caps.open('order_1', '10.0.0.1')).toBeNull()
    second?.()
    third?.()
    expect(caps.open('order_1', '10.0.0.1')).not.toBeNull()
    expect(caps.open('order_1', '10.0.0.1')).not.toBeNull()
    expect(caps.open('order_1', '10.0.0.1')).toBeNull()
  })

  it('frees the client\'s place too when a stream ends', () => {
    const caps = new StreamCaps(10, 1)
    const release = caps.open('order_1', '10.0.0.1')
    expect(caps.open('order_2', '10.0.0.1')).toBeNull()
    release?.()
    expect(caps.open('order_2', '10.0.0.1')).not.toBeNull()
  })

  it('a cap of zero refuses every stream', () => {
    expect(new StreamCaps(0, 5).open('order_1', '10.0.0.1')).toBeNull()
    expect(new StreamCaps(5, 0).open('order_1', '10.0.0.1')).toBeNull()
    expect(new StreamCaps(5, 0).open('order_1', undefined)).not.toBeNull()
  })
})
