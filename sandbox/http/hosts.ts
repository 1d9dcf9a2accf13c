import type { Context } from 'hono'

/** The loopback names the sandbox always answers to, as Vite's dev server does. */
const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/**
 * The host name of an authority (`host[:port]`), lower case, brackets kept on an IPv6 literal;
 * undefined when it is not one (a path, user info, an empty name).
 */
export function hostNameOf(authority: string): string | undefined {
  const lower = authority.toLowerCase()
  if (lower.startsWith('[')) {
    const end = lower.indexOf(']')
    const rest = lower.slice(end + 1)
    return end > 1 && (rest === '' || /^:\d{1,5}$/.test(rest)) ? lower.slice(0, end + 1) : undefined
  }
  const colon = lower.indexOf(':')
  const name = colon === -1 ? lower : lower.slice(0, colon)
  const port = colon === -1 ? '' : lower.slice(colon)
  return /^[a-z0-9.-]+$/.test(name) && (port === '' || /^:\d{1,5}$/.test(port)) ? name.replace(/\.$/, '') : undefined
}

/**
 * The host names the server answers to: the public origin's, the loopback names, and any listed in
 * `extra` (comma-separated, as SANDBOX_ALLOWED_HOSTS gives them, each a name with or without a
 * port). A listed entry that is not a host name could never match a request: it is refused here,
 * so a typo stops the server at start instead of refusing that host's every request.
 */
export function allowedHosts(publicOrigin: string, extra = ''): ReadonlySet<string> {
  const listed = extra
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => {
      const host = hostNameOf(name)
      if (host === undefined) throw new Error(`SANDBOX_ALLOWED_HOSTS: ${JSON.stringify(name)} is not a host name (expected a name or address, optionally with :port)`)
      return host
    })
  return new Set([new URL(publicOrigin).hostname, ...LOOPBACK_HOSTS, ...listed])
}

/** The authority of an absolute URL (`http://host:port/path` → `host:port`). */
function authorityOf(url: string): string {
  const start = url.indexOf('//') + 2
  const end = url.indexOf('/', start)
  return end === -1 ? url.slice(start) : url.slice(start, end)
}

/**
 * The refusal, 421 with a short JSON body, of a request whose Host header (or absolute request
 * target) names a host the server is not configured for; undefined for any other. A web page on
 * another name that resolves to this server (DNS rebinding) is then same-origin with nothing here:
 * the browser sends its own name.
 */
export function hostRefusal(hosts: ReadonlySet<string>): (c: Context) => Response | undefined {
  const allowed = (authority: string) => {
    const name = hostNameOf(authority)
    return name !== undefined && hosts.has(name)
  }
  return (c) => {
    const header = c.req.header('host')
    if ((header === undefined || allowed(header)) && allowed(authorityOf(c.req.url))) return undefined
    return c.json(
      { error: { code: 'host_not_allowed', message: 'This host name is not one the sandbox answers to: add it to SANDBOX_ALLOWED_HOSTS.' } },
      421,
    )
  }
}
