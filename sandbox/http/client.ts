import type { Context } from 'hono'

/**
 * The address the request came from (the socket's peer), or undefined for a request the sandbox
 * makes to itself in-process (the embedding demo calling the demo merchant), which has no socket.
 */
export function clientAddress(c: Context): string | undefined {
  const env: unknown = c.env
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined
  const incoming = env.incoming
  if (typeof incoming !== 'object' || incoming === null || !('socket' in incoming)) return undefined
  const socket = incoming.socket
  if (typeof socket !== 'object' || socket === null || !('remoteAddress' in socket)) return undefined
  return typeof socket.remoteAddress === 'string' ? socket.remoteAddress : undefined
}
