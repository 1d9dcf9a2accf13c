import { CLIENT_SECRET_PATTERN, PAGE_ID_PATTERN } from '../../../contract/values'

/** How this page was opened: a payment-page link, a checkout client secret, or something we cannot use. */
export type Entry =
  | { kind: 'page'; pageId: string }
  | { kind: 'secret'; secret: string; sessionId: string }
  | { kind: 'invalid' }

export interface EntryResolution {
  entry: Entry
  /** Set when the address bar must change: a `?client_secret=` moves into the fragment, out of logs and Referers. */
  replaceUrl: string | null
}

interface Place {
  pathname: string
  search: string
  hash: string
}

const PAGE_PATH = /^\/orders\/([^/]+)\/payment-page\/?$/
/** `/checkout`, or `/checkout/{session id}` (what the embed script frames, so the server knows the merchant's framing rules). */
const CHECKOUT_PATH = /^\/checkout(?:\/([^/]+))?\/?$/

/** A well-formed secret, for the session the path names when it names one. */
function secretEntry(secret: string | null, pathSession: string | undefined): Entry {
  if (secret === null || !CLIENT_SECRET_PATTERN.test(secret)) return { kind: 'invalid' }
  const sessionId = secret.slice(0, secret.indexOf('_secret_'))
  if (pathSession !== undefined && pathSession !== sessionId) return { kind: 'invalid' }
  return { kind: 'secret', secret, sessionId }
}

export function resolveEntry(place: Place): EntryResolution {
  const page = PAGE_PATH.exec(place.pathname)
  if (page) {
    const pageId = decodeURIComponent(page[1] ?? '')
    return { entry: PAGE_ID_PATTERN.test(pageId) ? { kind: 'page', pageId } : { kind: 'invalid' }, replaceUrl: null }
  }
  const checkout = CHECKOUT_PATH.exec(place.pathname)
  if (!checkout) return { entry: { kind: 'invalid' }, replaceUrl: null }
  const pathSession = checkout[1]

  const fromFragment = new URLSearchParams(place.hash.replace(/^#/, '')).get('client_secret')
  const query = new URLSearchParams(place.search)
  const fromQuery = query.get('client_secret')
  if (fromQuery === null) return { entry: secretEntry(fromFragment, pathSession), replaceUrl: null }

  query.delete('client_secret')
  const rest = query.toString()
  const secret = fromFragment ?? fromQuery
  const entry = secretEntry(secret, pathSession)
  const fragment = entry.kind === 'secret' ? `#${new URLSearchParams({ client_secret: entry.secret }).toString()}` : place.hash
  return { entry, replaceUrl: `${place.pathname}${rest ? `?${rest}` : ''}${fragment}` }
}
