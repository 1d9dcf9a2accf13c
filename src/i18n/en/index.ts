import { common } from './common'
import { states } from './states'
import { summary } from './summary'
import { instruments } from './instruments'
import { disclosure } from './disclosure'
import { schedule } from './schedule'

/**
 * The English catalog is the source of truth for message keys; every other locale must match it.
 * It carries the mandate disclosure's and the price schedule's wording: they show on the first
 * screen, so each language's comes in its own catalog chunk (loadCatalog) rather than every
 * language's in the preloaded disclosure chunk.
 */
export const en = { ...common, ...states, ...summary, ...instruments, ...disclosure, ...schedule } as const
export type MessageKey = keyof typeof en
export type Catalog = Record<MessageKey, string>
