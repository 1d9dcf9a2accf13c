import type { Appearance } from '../../contract/appearance'

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

let current: EmbedContext | null = null

/** Called once at start-up with what read-embed-context.ts found in the document. */
export function adoptEmbedContext(context: EmbedContext | null): void {
  current = context
}

/** This document's embedding; null when it is not inside an accepted host's frame. */
export function embedContext(): EmbedContext | null {
  return current
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
