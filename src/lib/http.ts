/**
 * The one place the page talks HTTP. Answers are data, never UI: the caller decides what a status means.
 * A network failure (offline, DNS, connection reset) is reported as `network`, not thrown.
 */
export type HttpResult =
  | { kind: 'response'; status: number; body: unknown }
  | { kind: 'network'; cause: unknown }

async function send(url: string, init: RequestInit): Promise<HttpResult> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', ...init })
  } catch (cause) {
    return { kind: 'network', cause }
  }
  // A body that is not JSON (a proxy's HTML error page, an empty 502) is still a response; its body is null.
  const body: unknown = await response.json().catch(() => null)
  return { kind: 'response', status: response.status, body }
}

export function getJson(url: string, signal?: AbortSignal): Promise<HttpResult> {
  return send(url, { method: 'GET', headers: { accept: 'application/json' }, signal: signal ?? null })
}

/** POST a JSON body; `headers` adds request headers such as an Idempotency-Key. */
export function postJson(url: string, payload: unknown, signal?: AbortSignal, headers?: Readonly<Record<string, string>>): Promise<HttpResult> {
  return send(url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
    signal: signal ?? null,
  })
}
