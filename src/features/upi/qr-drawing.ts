import { encode } from 'uqr'
import { qrPath } from './qr-path'

/** Loaded only by the QR view (dynamic import), so uqr stays out of every other chunk. */
export function qrDrawing(text: string): { size: number; path: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 4 })
  return { size, path: qrPath(data) }
}
