import type { SessionView } from '../../contract/session'

/** How steps reach the session query: a refetch, and a write of a fresh view (from a write or the live stream). */
export interface SessionControl {
  refetch: () => void
  write: (view: SessionView) => void
}
