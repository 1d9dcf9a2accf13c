import { describe, expect, it } from 'vitest'
import { en } from './en'
import { phraseParts, phraseText } from './phrase'
import { disclosureCatalogs } from './disclosure-catalogs'

describe('phrases', () => {
  it('fills nested phrases and keeps isolated text apart', () => {
    const phrase = {
      key: 'state.expired.body' as const,
      params: { merchant: { isolate: 'Acme\u202E' } },
    } as const
    expect(phraseParts(phrase, en)).toEqual([
      'Ask ',
      { isolate: 'Acme\u202E' },
      ' for a new payment link. No payment can be made with this one.',
    ])
  })

  it('renders a nested phrase as text', () => {
    expect(
      phraseText({ key: 'disclosure.rule.AFTER', params: { day: { key: 'disclosure.dayOfMonth', params: { ordinal: '5th' } } } }, disclosureCatalogs.en),
    ).toBe('on or after the 5th')
  })

  it('leaves a missing parameter visible', () => {
    expect(phraseText({ key: 'disclosure.rule.ON' }, disclosureCatalogs.en)).toBe('on {day}')
  })
})
