import type { Clock } from './domain/clock'
import type { Logger } from './log'
import type { MerchantDirectory } from './merchants'
import type { Store } from './store/store'

/** Everything the sandbox's routes depend on, injected so tests build an app in-process. */
export interface SandboxDeps {
  store: Store
  clock: Clock
  merchants: MerchantDirectory
  log: Logger
  /** Absolute origin the page is served from, for payment links (e.g. http://127.0.0.1:4000). */
  publicOrigin: string
  /** QA controls (/sandbox/*); off answers 404. */
  qaEnabled: boolean
}
