import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadUntilLoaded } from './load-until-loaded'

/** A load that fails `failures` times, then gives 'words'; it records when (on the fake clock) each call came. */
function flaky(failures: number) {
  const calls: number[] = []
  const load = () => {
    calls.push(Date.now())
    return calls.length > failures ? Promise.resolve('words') : Promise.reject(new TypeError('Failed to fetch'))
  }
  return { load, calls }
}

/** An event target that counts the listeners it holds. */
class ListenerCount extends EventTarget {
  listening = 0
  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listening += 1
    super.addEventListener(...args)
  }
  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    this.listening -= 1
    super.removeEventListener(...args)
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('loadUntilLoaded', () => {
  it.each([
    [0, [0]],
    [1, [0, 500]],
    [3, [0, 500, 1500, 3500]],
    [6, [0, 500, 1500, 3500, 7500, 11_500, 15_500]],
  ])('after %i failed loads, loads at %j ms and gives what the last one brought', async (failures, at) => {
    const { load, calls } = flaky(failures)
    const loaded = loadUntilLoaded(load, new EventTarget())
    await vi.runAllTimersAsync()
    await expect(loaded).resolves.toBe('words')
    expect(calls).toEqual(at)
  })

  it('loads again at once when the browser is back online, and not again when the wait would have ended', async () => {
    const online = new EventTarget()
    const { load, calls } = flaky(1)
    const loaded = loadUntilLoaded(load, online)
    await vi.advanceTimersByTimeAsync(100)
    online.dispatchEvent(new Event('online'))
    await expect(loaded).resolves.toBe('words')
    expect(calls).toEqual([0, 100])
    await vi.advanceTimersByTimeAsync(10_000)
    online.dispatchEvent(new Event('online'))
    expect(calls).toEqual([0, 100])
  })

  it('leaves no listener behind, whichever way each wait ended', async () => {
    const online = new ListenerCount()
    const { load, calls } = flaky(2)
    const loaded = loadUntilLoaded(load, online)
    await vi.advanceTimersByTimeAsync(100)
    expect(online.listening).toBe(1)
    online.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(1000)
    await expect(loaded).resolves.toBe('words')
    expect(calls).toEqual([0, 100, 1100])
    expect(online.listening).toBe(0)
  })
})
