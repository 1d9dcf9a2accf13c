import { HostToFrame } from '../../../contract/embed'
import { hostLogo } from '../../../contract/values'
import type { EmbedEvent } from '../../../contract/embed-api'
import { EMBED_PROTOCOL, EMBED_VERSION } from '../../../contract/embed-protocol'
import type { EmbedContext } from '../../lib/embedding'
import { hostAppearance, shownScreen, shownView } from '../../lib/page-signals'
import { errorForScreen, eventsForView, NOTHING_REPORTED } from './frame-events'

export interface BridgeOptions {
  /** Takes the page down when the host closes the checkout (stops its live status and timers). */
  unmount: () => void
}

/**
 * The page's side of the embed protocol, loaded only inside an accepted host's frame. It posts to
 * the parent window and to the host origin the server checked, never to '*', and listens only to
 * messages from that window and origin that parse as the contract's HostToFrame for this
 * instance; everything else is dropped unread.
 */
export function startBridge(context: EmbedContext, { unmount }: BridgeOptions): void {
  const host = window.parent
  const post = (event: EmbedEvent) => {
    host.postMessage({ protocol: EMBED_PROTOCOL, version: EMBED_VERSION, instance: context.instance, ...event }, context.hostOrigin)
  }

  let reported = NOTHING_REPORTED
  const reportView = () => {
    const view = shownView.get()
    if (!view) return
    const next = eventsForView(reported, view, { language: document.documentElement.lang, title: document.title })
    reported = next.reported
    next.events.forEach(post)
  }

  let lastScreen: string | null = null
  const reportScreen = () => {
    const screen = shownScreen.get()
    if (screen === null || screen === lastScreen) return
    lastScreen = screen
    post({ type: 'step_changed', payload: { step: screen } })
    const error = errorForScreen(screen)
    if (error) post({ type: 'error', payload: error })
  }

  // The page's height, measured once per animation frame however many changes that frame saw.
  let pendingFrame = 0
  let lastHeight = -1
  const measure = () => {
    pendingFrame = 0
    const height = Math.ceil(document.body.getBoundingClientRect().height)
    if (height === lastHeight) return
    lastHeight = height
    post({ type: 'resize', payload: { height } })
  }
  const resizes = new ResizeObserver(() => {
    pendingFrame ||= requestAnimationFrame(measure)
  })

  const onMessage = (event: MessageEvent) => {
    if (event.source !== host || event.origin !== context.hostOrigin) return
    const parsed = HostToFrame.safeParse(event.data)
    if (!parsed.success || parsed.data.instance !== context.instance) return
    if (parsed.data.type === 'set_appearance') {
      const { logoUrl, ...rest } = parsed.data.payload
      const logo = logoUrl === undefined ? {} : { logoUrl: hostLogo(logoUrl, context.hostOrigin) ?? undefined }
      hostAppearance.set({ ...hostAppearance.get(), ...rest, ...logo })
    } else close()
  }

  const stopScreens = shownScreen.subscribe(reportScreen)
  const stopViews = shownView.subscribe(reportView)
  const close = () => {
    stopScreens()
    stopViews()
    resizes.disconnect()
    cancelAnimationFrame(pendingFrame)
    window.removeEventListener('message', onMessage)
    unmount()
    post({ type: 'closed', payload: {} })
  }

  window.addEventListener('message', onMessage)
  resizes.observe(document.body)
  reportView()
  reportScreen()
}
