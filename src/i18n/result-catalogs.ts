import type { Locale } from '../../contract/session'
import { result as en } from './en/result'
import { result as hi } from './hi/result'
import { result as ur } from './ur/result'
import { result as bn } from './bn/result'
import { result as mr } from './mr/result'
import { result as ta } from './ta/result'
import { result as te } from './te/result'
import { result as gu } from './gu/result'
import { result as kn } from './kn/result'
import { result as ml } from './ml/result'
import { result as or } from './or/result'
import { result as pa } from './pa/result'

/** The final screens' wording in every language; it loads with those screens, not with the first load. */
export type ResultKey = keyof typeof en
export const resultCatalogs: Readonly<Record<Locale, Readonly<Record<ResultKey, string>>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
