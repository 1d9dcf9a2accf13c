import { common } from './common'
import { states } from './states'
import { summary } from './summary'
import { instruments } from './instruments'

/**
 * The English catalog is the source of truth for message keys; every other locale must match it.
 * The mandate disclosure's wording loads with the disclosure (see disclosure-catalogs.ts).
 */
export const en = { ...common, ...states, ...summary, ...instruments } as const
export type MessageKey = keyof typeof en
export type Catalog = Record<MessageKey, string>
