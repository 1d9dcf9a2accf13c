import { describe, expect, it, vi } from 'vitest'
import { preloadable } from './preloadable'

describe('preloadable', () => {
  it('imports once however often it is preloaded or loaded', async () => {
    const importModule = vi.fn(() => Promise.resolve({ answer: 42 }))
    const part = preloadable(importModule)
    await Promise.all([part.preload(), part.preload(), part.load()])
    await part.load()
    expect(importModule).toHaveBeenCalledTimes(1)
  })

  it('hands an arrived module over synchronously, through chained thens', async () => {
    const part = preloadable(() => Promise.resolve({ answer: 42 }))
    await part.preload()
    let seen: number | null = null
    void part
      .load()
      .then((m) => ({ default: m.answer }))
      .then((wrapped) => {
        seen = wrapped.default
      })
    expect(seen).toBe(42)
  })

  it('is asynchronous until the module has arrived', async () => {
    const part = preloadable(() => Promise.resolve({ answer: 42 }))
    let seen: number | null = null
    const loading = part.load().then((m) => (seen = m.answer))
    expect(seen).toBeNull()
    await loading
    expect(seen).toBe(42)
  })

  it('tries the import again after a failed fetch', async () => {
    const importModule = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce({ answer: 42 })
    const part = preloadable<{ answer: number }>(importModule)
    await expect(part.preload()).rejects.toThrow('Failed to fetch')
    await expect(part.load()).resolves.toEqual({ answer: 42 })
    expect(importModule).toHaveBeenCalledTimes(2)
  })
})
