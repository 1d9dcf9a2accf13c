import type { Locale } from '../../contract/session'
import { disclosure as en } from './en/disclosure'
import { disclosure as hi } from './hi/disclosure'
import { disclosure as ur } from './ur/disclosure'
import { disclosure as bn } from './bn/disclosure'
import { disclosure as mr } from './mr/disclosure'
import { disclosure as ta } from './ta/disclosure'
import { disclosure as te } from './te/disclosure'
import { disclosure as gu } from './gu/disclosure'
import { disclosure as kn } from './kn/disclosure'
import { disclosure as ml } from './ml/disclosure'
import { disclosure as or } from './or/disclosure'
import { disclosure as pa } from './pa/disclosure'

/**
 * The disclosure's wording keys, and every language's wording side by side for tests. The page
 * reads it through each language's main catalog (loadCatalog), so a customer's first load carries
 * only their language's.
 */
export type DisclosureKey = keyof typeof en
export type DisclosureCatalog = Readonly<Record<DisclosureKey, string>>
export const disclosureCatalogs: Readonly<Record<Locale, DisclosureCatalog>> = { en, hi, ur, bn, mr, ta, te, gu, kn, ml, or, pa }
