import type { Appearance, FrameToHost } from './embed'

/**
 * The embed protocol's constants and the embed script's public API. Free of zod so the script a
 * merchant page loads carries none of it; the schemas in embed.ts describe the same messages.
 */
export const EMBED_PROTOCOL = 'mandate-checkout'
export const EMBED_VERSION = 1

/** An embed instance id: the embed script's random name for one frame, on every message. */
export const EMBED_INSTANCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/

/** Query parameters the embed script puts on the frame's URL (none of them secret). */
export const EMBED_PARAMS = { instance: 'embed_instance', hostOrigin: 'embed_origin', theme: 'theme', brand: 'brand', logo: 'logo' } as const

export type FrameEventType = FrameToHost['type']

/** What `onEvent` receives on the host: the message's type and payload. */
export type EmbedEvent = { [T in FrameEventType]: { type: T; payload: Extract<FrameToHost, { type: T }>['payload'] } }[FrameEventType]

/** The embed script's public API on `window.MandateCheckout`. */
export interface MountOptions {
  /** The payment page URL (`payment_links.web`), or… */
  url?: string
  /** …a checkout session's client secret. */
  clientSecret?: string
  appearance?: Appearance
  onEvent?: (event: EmbedEvent) => void
}
export interface EmbedHandle {
  /** Removes the frame and its listener; safe to call more than once. */
  destroy(): void
  /** Changes the theme or brand colour at run time (sent once the frame listens, kept across its reloads). */
  setAppearance(appearance: Appearance): void
  /** Asks the checkout to stop (live status, timers); it answers with `closed`, after which call destroy(). */
  close(): void
}
export interface MandateCheckoutApi {
  version: number
  mount(container: HTMLElement | string, options: MountOptions): EmbedHandle
}
