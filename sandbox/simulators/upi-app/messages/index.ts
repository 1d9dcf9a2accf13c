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

export type UpiAppKey = keyof typeof en

export const UPI_APP_CATALOGS: Readonly<Record<Locale, Catalog<UpiAppKey>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }

export type UpiAppText = Translator<UpiAppKey>

const translators = new Map<Locale, UpiAppText>()

/** The simulated UPI app's words in one language (made once per language). */
export function upiAppText(locale: Locale): UpiAppText {
  let t = translators.get(locale)
  if (!t) {
    t = new Translator(locale, UPI_APP_CATALOGS[locale])
    translators.set(locale, t)
  }
  return t
}
