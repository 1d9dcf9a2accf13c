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

export type ScheduleKey = keyof typeof en

export const SCHEDULE_CATALOGS: Readonly<Record<Locale, Catalog<ScheduleKey>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }

export type ScheduleText = Translator<ScheduleKey>

const translators = new Map<Locale, ScheduleText>()

/** The schedule's words in one language (made once per language). */
export function scheduleText(locale: Locale): ScheduleText {
  let t = translators.get(locale)
  if (!t) {
    t = new Translator(locale, SCHEDULE_CATALOGS[locale])
    translators.set(locale, t)
  }
  return t
}
