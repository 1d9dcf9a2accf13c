import type { Locale } from '../../contract/session'
import { enach as en } from './en/enach'
import { enach as hi } from './hi/enach'
import { enach as ur } from './ur/enach'
import { enach as bn } from './bn/enach'
import { enach as mr } from './mr/enach'
import { enach as ta } from './ta/enach'
import { enach as te } from './te/enach'
import { enach as gu } from './gu/enach'
import { enach as kn } from './kn/enach'
import { enach as ml } from './ml/enach'
import { enach as or } from './or/enach'
import { enach as pa } from './pa/enach'

/**
 * The net banking rail's wording (eNACH registration and plain net banking payment) in every
 * language; it loads with the rail, so the first load carries none of it.
 */
export type EnachKey = keyof typeof en
export const enachCatalogs: Readonly<Record<Locale, Readonly<Record<EnachKey, string>>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
