import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type FrameLocator, type Page } from '@playwright/test'
import type { EmbedEvent, MountOptions } from '../../contract/embed-api'
import type { Appearance } from '../../contract/embed'

const hostPage = (checkoutOrigin: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test shop</title></head>
<body>
<main><h1>Test shop</h1><div id="one"></div><div id="two"></div></main>
<script src="${checkoutOrigin}/embed.js"></script>
<script>
  window.received = {}
  window.handles = {}
  window.mountAs = function (name, options) {
    window.received[name] = []
    window.handles[name] = MandateCheckout.mount('#' + name, Object.assign({}, options, {
      onEvent: function (event) { window.received[name].push(event) }
    }))
  }
  window.addEventListener('message', function (event) {
    if (event.data && event.data.forgerDone) window.forgerDone = true
  })
</script>
</body>
</html>`

/**
 * The forger's page: from a frame on its own origin it posts well-formed protocol messages, with
 * the right instance, to the checkout frame and to the host, then says it is done.
 */
const forgerPage = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Forger</title></head><body>
<script>
  var given = JSON.parse(decodeURIComponent(location.hash.slice(1)))
  var envelope = { protocol: 'mandate-checkout', version: 1, instance: given.instance }
  var checkout = parent.frames[0]
  checkout.postMessage(Object.assign({ type: 'set_appearance', payload: { theme: 'dark' } }, envelope), given.checkoutOrigin)
  checkout.postMessage(Object.assign({ type: 'close', payload: {} }, envelope), '*')
  parent.postMessage(Object.assign({ type: 'completed', payload: { status: 'CHARGED', statusId: 21, result: null } }, envelope), '*')
  parent.postMessage({ forgerDone: true }, '*')
</script>
</body></html>`

/**
 * Merchant pages served by the test process on loopback, so the browser treats them as the real
 * sites they stand for: `allowedHost` (http://localhost:port, which the demo merchant allows to
 * frame the page), `unknownHost` (http://127.0.0.2:port, which it does not), and `forger`
 * (http://127.0.0.1:port/forger, a third party the allowed host's page frames).
 */
export class EmbedHosts {
  private constructor(
    private readonly servers: readonly Server[],
    readonly allowedHost: string,
    readonly unknownHost: string,
    readonly forger: string,
  ) {}

  static async start(checkoutOrigin: string): Promise<EmbedHosts> {
    const serve = async (address: string) => {
      const server = createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        res.end(req.url?.startsWith('/forger') ? forgerPage() : hostPage(checkoutOrigin))
      })
      await new Promise<void>((resolve) => server.listen(0, address, resolve))
      return { server, port: (server.address() as AddressInfo).port }
    }
    const allowed = await serve('127.0.0.1')
    const unknown = await serve('127.0.0.2')
    return new EmbedHosts(
      [allowed.server, unknown.server],
      `http://localhost:${allowed.port}`,
      `http://127.0.0.2:${unknown.port}`,
      `http://127.0.0.1:${allowed.port}/forger`,
    )
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
  }
}

type Received = Record<string, EmbedEvent[]>

/** A test merchant page with up to two checkouts, `one` and `two`, mounted through the embed script. */
export class TestHost {
  constructor(readonly page: Page) {}

  async open(origin: string): Promise<void> {
    await this.page.goto(`${origin}/`)
  }

  async mount(name: 'one' | 'two', options: Omit<MountOptions, 'onEvent'>): Promise<void> {
    await this.page.evaluate(
      ([n, o]) => (window as unknown as { mountAs: (n: string, o: unknown) => void }).mountAs(n, o),
      [name, options] as const,
    )
  }

  frame(name: 'one' | 'two'): FrameLocator {
    return this.page.frameLocator(`#${name} iframe`)
  }

  async events(name: 'one' | 'two'): Promise<EmbedEvent[]> {
    return this.page.evaluate((n) => (window as unknown as { received: Received }).received[n] ?? [], name)
  }

  async eventTypes(name: 'one' | 'two'): Promise<string[]> {
    return (await this.events(name)).map((event) => event.type)
  }

  async expectEvent(name: 'one' | 'two', type: EmbedEvent['type']): Promise<EmbedEvent> {
    await expect.poll(() => this.eventTypes(name)).toContain(type)
    const event = (await this.events(name)).find((e) => e.type === type)
    if (!event) throw new Error(`no ${type} event`)
    return event
  }

  async call(name: 'one' | 'two', method: 'destroy' | 'close'): Promise<void> {
    await this.page.evaluate(([n, m]) => (window as unknown as { handles: Record<string, Record<string, () => void>> }).handles[n]?.[m]?.(), [
      name,
      method,
    ] as const)
  }

  async setAppearance(name: 'one' | 'two', appearance: Appearance): Promise<void> {
    await this.page.evaluate(
      ([n, a]) => (window as unknown as { handles: Record<string, { setAppearance: (a: unknown) => void }> }).handles[n]?.setAppearance(a),
      [name, appearance] as const,
    )
  }

  /** The embed instance of a mounted frame, as its URL carries it. */
  async instance(name: 'one' | 'two'): Promise<string> {
    const src = await this.page.locator(`#${name} iframe`).getAttribute('src')
    return new URL(src ?? '').searchParams.get('embed_instance') ?? ''
  }

  /** `message` listeners on the host window, as DevTools lists them. */
  async messageListeners(): Promise<number> {
    const cdp = await this.page.context().newCDPSession(this.page)
    try {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' })
      if (!result.objectId) throw new Error('no window object')
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })
      return listeners.filter((listener) => listener.type === 'message').length
    } finally {
      await cdp.detach()
    }
  }
}
