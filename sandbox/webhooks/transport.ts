import { lookup } from 'node:dns/promises'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Every address a host name resolves to; an IP literal resolves to itself. */
export type Resolve = (hostname: string) => Promise<readonly ResolvedAddress[]>

export const systemResolve: Resolve = async (hostname) => {
  const answers = await lookup(hostname, { all: true, order: 'verbatim' })
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }))
}

/** A URL's host as a resolver takes it: IPv6 literals lose their brackets. */
export const hostnameOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1')

export interface WebhookRequest {
  url: URL
  /** The checked address to connect to; the URL's host name is still sent as Host and TLS server name. */
  address: ResolvedAddress
  headers: Readonly<Record<string, string>>
  body: string
  signal: AbortSignal
}

/** Sends one POST and answers its status; never follows a redirect. Rejects with the signal's reason when aborted. */
export type Transport = (request: WebhookRequest) => Promise<{ status: number }>

/**
 * node:http(s) on a fresh connection to the given address: the name is not resolved again, so
 * DNS cannot answer differently between the check and the connection.
 */
export const pinnedTransport: Transport = ({ url, address, headers, body, signal }) =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body, 'utf8')) },
        agent: false,
        lookup: pinnedLookup(address),
        signal,
      },
      (response) => {
        response.resume()
        resolve({ status: response.statusCode ?? 0 })
      },
    )
    outgoing.on('error', (error) => reject(signal.aborted && signal.reason instanceof Error ? signal.reason : error))
    outgoing.end(body)
  })

function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}
