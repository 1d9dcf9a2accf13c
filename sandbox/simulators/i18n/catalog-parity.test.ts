import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../../contract/values'
import { BANK_CATALOGS } from '../bank/messages'
import { SCHEDULE_CATALOGS } from '../schedule/messages'
import { UPI_APP_CATALOGS } from '../upi-app/messages'
import { placeholders, type Catalog } from './translate'

type Words = Catalog<string>

/** Keys missing from or extra to English, empty texts, and keys whose placeholders differ from English's. */
function differences(english: Words, other: Words): string[] {
  const problems: string[] = []
  for (const key of Object.keys(english)) {
    const text = other[key]
    if (text === undefined) problems.push(`missing ${key}`)
    else if (text.trim() === '') problems.push(`empty ${key}`)
    else if (placeholders(text).join() !== placeholders(english[key] ?? '').join()) problems.push(`placeholders of ${key}: ${placeholders(text).join()}`)
  }
  for (const key of Object.keys(other)) if (!(key in english)) problems.push(`extra ${key}`)
  return problems
}

const simulators: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  'UPI app': UPI_APP_CATALOGS,
  bank: BANK_CATALOGS,
  schedule: SCHEDULE_CATALOGS,
}

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the simulators’ %s catalogs', (locale) => {
  it.each(Object.keys(simulators))('have the %s catalog’s keys and placeholders', (name) => {
    const catalogs = simulators[name] ?? {}
    expect(differences(catalogs['en'] ?? {}, catalogs[locale] ?? {})).toEqual([])
  })
})

describe('the parity check', () => {
  it('finds a missing key, an empty one, an extra key and a changed placeholder', () => {
    expect(differences({ a: 'Pay {amount}', b: 'Back', c: 'Next' }, { a: 'Pay {sum}', c: ' ', d: 'Extra' })).toEqual([
      'placeholders of a: sum',
      'missing b',
      'empty c',
      'extra d',
    ])
  })
})
