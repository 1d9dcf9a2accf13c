import type { Locale } from '../../contract/session'
import type { Catalog } from './en'

/**
 * Every language's catalog, English's included, is a chunk of its own, loaded on demand: a page
 * fetches exactly the language it starts in (the server preloads that chunk with the entry) and
 * no other until the customer switches.
 */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  switch (locale) {
    case 'en':
      return import('./en').then((m) => m.en)
    case 'hi':
      return import('./hi').then((m) => m.hi)
    case 'ur':
      return import('./ur').then((m) => m.ur)
    case 'bn':
      return import('./bn').then((m) => m.bn)
    case 'mr':
      return import('./mr').then((m) => m.mr)
    case 'ta':
      return import('./ta').then((m) => m.ta)
    case 'te':
      return import('./te').then((m) => m.te)
    case 'gu':
      return import('./gu').then((m) => m.gu)
    case 'kn':
      return import('./kn').then((m) => m.kn)
    case 'ml':
      return import('./ml').then((m) => m.ml)
    case 'or':
      return import('./or').then((m) => m.or)
    case 'pa':
      return import('./pa').then((m) => m.pa)
  }
}
