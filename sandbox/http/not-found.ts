import type { NotFoundHandler } from 'hono'
import type { Dialects } from '../dialects/dialect'

/**
 * What a path no route matched answers: the not-found of the dialect whose envelope answers under
 * it, so a client reading one dialect never meets a bare text 404 (the QA API switched off answers
 * here too); any other path gets plain text.
 */
export function notFound(dialects: Pick<Dialects, 'forPath'>): NotFoundHandler {
  return (c) => dialects.forPath(c.req.path)?.notFound(c) ?? c.text('Not found.', 404)
}
