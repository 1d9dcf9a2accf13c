import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../store/memory-store'
import { clockFor, MerchantClock, MovableClock } from './clock'

const T0 = new Date('2026-11-25T10:00:00.000Z')
const fixed = { now: () => T0 }

describe('MovableClock', () => {
  it('reads its base until moved, then runs ahead by what it was moved, in steps that add up', () => {
    const clock = new MovableClock(fixed)
    expect(clock.now()).toEqual(T0)
    clock.advance(60_000)
    clock.advance(1_000)
    expect(clock.now()).toEqual(new Date(T0.getTime() + 61_000))
  })

  it('reads its base again once reset', () => {
    const clock = new MovableClock(fixed)
    clock.advance(3_600_000)
    clock.reset()
    expect(clock.now()).toEqual(T0)
  })
})

describe('MerchantClock', () => {
  it('runs ahead of real time by the merchant’s offset, and says when real time reaches a sandbox instant', () => {
    const clock = new MerchantClock(fixed, 86_400_000)
    expect(clock.now()).toEqual(new Date(T0.getTime() + 86_400_000))
    expect(clock.toReal(T0.getTime() + 86_400_000)).toBe(T0.getTime())
  })

  it('is the merchant’s offset read from the store, each merchant its own', async () => {
    const store = new MemoryStore()
    await store.advanceClock('m1', 7_200_000)
    expect((await clockFor({ store, clock: fixed }, 'm1')).now()).toEqual(new Date(T0.getTime() + 7_200_000))
    expect((await clockFor({ store, clock: fixed }, 'm2')).now()).toEqual(T0)
  })
})
