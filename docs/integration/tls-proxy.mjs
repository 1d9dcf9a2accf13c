// A TLS front for the sandbox on https://<LISTEN_HOST>:443, forwarding every request to the
// sandbox's plain HTTP port. The Juspay Node SDK (expresscheckout-nodejs 1.0.0) sends every
// request over HTTPS to port 443 of its baseUrl's host, whatever the URL says (juspay-node-sdk.md).
//
//   TLS_CERT=cert.pem TLS_KEY=key.pem node tls-proxy.mjs
//
// LISTEN_HOST (default 127.0.0.1), LISTEN_PORT (default 443), SANDBOX_URL (default http://127.0.0.1:4000).
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:https'

const sandbox = new URL(process.env.SANDBOX_URL ?? 'http://127.0.0.1:4000')
const listenHost = process.env.LISTEN_HOST ?? '127.0.0.1'
const listenPort = Number(process.env.LISTEN_PORT ?? 443)
const tls = { cert: readFileSync(process.env.TLS_CERT ?? 'cert.pem'), key: readFileSync(process.env.TLS_KEY ?? 'key.pem') }

const server = createServer(tls, (incoming, outgoing) => {
  // The sandbox answers only its own host names, so the request reaches it under the sandbox's.
  const headers = { ...incoming.headers, host: sandbox.host }
  const forwarded = request({ host: sandbox.hostname, port: sandbox.port, path: incoming.url, method: incoming.method, headers }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(outgoing)
  })
  forwarded.on('error', () => outgoing.writeHead(502).end())
  incoming.pipe(forwarded)
})

server.listen(listenPort, listenHost, () => {
  process.stdout.write(`TLS front https://${listenHost}:${listenPort} -> ${sandbox.origin}\n`)
})
