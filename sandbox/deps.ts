import type { DomainDeps } from './domain/domain-deps'
import type { Logger } from './log'

/** Everything the sandbox's routes depend on, injected so tests build an app in-process. */
export interface SandboxDeps extends DomainDeps {
  log: Logger
  /** QA controls (/sandbox/*); off answers 404. */
  qaEnabled: boolean
}
