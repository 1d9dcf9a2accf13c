import type { Locale } from '../../contract/session'
import { schedule as en } from './en/schedule'
import { schedule as hi } from './hi/schedule'
import { schedule as ur } from './ur/schedule'
import { schedule as bn } from './bn/schedule'
import { schedule as mr } from './mr/schedule'
import { schedule as ta } from './ta/schedule'
import { schedule as te } from './te/schedule'
import { schedule as gu } from './gu/schedule'
import { schedule as kn } from './kn/schedule'
import { schedule as ml } from './ml/schedule'
import { schedule as or } from './or/schedule'
import { schedule as pa } from './pa/schedule'

/**
 * The price schedule's wording keys, and every language's wording side by side for tests. The page
 * reads it through each language's main catalog (loadCatalog), like the disclosure's.
 */
export type ScheduleKey = keyof typeof en
export const scheduleCatalogs: Readonly<Record<Locale, Readonly<Record<ScheduleKey, string>>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
