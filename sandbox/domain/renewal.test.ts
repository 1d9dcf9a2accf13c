import { describe, expect, it } from 'vitest'
import { emptyRenewal, RETRIABLE_DECLINES } from './renewal'

describe('emptyRenewal: a subscription before its first scheduled debit', () => {
  it('is at cycle 0, with nothing due, no choice made by QA and an empty timeline', () => {
    expect(emptyRenewal()).toEqual({ cycle: 0, due: null, nextDebit: null, timeline: [] })
  })

  it('is a new record each time: one subscription\'s timeline never shows on another\'s', () => {
    const first = emptyRenewal()
    first.timeline.push({ at: '2026-12-05T00:00:00.000Z', event: 'debit_scheduled', cycle: 1, order_id: 'o-1', detail: '' })
    expect(emptyRenewal().timeline).toEqual([])
  })
})

describe('RETRIABLE_DECLINES', () => {
  it('retries only a lack of funds', () => {
    expect(RETRIABLE_DECLINES).toEqual(['insufficient_funds'])
  })
})
