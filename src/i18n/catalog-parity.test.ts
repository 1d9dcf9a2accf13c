import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../contract/values'
import { en } from './en'
import { loadCatalog } from './catalogs'
import { enachCatalogs } from './enach-catalogs'
import { planChangeCatalogs } from './plan-change-catalogs'
import { resultCatalogs } from './result-catalogs'
import { upiCatalogs } from './upi-catalogs'

type Catalog = Readonly<Record<string, string>>

const placeholders = (template: string): string[] => [...new Set(Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1] ?? ''))].sort()

/** Keys missing from or extra to English, and keys whose placeholders differ from English's. */
function differences(english: Catalog, other: Catalog): string[] {
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

const areas: Readonly<Record<string, Readonly<Record<string, Catalog>>>> = {
  planChange: planChangeCatalogs,
  upi: upiCatalogs,
  enach: enachCatalogs,
  result: resultCatalogs,
}

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the %s catalogs', (locale) => {
  it('have the main catalog’s keys and placeholders (with the disclosure’s and the schedule’s)', async () => {
    expect(differences(en, await loadCatalog(locale))).toEqual([])
  })

  it.each(Object.keys(areas))('have the %s catalog’s keys and placeholders', (area) => {
    const catalogs = areas[area] ?? {}
    expect(differences(catalogs['en'] ?? {}, catalogs[locale] ?? {})).toEqual([])
  })
})

describe('the parity check', () => {
  it('finds a missing key, an extra key and a changed placeholder', () => {
    expect(differences({ a: 'Pay {amount}', b: 'Back' }, { a: 'Pay {sum}', c: 'Extra' })).toEqual([
      'placeholders of a: sum',
      'missing b',
      'extra c',
    ])
  })
})
