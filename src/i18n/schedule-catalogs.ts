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
 * The price schedule's wording in every language. Like the disclosure's, it is not spread into the
 * main catalogs: only the lazily loaded disclosure chunk imports it.
 */
export type ScheduleKey = keyof typeof en
export const scheduleCatalogs: Readonly<Record<Locale, Readonly<Record<ScheduleKey, string>>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
