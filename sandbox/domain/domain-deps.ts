import type { MerchantDirectory } from '../merchants'
import type { Store } from '../store/store'
import type { Clock } from './clock'

/** What the domain is given rather than reaching for: the composition root (sandbox/deps.ts) adds the rest. */
export interface DomainDeps {
  store: Store
  /**
   * Real time, which every merchant's sandbox clock runs from: what is timed for a merchant's
   * orders reads clockFor(deps, merchantId) instead (sandbox/domain/clock.ts); real time itself
   * times only what belongs to no merchant (retention, leases).
   */
  clock: Clock
  merchants: MerchantDirectory
  /** Absolute origin the page is served from, for payment links (e.g. http://127.0.0.1:4000). */
  publicOrigin: string
}
