import type { Locale } from '../../../../contract/session'
import { Translator, type Catalog } from '../../i18n/translate'
import { bn } from './bn'
import { en } from './en'
import { gu } from './gu'
import { hi } from './hi'
import { kn } from './kn'
import { ml } from './ml'
import { mr } from './mr'
import { or } from './or'
import { pa } from './pa'
import { ta } from './ta'
import { te } from './te'
import { ur } from './ur'

export type BankKey = keyof typeof en

export const BANK_CATALOGS: Readonly<Record<Locale, Catalog<BankKey>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }

export type BankText = Translator<BankKey>

const translators = new Map<Locale, BankText>()

/** The simulated bank's words in one language (made once per language). */
export function bankText(locale: Locale): BankText {
  let t = translators.get(locale)
  if (!t) {
    t = new Translator(locale, BANK_CATALOGS[locale])
    translators.set(locale, t)
  }
  return t
}
