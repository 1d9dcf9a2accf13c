import type { Locale } from '../../contract/session'
import { planChange as en } from './en/plan-change'
import { planChange as hi } from './hi/plan-change'
import { planChange as ur } from './ur/plan-change'
import { planChange as bn } from './bn/plan-change'
import { planChange as mr } from './mr/plan-change'
import { planChange as ta } from './ta/plan-change'
import { planChange as te } from './te/plan-change'
import { planChange as gu } from './gu/plan-change'
import { planChange as kn } from './kn/plan-change'
import { planChange as ml } from './ml/plan-change'
import { planChange as or } from './or/plan-change'
import { planChange as pa } from './pa/plan-change'

/**
 * A plan change's wording in every language. Like the schedule's, it is not spread into the main
 * catalogs: only the lazily loaded plan-change block, the final screens and the closed screens import it.
 */
export type PlanChangeKey = keyof typeof en
export const planChangeCatalogs: Readonly<Record<Locale, Readonly<Record<PlanChangeKey, string>>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
