import { describe, expect, it } from 'vitest'
import { liveStatusPlan, streamGivesUp, type LiveInput } from './live-status'

describe('liveStatusPlan', () => {
  const input = (over: Partial<LiveInput>): LiveInput => ({ open: true, pending: true, streamSupported: true, streamFailed: false, ...over })
  it.each<[string, Partial<LiveInput>, { stream: boolean; poll: boolean }]>([
    ['stream while waiting', {}, { stream: true, poll: false }],
    ['stream even before an attempt', { pending: false }, { stream: true, poll: false }],
    ['no EventSource: poll while waiting', { streamSupported: false }, { stream: false, poll: true }],
    ['no EventSource and nothing pending: neither', { streamSupported: false, pending: false }, { stream: false, poll: false }],
    ['stream failed: poll while waiting', { streamFailed: true }, { stream: false, poll: true }],
    ['stream failed and nothing pending: neither', { streamFailed: true, pending: false }, { stream: false, poll: false }],
    ['closed session: neither', { open: false }, { stream: false, poll: false }],
    ['closed session without EventSource: neither', { open: false, streamSupported: false }, { stream: false, poll: false }],
  ])('%s', (_name, over, expected) => {
    expect(liveStatusPlan(input(over))).toEqual(expected)
  })
})

describe('streamGivesUp', () => {
  it.each([
    [false, 1, false],
    [false, 2, false],
    [false, 3, true],
    [true, 1, true],
    [true, 0, true],
  ])('closed %s after %i errors → %s', (closed, errors, expected) => {
    expect(streamGivesUp(closed, errors)).toBe(expected)
  })
})
