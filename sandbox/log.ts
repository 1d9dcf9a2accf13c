/** Structured one-line JSON logs. Callers pass only non-secret fields; `redact` guards free text. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

/** Identifiers keep a short prefix so log lines can still be correlated. */
const ID_PATTERNS: readonly RegExp[] = [/cs_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]+/g, /tkn_[0-9a-f]{32}/g, /ordeh_[0-9a-f]{32}/g]
/** Bare 128-bit hex tokens (the simulators' one-time links, mandate tokens) keep four digits. */
const BARE_TOKEN_PATTERN = /\b[0-9a-f]{32}\b/g
/** Credentials lose everything. */
const CREDENTIAL_PATTERN = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=_.-]+/gi

/**
 * Matches wherever any pattern above could: each needs one of these prefixes, a 32-digit hex run or
 * a scheme name. Most log lines hold none, and one scan answers them instead of five.
 */
const MAYBE_SECRET = /cs_|tkn_|ordeh_|[0-9a-f]{32}|Basic|Bearer/i

export function redact(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text
  const ids = ID_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, (m) => `${m.slice(0, 8)}…`), text)
  return ids
    .replace(BARE_TOKEN_PATTERN, (m) => `${m.slice(0, 4)}…`)
    .replace(CREDENTIAL_PATTERN, (_m, scheme: string) => `${scheme} [redacted]`)
}

/**
 * Lines for one stream, written together once per turn of the event loop: under load many requests
 * finish in one turn, and stdout to a file or pipe is a blocking write per call on Linux. Whatever
 * is still queued is written when the process exits.
 */
export function batchedLines(stream: { write(chunk: string): unknown }): (line: string) => void {
  let queued: string[] = []
  const flush = () => {
    if (queued.length === 0) return
    const chunk = queued.join('')
    queued = []
    stream.write(chunk)
  }
  process.on('exit', flush)
  return (line) => {
    if (queued.length === 0) setImmediate(flush)
    queued.push(line + '\n')
  }
}

export function jsonLogger(write: (line: string) => void = batchedLines(process.stdout)): Logger {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) =>
    write(redact(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })))
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) }
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined }
