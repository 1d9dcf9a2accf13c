import type { Appearance } from './appearance'
import type { FrameToHost } from './embed'

/**
 * The embed script's public API, as types only: the script a merchant page loads carries no zod.
 * The protocol's constants are in embed-protocol.ts, the schemas of its messages in embed.ts.
 */
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
