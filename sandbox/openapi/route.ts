import type { Handler } from 'hono'
import { openApiDocument } from './document'

/** How long a client or proxy may keep the document: it changes only with a new sandbox build. */
const MAX_AGE_SECONDS = 300

/**
 * GET /openapi.json: the document, made once on the first request. It keeps the strict headers
 * every answer gets at the edge (CSP `default-src 'none'`, nosniff), and is cacheable.
 */
export function openApiRoute(publicOrigin: string): Handler {
  let body: string | null = null
  return (c) => {
    body ??= JSON.stringify(openApiDocument(publicOrigin))
    c.header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`)
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  }
}
