import type { Appearance, Theme } from '../../contract/appearance'
import type { EmbedBoot } from '../../contract/boot'
import { BRAND_COLOR_PATTERN, EMBED_BOOT_ELEMENT_ID, HOST_ORIGIN_PATTERN, hostLogo, THEMES } from '../../contract/values'
import { EMBED_INSTANCE_PATTERN, EMBED_PARAMS } from '../../contract/embed-protocol'
import type { EmbedContext } from './embedding'

const isTheme = (value: string | null): value is Theme => (THEMES as readonly (string | null)[]).includes(value)

/**
 * The accepted embedding, checked by hand rather than with the contract's schema (the same checks:
 * an http(s) origin and a flag), to keep zod out of the first load (decision 0008; with the
 * schemas it would be 103.8 KB gzip against a 100 KB budget, README, Performance).
 */
function embedBoot(json: unknown): EmbedBoot | null {
  if (typeof json !== 'object' || json === null) return null
  const { hostOrigin, navigateTopOnComplete } = json as Record<string, unknown>
  if (typeof hostOrigin !== 'string' || !HOST_ORIGIN_PATTERN.test(hostOrigin) || typeof navigateTopOnComplete !== 'boolean') return null
  return { hostOrigin, navigateTopOnComplete }
}

/**
 * Embedded only when all three agree: the document is in a frame, the server accepted the host
 * (its data element, see contract/boot.ts) and the URL names a well-formed instance.
 */
export function readEmbedContext(data: string | null | undefined, search: string, framed: boolean): EmbedContext | null {
  if (!framed || !data) return null
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return null
  }
  const boot = embedBoot(json)
  const params = new URLSearchParams(search)
  const instance = params.get(EMBED_PARAMS.instance)
  if (!boot || instance === null || !EMBED_INSTANCE_PATTERN.test(instance)) return null
  const theme = params.get(EMBED_PARAMS.theme)
  const brand = params.get(EMBED_PARAMS.brand)
  const appearance: Appearance = {}
  if (isTheme(theme)) appearance.theme = theme
  if (brand !== null && BRAND_COLOR_PATTERN.test(brand)) appearance.brandColor = brand
  const logo = hostLogo(params.get(EMBED_PARAMS.logo), boot.hostOrigin)
  if (logo) appearance.logoUrl = logo
  return { ...boot, instance, appearance }
}

/** This document's embedding, from its data element, its address and its place in a frame. */
export function readDocumentEmbedContext(): EmbedContext | null {
  return readEmbedContext(document.getElementById(EMBED_BOOT_ELEMENT_ID)?.textContent, window.location.search, window.parent !== window)
}
