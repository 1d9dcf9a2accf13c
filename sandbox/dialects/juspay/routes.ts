import { Hono } from 'hono'
import type { SandboxDeps } from '../../deps'

export function juspayRoutes(_deps: SandboxDeps): Hono {
  return new Hono()
}
