import type { EmbedBoot } from '../../contract/boot'
import type { Merchant } from '../merchants'

const PATTERN = /^(https?):\/\/(\*\.)?([a-z0-9.-]+)(?::(\d{1,5}|\*))?$/
const ORIGIN = /^(https?):\/\/([a-z0-9.-]+)(?::(\d{1,5}))?$/
const defaultPort = (scheme: string) => (scheme === 'https' ? '443' : '80')

/**
 * Whether `origin` (as a browser serialises it) is matched by a framing-origin pattern the way
 * CSP host sources match: `*.` covers subdomains (not the domain itself), `:*` any port, no port
 * the scheme's default. Stricter than CSP in one way: the scheme must be exactly the same.
 */
export function originMatches(pattern: string, origin: string): boolean {
  const p = PATTERN.exec(pattern)
  const o = ORIGIN.exec(origin)
  if (!p || !o) return false
  const [, scheme, wildcard, host = '', port] = p
  const [, originScheme = '', originHost = '', originPort] = o
  if (scheme !== originScheme) return false
  if (wildcard ? !originHost.endsWith(`.${host}`) : originHost !== host) return false
  return port === '*' || (port ?? defaultPort(scheme)) === (originPort ?? defaultPort(originScheme))
}

/** The value when it is exactly a serialised http(s) origin (no path, no default port, lower case). */
function exactOrigin(value: string): string | null {
  if (value.length > 200) return null
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : null
  } catch {
    return null
  }
}

export interface PageFraming {
  /** The document's `frame-ancestors` sources; empty means 'none'. */
  ancestors: readonly string[]
  /** What the page learns about its host; null when it is not embedded through the embed script. */
  embed: EmbedBoot | null
}

/**
 * Who may frame this document. Without `embed_origin` it is the merchant's framing origins. With
 * it, the claimed host is checked here, on the server, against the merchant's list: when allowed,
 * framing is narrowed to exactly that origin (so the browser renders the page only inside it, and
 * the page may post to it); when not, nobody may frame the page.
 */
export function pageFraming(merchant: Merchant | undefined, embedOrigin: string | undefined): PageFraming {
  if (!merchant) return { ancestors: [], embed: null }
  if (embedOrigin === undefined) return { ancestors: merchant.framingOrigins, embed: null }
  const origin = exactOrigin(embedOrigin)
  if (!origin || !merchant.framingOrigins.some((pattern) => originMatches(pattern, origin))) return { ancestors: [], embed: null }
  return { ancestors: [origin], embed: { hostOrigin: origin, navigateTopOnComplete: merchant.embed.navigateTopOnComplete } }
}
