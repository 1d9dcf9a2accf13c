import type { BootPayload } from '../../contract/boot'
import type { SessionView } from '../../contract/session'
import type { Entry } from '../features/session/entry'

/** Where this page's session comes from, decided once at start-up. */
export type SessionSource =
  | { kind: 'page'; pageId: string; initialData: SessionView | null }
  | { kind: 'checkout'; sessionId: string; secret: string }
  | { kind: 'failed'; failure: 'not_found' | 'malformed' }

/** Boot data wins (it came with the document); otherwise the address decides what to ask for. */
export function sessionSource(entry: Entry, boot: BootPayload | null): SessionSource {
  if (boot?.kind === 'error') return { kind: 'failed', failure: boot.code }
  if (boot?.kind === 'session') return { kind: 'page', pageId: boot.view.pageId, initialData: boot.view }
  switch (entry.kind) {
    case 'page':
      return { kind: 'page', pageId: entry.pageId, initialData: null }
    case 'secret':
      return { kind: 'checkout', sessionId: entry.sessionId, secret: entry.secret }
    case 'invalid':
      return { kind: 'failed', failure: 'malformed' }
  }
}
