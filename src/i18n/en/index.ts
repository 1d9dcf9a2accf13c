import { common } from './common'

/** The English catalog is the source of truth for message keys; every other locale must match it. */
export const en = { ...common } as const
export type MessageKey = keyof typeof en
export type Catalog = Record<MessageKey, string>
