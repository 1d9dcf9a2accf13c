import { BRAND_COLOR_PATTERN, THEMES, type Appearance, type Theme } from '../../contract/appearance'
import { EMBED_BOOT_ELEMENT_ID, EmbedBoot } from '../../contract/boot'
import { EMBED_INSTANCE_PATTERN, EMBED_PARAMS } from '../../contract/embed-api'

/** This document inside a merchant's frame, as the server accepted it. */
export interface EmbedContext {
  /** The framing page's origin, checked by the server against the merchant's framing origins. */
  hostOrigin: string
  /** The embed script's name for this frame, on every message. */
  instance: string
  navigateTopOnComplete: boolean
  /** The appearance the host put in the frame's URL. */
  appearance: Appearance
}

const isTheme = (value: string | null): value is Theme => (THEMES as readonly (string | null)[]).includes(value)

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
  const boot = EmbedBoot.safeParse(json)
  const params = new URLSearchParams(search)
  const instance = params.get(EMBED_PARAMS.instance)
  if (!boot.success || instance === null || !EMBED_INSTANCE_PATTERN.test(instance)) return null
  const theme = params.get(EMBED_PARAMS.theme)
  const brand = params.get(EMBED_PARAMS.brand)
  const appearance: Appearance = {}
  if (isTheme(theme)) appearance.theme = theme
  if (brand !== null && BRAND_COLOR_PATTERN.test(brand)) appearance.brandColor = brand
  return { ...boot.data, instance, appearance }
}

let read: { context: EmbedContext | null } | null = null

/** This document's embedding, read once; null when it is not inside an accepted host's frame. */
export function embedContext(): EmbedContext | null {
  read ??= {
    context: readEmbedContext(
      document.getElementById(EMBED_BOOT_ELEMENT_ID)?.textContent,
      window.location.search,
      window.parent !== window,
    ),
  }
  return read.context
}

/**
 * How the page goes back to the merchant's return_url: in its own window; from a frame, the whole
 * window when the merchant asks for it (on the customer's click: a frame may not navigate the top
 * window by itself); otherwise not at all, since the host has been told the result.
 */
export type ReturnMode = 'window' | 'top' | 'none'

export function returnMode(context: EmbedContext | null): ReturnMode {
  if (!context) return 'window'
  return context.navigateTopOnComplete ? 'top' : 'none'
}
