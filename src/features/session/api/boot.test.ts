import { describe, expect, it } from 'vitest'
import { readBoot } from './boot'

/** A document stand-in: readBoot only looks the data element up by id. */
const doc = (text: string | null) => ({ getElementById: (id: string) => (id === 'boot-data' && text !== null ? { textContent: text } : null) }) as unknown as Document

describe('readBoot', () => {
  it('reads a session payload', () => {
    const boot = readBoot(doc('{"kind":"session","view":{"pageId":"ordeh_0123456789abcdef0123456789abcdef"}}'))
    expect(boot?.kind).toBe('session')
  })
  it('reads an error payload', () => {
    expect(readBoot(doc('{"kind":"error","code":"not_found"}'))).toEqual({ kind: 'error', code: 'not_found' })
  })
  it.each([
    ['no element', null],
    ['an empty element', ''],
    ['not JSON', '{"kind":'],
    ['not an object', '"session"'],
    ['an unknown kind', '{"kind":"other"}'],
    ['a session without a view', '{"kind":"session"}'],
    ['an unknown error code', '{"kind":"error","code":"gone"}'],
  ])('gives null for %s, so the page asks the API', (_name, text) => {
    expect(readBoot(doc(text))).toBeNull()
  })
})
