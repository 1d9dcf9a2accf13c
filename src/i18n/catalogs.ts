import type { Locale } from '../../contract/session'
import { en, type Catalog } from './en'

/** English ships in the main bundle; other locales load on demand so they cost nothing until chosen. */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  switch (locale) {
    case 'en':
      return Promise.resolve(en)
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
