import type { JuspayErrorSpec } from './errors'
import { nestsDeeperThan, TOO_DEEP_MESSAGE } from '../../http/json-depth'
import { isRecord } from './fields'

export type BodyKind = 'json' | 'form'
export type BodyResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: JuspayErrorSpec }

const MEDIA_TYPES: Record<BodyKind, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
}

const invalid = (message: string): BodyResult => ({
  ok: false,
  error: { status: 400, code: 'INVALID_INPUT', message },
})

/** Which accepted body kind a Content-Type header names, ignoring parameters such as charset. */
export function bodyKind(contentType: string | undefined, accepted: readonly BodyKind[]): BodyKind | null {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return accepted.find((kind) => MEDIA_TYPES[kind] === media) ?? null
}

export function unsupportedMediaType(accepted: readonly BodyKind[]): JuspayErrorSpec {
  return {
    status: 415,
    code: 'INVALID_INPUT',
    message: `Send the request body as ${accepted.map((kind) => MEDIA_TYPES[kind]).join(' or ')} with a matching Content-Type header.`,
  }
}

export function parseBody(kind: BodyKind, text: string): BodyResult {
  return kind === 'json' ? parseJsonBody(text) : parseFormBody(text)
}

export function parseJsonBody(text: string): BodyResult {
  if (text.trim() === '') return invalid('The request body is empty; send a JSON object.')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return invalid(`The request body is not valid JSON${describeJsonError(text, error)}.`)
  }
  if (!isRecord(parsed)) return invalid('The request body must be a JSON object.')
  return nestsDeeperThan(parsed) ? invalid(TOO_DEEP_MESSAGE) : { ok: true, body: parsed }
}

/** Where JSON.parse stopped, as line and column, and the likely cause when it is a trailing comma. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : ''
  const position = /position (\d+)/.exec(message)?.[1]
  if (position === undefined) return /end of JSON/i.test(message) ? ': it ends before the value is complete' : ''
  const offset = Number(position)
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  const trailingComma = /,\s*$/.test(before) && /^[}\]]/.test(text.slice(offset))
  return trailingComma
    ? `: trailing comma before line ${line}, column ${column}; remove the comma after the last field`
    : ` at line ${line}, column ${column}`
}

/** Form fields are flat strings; a key sent twice is ambiguous, so it is refused rather than picked. */
export function parseFormBody(text: string): BodyResult {
  const entries = new Map<string, string>()
  const repeated = new Set<string>()
  for (const [key, value] of new URLSearchParams(text)) {
    if (entries.has(key)) repeated.add(key)
    entries.set(key, value)
  }
  if (repeated.size > 0) {
    return {
      ok: false,
      error: {
        status: 400,
        code: 'INVALID_INPUT',
        message: 'A form field is sent more than once.',
        fields: [...repeated].map((field) => ({ field_name: field, reason: 'is sent more than once; send it once' })),
      },
    }
  }
  if (entries.size === 0) return invalid('The request body is empty; send the order fields.')
  // fromEntries defines own properties, so a "__proto__" field stays plain data.
  return { ok: true, body: Object.fromEntries(entries) }
}
