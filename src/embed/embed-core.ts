import type { EmbedEvent, EmbedHandle, FrameEventType, MandateCheckoutApi, MountOptions } from '../../contract/embed-api'
import { EMBED_PARAMS, EMBED_PROTOCOL, EMBED_VERSION } from '../../contract/embed-protocol'
import type { Appearance, HostToFrame } from '../../contract/embed'

/**
 * The embed script's workings: it frames the checkout page and relays its messages, trusting
 * only messages from the checkout origin and from the frame it created, and posting only to that
 * origin. No dependencies: the script must stay a few KB.
 */

const FRAME_EVENTS: ReadonlySet<string> = new Set<FrameEventType>([
  'ready',
  'resize',
  'step_changed',
  'attempt_started',
  'completed',
  'failed',
  'expired',
  'closed',
  'error',
])

const SECRET = /^(cs_[A-Za-z0-9]{24})_secret_[A-Za-z0-9]{32}$/

const randomInstance = (): string => {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The frame's URL: the payment link or the client-secret page, with the embed parameters. */
export function frameUrl(origin: string, options: MountOptions, instance: string, hostOrigin: string): URL {
  let url: URL
  if (options.url) {
    url = new URL(options.url, origin)
    if (url.origin !== origin) throw new Error('MandateCheckout: url must be on the checkout origin')
  } else {
    const match = options.clientSecret ? SECRET.exec(options.clientSecret) : null
    if (!match?.[1] || !options.clientSecret) throw new Error('MandateCheckout: pass url or a valid clientSecret')
    url = new URL(`/checkout/${match[1]}`, origin)
    url.hash = `client_secret=${options.clientSecret}`
  }
  url.searchParams.set(EMBED_PARAMS.instance, instance)
  url.searchParams.set(EMBED_PARAMS.hostOrigin, hostOrigin)
  if (options.appearance?.theme) url.searchParams.set(EMBED_PARAMS.theme, options.appearance.theme)
  if (options.appearance?.brandColor) url.searchParams.set(EMBED_PARAMS.brand, options.appearance.brandColor)
  if (options.appearance?.logoUrl) url.searchParams.set(EMBED_PARAMS.logo, options.appearance.logoUrl)
  return url
}

/** Accepts a frame message only if it is ours, for this instance, of a known type with a payload. */
export function readFrameMessage(data: unknown, instance: string): EmbedEvent | null {
  if (!isRecord(data)) return null
  if (data['protocol'] !== EMBED_PROTOCOL || data['version'] !== EMBED_VERSION || data['instance'] !== instance) return null
  const type = data['type']
  const payload = data['payload']
  if (typeof type !== 'string' || !FRAME_EVENTS.has(type) || !isRecord(payload)) return null
  if (type === 'resize' && (typeof payload['height'] !== 'number' || !Number.isFinite(payload['height']))) return null
  // The frame is our own page on our own origin; the checks above are what a host needs to route it.
  return { type, payload } as EmbedEvent
}

/** The frame's accessible name and language from the checkout's `ready`: its title in the session's language. */
export function frameLabel(payload: Readonly<Record<string, unknown>>): { title: string; lang: string } | null {
  const { title, language } = payload
  return typeof title === 'string' && title !== '' && typeof language === 'string' && language !== '' ? { title, lang: language } : null
}

/**
 * Focus: a checkout mounted in answer to the customer's click (user activation) takes the focus
 * once it is ready, so keyboard and screen-reader users land in it; destroying it while it has
 * the focus gives the focus back to where it was at mount. A mount nobody asked for (on page
 * load) leaves the focus alone.
 */
export function createMount(origin: string): MandateCheckoutApi['mount'] {
  return (target, options) => {
    const container = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target
    if (!container) throw new Error('MandateCheckout: container not found')
    const instance = randomInstance()
    const frame = document.createElement('iframe')
    frame.src = frameUrl(origin, options, instance, window.location.origin).toString()
    frame.title = 'Secure checkout'
    frame.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
    )
    frame.setAttribute('allow', 'clipboard-write')
    frame.setAttribute('referrerpolicy', 'no-referrer')
    frame.style.cssText = 'display:block;width:100%;min-height:320px;border:0;color-scheme:normal'

    const focusWhenReady = 'userActivation' in navigator && navigator.userActivation.isActive
    const focusedAtMount = document.activeElement
    // Appearance asked for at run time: sent once the frame listens (its first message), and again
    // after every `ready`, so a frame that reloads keeps it.
    let appearance: Appearance | null = null
    let listening = false
    let focused = false

    const post = (message: Omit<HostToFrame, 'protocol' | 'version' | 'instance'>) => {
      frame.contentWindow?.postMessage({ protocol: EMBED_PROTOCOL, version: EMBED_VERSION, instance, ...message }, origin)
    }
    const sendAppearance = () => {
      if (appearance) post({ type: 'set_appearance', payload: appearance })
    }

    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || event.source !== frame.contentWindow) return
      const message = readFrameMessage(event.data, instance)
      if (!message) return
      if (!listening || message.type === 'ready') sendAppearance()
      listening = true
      if (message.type === 'resize') frame.style.height = `${Math.ceil(message.payload.height)}px`
      if (message.type === 'ready') {
        const label = frameLabel(message.payload)
        if (label) {
          frame.title = label.title
          frame.lang = label.lang
        }
      }
      if (message.type === 'ready' && focusWhenReady && !focused) {
        focused = true
        frame.focus()
      }
      options.onEvent?.(message)
    }
    window.addEventListener('message', onMessage)
    container.appendChild(frame)

    let destroyed = false
    const handle: EmbedHandle = {
      setAppearance(next: Appearance) {
        if (destroyed) return
        appearance = { ...appearance, ...next }
        if (listening) sendAppearance()
      },
      close() {
        if (!destroyed) post({ type: 'close', payload: {} })
      },
      destroy() {
        if (destroyed) return
        destroyed = true
        window.removeEventListener('message', onMessage)
        const hadFocus = document.activeElement === frame
        frame.remove()
        if (hadFocus && focusedAtMount instanceof HTMLElement && focusedAtMount.isConnected) focusedAtMount.focus()
      },
    }
    return handle
  }
}
