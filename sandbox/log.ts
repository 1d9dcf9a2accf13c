/** Structured one-line JSON logs. Callers pass only non-secret fields; `redact` guards free text. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

const SECRET_PATTERNS: readonly RegExp[] = [
  /cs_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]+/g,
  /tkn_[0-9a-f]{32}/g,
  /ordeh_[0-9a-f]{32}/g,
  /Basic\s+[A-Za-z0-9+/=]+/gi,
  /Bearer\s+[A-Za-z0-9_.-]+/gi,
]

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, (m) => `${m.slice(0, 8)}…`), text)
}

export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
  const emit = (level: string, event: string, fields: Record<string, unknown> = {}) =>
    write(redact(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })))
  return { info: (e, f) => emit('info', e, f), error: (e, f) => emit('error', e, f) }
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined }
