import type { Catalog } from '../en'
import { common } from './common'
import { states } from './states'
import { summary } from './summary'
import { instruments } from './instruments'
import { disclosure } from './disclosure'
import { schedule } from './schedule'

export const kn: Catalog = { ...common, ...states, ...summary, ...instruments, ...disclosure, ...schedule }
