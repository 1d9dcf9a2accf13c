/**
 * A fresh key for one try at a write; retries of the same try reuse it. A random UUID (version 4)
 * made from crypto.getRandomValues, which every context has: crypto.randomUUID exists only in
 * secure contexts, and a page opened over plain HTTP on a host other than loopback (a QA phone on
 * the office network) is not one.
 */
export function newIdempotencyKey(): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte, index) => {
    // The version (4) and variant (10xx) bits, as RFC 9562 sets them for a random UUID.
    const fixed = index === 6 ? (byte & 0x0f) | 0x40 : index === 8 ? (byte & 0x3f) | 0x80 : byte
    return fixed.toString(16).padStart(2, '0')
  }).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
