import { createHmac } from 'node:crypto'

/**
 * Verifies a return URL's signature the way a merchant's server would, following the documented
 * steps independently of the sandbox's code.
 */
export function verifyReturnUrl(url: string, responseKey: string): boolean {
  const params = new URL(url).searchParams
  const signature = params.get('signature')
  if (!signature || params.get('signature_algorithm') !== 'HMAC-SHA256') return false
  const pairs = [...params.entries()]
    .filter(([k]) => k !== 'signature' && k !== 'signature_algorithm')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const message = encodeURIComponent(pairs.map(([k, v]) => `${k}=${v}`).join('&'))
  return createHmac('sha256', responseKey).update(message).digest('base64') === signature
}
