import type { BootPayload } from '../../../../contract/boot'
import { BOOT_ELEMENT_ID } from '../../../../contract/values'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * The session the server inlined into the document. It is this same response's data, written by
 * the server from the contract's types and checked against the contract's schema before it is
 * embedded (sandbox/http/page-html.ts), so the page reads it without zod: parsing it here again
 * would put zod and every schema into the first load, 93.4 KB to 103.8 KB gzip against a 100 KB
 * budget (README, Performance). Null when there is none (dev server,
 * client-secret path) or it is not a boot payload at all: the page then asks the API.
 */
export function readBoot(doc: Document): BootPayload | null {
  const text = doc.getElementById(BOOT_ELEMENT_ID)?.textContent
  if (!text) return null
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(json)) return null
  if (json['kind'] === 'session' && isObject(json['view'])) return json as BootPayload
  if (json['kind'] === 'error' && (json['code'] === 'not_found' || json['code'] === 'malformed')) return json as BootPayload
  return null
}
