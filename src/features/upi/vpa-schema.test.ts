import { describe, expect, it } from 'vitest'
import { fieldFailure, fieldMessageKey, VpaFormSchema } from './vpa-schema'

describe('VpaFormSchema', () => {
  it.each([
    ['success@upi', 'success@upi'],
    ['  asha.sharma-1@okaxis ', 'asha.sharma-1@okaxis'],
    ['x1@nomandate', 'x1@nomandate'],
  ])('accepts %j as %j', (input, vpa) => {
    expect(VpaFormSchema.safeParse({ vpa: input })).toEqual({ success: true, data: { vpa } })
  })

  it.each([
    ['', 'upi.collect.required'],
    ['   ', 'upi.collect.required'],
    ['asha', 'upi.collect.format'],
    ['asha@', 'upi.collect.format'],
    ['a@okaxis', 'upi.collect.format'],
    ['asha@@okaxis', 'upi.collect.format'],
    ['asha sharma@okaxis', 'upi.collect.format'],
    ['asha@1bank', 'upi.collect.format'],
    ['.asha@okaxis', 'upi.collect.format'],
    [`${'a'.repeat(300)}@okaxis`, 'upi.collect.format'],
  ])('refuses %j with %s', (vpa, key) => {
    const parsed = VpaFormSchema.safeParse({ vpa })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toBe(key)
  })
})

describe('fieldFailure', () => {
  it.each([
    ['vpa_invalid', 'upi.collect.invalid'],
    ['handle_not_supported', 'upi.collect.noAutopay'],
    ['vpa_required', 'upi.collect.required'],
    ['network', null],
    ['attempt_in_progress', null],
  ] as const)('%s → %s', (failure, key) => {
    expect(fieldFailure(failure)).toBe(key)
  })
})

describe('fieldMessageKey', () => {
  it.each([
    ['upi.collect.invalid', 'upi.collect.invalid'],
    [undefined, 'upi.collect.format'],
    ['Invalid input', 'upi.collect.format'],
  ])('%s → %s', (message, key) => {
    expect(fieldMessageKey(message)).toBe(key)
  })
})
