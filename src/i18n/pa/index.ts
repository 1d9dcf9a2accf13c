import type { Catalog } from '../en'
import { common } from './common'
import { states } from './states'
import { summary } from './summary'
import { instruments } from './instruments'

export const pa: Catalog = { ...common, ...states, ...summary, ...instruments }
