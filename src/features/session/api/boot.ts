import { BOOT_ELEMENT_ID, BootPayload } from '../../../../contract/boot'

/**
 * The session the server inlined into the document, parsed with the contract schema. Null when
 * there is none (dev server, client-secret path) or it does not parse: the page then asks the API.
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
  const parsed = BootPayload.safeParse(json)
  return parsed.success ? parsed.data : null
}
