import type { MandateCheckoutApi } from '../../contract/embed-api'
import { EMBED_VERSION } from '../../contract/embed-protocol'
import { createMount } from './embed-core'

/** Entry of `/embed.js`: installs `window.MandateCheckout` for the origin the script came from. */
function scriptOrigin(): string {
  const script = document.currentScript
  if (script instanceof HTMLScriptElement && script.src) return new URL(script.src).origin
  throw new Error('MandateCheckout: load embed.js with a <script src> tag')
}

const api: MandateCheckoutApi = { version: EMBED_VERSION, mount: createMount(scriptOrigin()) }
;(window as Window & { MandateCheckout?: MandateCheckoutApi }).MandateCheckout = api
