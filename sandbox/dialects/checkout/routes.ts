import { Hono } from 'hono'
import type { SandboxDeps } from '../../deps'

export function checkoutRoutes(_deps: SandboxDeps): Hono {
  return new Hono()
}
