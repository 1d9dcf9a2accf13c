import type { Context } from 'hono'
import type { CheckoutErrorSpec } from './errors'

export const MAX_BODY_BYTES = 64 * 1024

export type BodyResult = { ok: true; body: unknown } | { ok: false; error: CheckoutErrorSpec }

const fail = (error: Omit<CheckoutErrorSpec, 'type'>): BodyResult => ({
  ok: false,
  error: { type: 'invalid_request_error', ...error },
})

const TOO_LARGE = fail({ status: 413, code: 'body_too_large', message: `The request body must be at most ${MAX_BODY_BYTES} bytes.` })

function isJsonMediaType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'
}

/** Reads at most `limit` bytes; a body without (or lying about) Content-Length is cut off too. */
async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!stream) return new Uint8Array()
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks)
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
}

function parseJson(bytes: Uint8Array): BodyResult {
  try {
    return { ok: true, body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) }
  } catch {
    return fail({ status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' })
  }
}

/** The JSON body of a request: 415 unless it says application/json, 413 above 64 KB, 400 if not JSON. */
export async function readJsonBody(c: Context): Promise<BodyResult> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    return fail({ status: 415, code: 'unsupported_media_type', message: 'Send the request body as application/json.' })
  }
  const declared = Number(c.req.header('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) return TOO_LARGE
  const bytes = await readLimited(c.req.raw.body, MAX_BODY_BYTES)
  return bytes ? parseJson(bytes) : TOO_LARGE
}
