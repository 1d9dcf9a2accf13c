import type { EmbedEvent, EmbedHandle, MandateCheckoutApi } from '../../../contract/embed-api'
import type { Theme } from '../../../contract/embed'
import '../demo.css'

/**
 * A merchant page that embeds the checkout from another origin. The integration itself is the
 * five lines in `start()`: load /embed.js, call MandateCheckout.mount, listen to onEvent.
 */
const checkoutOrigin = document.body.dataset['checkoutOrigin'] ?? ''
function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const el = document.getElementById(id)
  if (!(el instanceof kind)) throw new Error(`#${id} missing`)
  return el
}
const status = byId('status', HTMLParagraphElement)
const events = byId('events', HTMLOListElement)
const darkButton = byId('dark', HTMLButtonElement)
const removeButton = byId('remove', HTMLButtonElement)
byId('host-origin', HTMLElement).textContent = window.location.origin
byId('checkout-origin', HTMLElement).textContent = checkoutOrigin
byId('redirect-demo', HTMLAnchorElement).href = `${checkoutOrigin}/demo`

let handle: EmbedHandle | null = null
const THEMES: readonly Theme[] = ['light', 'dark', 'auto']
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isTheme = (v: string): v is Theme => (THEMES as readonly string[]).includes(v)

function loadEmbedScript(): Promise<MandateCheckoutApi> {
  const existing = (window as Window & { MandateCheckout?: MandateCheckoutApi }).MandateCheckout
  if (existing) return Promise.resolve(existing)
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = `${checkoutOrigin}/embed.js`
    script.onload = () => {
      const api = (window as Window & { MandateCheckout?: MandateCheckoutApi }).MandateCheckout
      if (api) resolve(api)
      else reject(new Error('embed.js did not install MandateCheckout'))
    }
    script.onerror = () => reject(new Error('embed.js could not be loaded'))
    document.head.appendChild(script)
  })
}

function logEvent(event: EmbedEvent): void {
  const item = document.createElement('li')
  item.textContent = `${event.type} ${JSON.stringify(event.payload)}`
  events.appendChild(item)
  if (event.type === 'completed') status.textContent = `Checkout completed: ${event.payload.status}`
  if (event.type === 'failed') status.textContent = `Checkout attempt failed: ${event.payload.status}`
}

async function createSession(plan: string): Promise<string> {
  const res = await fetch('/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ plan }),
  })
  const body: unknown = await res.json()
  const links = isRecord(body) ? body['payment_links'] : undefined
  const web = isRecord(links) ? links['web'] : undefined
  if (!res.ok || typeof web !== 'string') throw new Error('The demo could not create a session')
  return web
}

async function start(plan: string, theme: Theme): Promise<void> {
  handle?.destroy()
  const [api, url] = await Promise.all([loadEmbedScript(), createSession(plan)])
  handle = api.mount('#checkout', { url, appearance: { theme, logoUrl: `${window.location.origin}/logo.svg` }, onEvent: logEvent })
  darkButton.disabled = false
  removeButton.disabled = false
  status.textContent = 'Checkout mounted.'
}

byId('start', HTMLFormElement).addEventListener('submit', (e) => {
  e.preventDefault()
  const plan = byId('plan', HTMLSelectElement).value
  const chosen = byId('theme', HTMLSelectElement).value
  events.replaceChildren()
  start(plan, isTheme(chosen) ? chosen : 'auto').catch((error: unknown) => {
    status.textContent = error instanceof Error ? error.message : 'Something went wrong'
  })
})
darkButton.addEventListener('click', () => handle?.setAppearance({ theme: 'dark' }))
removeButton.addEventListener('click', () => {
  handle?.destroy()
  handle = null
  darkButton.disabled = true
  removeButton.disabled = true
  status.textContent = 'Checkout removed.'
})
