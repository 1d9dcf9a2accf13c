import type { Locale } from '../../contract/session'
import { upi as en } from './en/upi'
import { upi as hi } from './hi/upi'
import { upi as ur } from './ur/upi'
import { upi as bn } from './bn/upi'
import { upi as mr } from './mr/upi'
import { upi as ta } from './ta/upi'
import { upi as te } from './te/upi'
import { upi as gu } from './gu/upi'
import { upi as kn } from './kn/upi'
import { upi as ml } from './ml/upi'
import { upi as or } from './or/upi'
import { upi as pa } from './pa/upi'

/**
 * The UPI rail's wording in every language. Like the disclosure's, it is not spread into the main
 * catalogs: it loads with the rail, so the first load carries none of it.
 */
export type UpiKey = keyof typeof en
export const upiCatalogs: Readonly<Record<Locale, Readonly<Record<UpiKey, string>>>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
