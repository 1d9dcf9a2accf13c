import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { verifyReturnUrl } from '../../docs/integration/verify-return.mjs'
import { verifyWebhook } from '../../docs/integration/verify-webhook.mjs'
import { startServer, type ServerProcess } from '../testing/server-process'
import { startReceiver, type Receiver } from '../testing/webhook-receiver'
import { basicAuth } from '../testing/juspay-dialect'

/**
 * The integration recipes in docs/integration/, run as a merchant runs them: Juspay's Node SDK
 * through the TLS front against a real sandbox process, and the signature snippets in Node and
 * Python on a real return URL and real webhook deliveries.
 */

const ROOT = join(import.meta.dirname, '../..')
const RECIPES = join(ROOT, 'docs/integration')
const RESPONSE_KEY = 'demo_response_key'
const AUTH = { authorization: basicAuth('demo_api_key') }

/** A loopback address of its own (Linux routes all of 127/8 to lo), so parallel runs never share port 443. */
const LOOPBACK = `127.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`

let sandbox: ServerProcess
let receiver: Receiver
let proxy: ChildProcess
let certDir: string

/**
 * Runs a recipe as a command and answers its exit code and what it printed. From the repository's
 * root, as a merchant runs it from their project's: the SDK reads package.json in the working directory.
 */
const run = (command: string, args: string[], env: Record<string, string> = {}, input?: string) => {
  try {
    const stdout = execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, input, encoding: 'utf8', stdio: 'pipe' })
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string }
    return { code: failed.status, stdout: `${failed.stdout}${failed.stderr}` }
  }
}

beforeAll(async () => {
  sandbox = await startServer()
  receiver = await startReceiver()
  certDir = mkdtempSync(join(tmpdir(), 'tls-front-'))
  // The recipe's certificate step, for this run's loopback address.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=mandate-checkout sandbox', '-addext', `subjectAltName=IP:${LOOPBACK}`, '-keyout', 'key.pem', '-out', 'cert.pem'], { cwd: certDir, stdio: 'ignore' })
  proxy = spawn(process.execPath, [join(RECIPES, 'tls-proxy.mjs')], {
    cwd: certDir,
    env: { ...process.env, LISTEN_HOST: LOOPBACK, SANDBOX_URL: sandbox.origin },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let said = ''
    proxy.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()).includes('TLS front') && resolve())
    proxy.stderr?.on('data', (chunk: Buffer) => reject(new Error(`tls-proxy.mjs failed: ${chunk.toString()}`)))
  })
}, 60_000)

afterAll(async () => {
  proxy.kill()
  await receiver.close()
  await sandbox.stop()
})

describe('Juspay\'s Node SDK against the sandbox, through the TLS front', () => {
  const orderId = `sdk-${Date.now() % 1e9}`
  let result: ReturnType<typeof run>
  let created: { payment_link: string; order_id: string; status: string; page_id: string }

  // The session every test of this block reads, made before any of them, in whatever order they run.
  beforeAll(() => {
    result = run(process.execPath, [join(RECIPES, 'juspay-sdk.mjs')], {
      NODE_EXTRA_CA_CERTS: join(certDir, 'cert.pem'),
      JUSPAY_BASE_URL: `https://${LOOPBACK}`,
      ORDER_ID: orderId,
      WEBHOOK_URL: receiver.url,
      RETURN_URL: 'https://shop.merchant.com/return?plan=basic',
    })
    expect(result.stdout).toMatch(/^\{/)
    created = JSON.parse(result.stdout) as typeof created
  }, 30_000)

  test('creates a session and reads the order back', () => {
    expect(result.code).toBe(0)
    expect(created).toMatchObject({ order_id: orderId, status: 'NEW' })
    expect(created.payment_link).toBe(`${sandbox.origin}/orders/${created.page_id}/payment-page`)
  })

  test('the SDK cannot reach the sandbox\'s own http:// port: it speaks TLS to every URL', () => {
    const result = run(process.execPath, [join(RECIPES, 'juspay-sdk.mjs')], { JUSPAY_BASE_URL: sandbox.origin })
    expect(result.code).not.toBe(0)
    // It asks the resolver for "127.0.0.1:<port>", port and all, as a host name.
    expect(result.stdout).toContain(`getaddrinfo ENOTFOUND ${new URL(sandbox.origin).host}`)
  }, 30_000)

  describe('once the customer pays', () => {
    let returnUrl: string

    beforeAll(async () => {
      const started = await fetch(`${sandbox.origin}/api/pages/${created.page_id}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'recipe-1' },
        body: JSON.stringify({ rail: 'upi', channel: 'collect', vpa: 'success@upi', setUpMandate: true }),
      })
      expect(started.status).toBe(201)
      const approved = await fetch(`${sandbox.origin}/sandbox/orders/${created.order_id}/attempt/approve`, { method: 'POST', headers: AUTH })
      expect(approved.status).toBe(200)
      const view = (await (await fetch(`${sandbox.origin}/api/pages/${created.page_id}`)).json()) as { returnUrl: string | null }
      returnUrl = view.returnUrl ?? ''
      await vi.waitFor(() => expect(receiver.requests.length).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 50 })
    }, 30_000)

    test('the return URL\'s signature verifies in Node and in Python, and a changed one does not', () => {
      expect(returnUrl).toContain('signature=')
      const tampered = returnUrl.replace('status=CHARGED', 'status=AUTHORIZATION_FAILED')
      expect(tampered).not.toBe(returnUrl)
      expect(verifyReturnUrl(returnUrl, RESPONSE_KEY)).toBe(true)
      expect(verifyReturnUrl(tampered, RESPONSE_KEY)).toBe(false)
      expect(verifyReturnUrl(returnUrl, 'another_key')).toBe(false)
      const python = (url: string) => run('python3', [join(RECIPES, 'verify_return.py'), RESPONSE_KEY, url])
      expect(python(returnUrl)).toEqual({ code: 0, stdout: 'valid\n' })
      expect(python(tampered)).toEqual({ code: 1, stdout: 'invalid\n' })
    }, 30_000)

    test('each webhook\'s signature verifies in Node and in Python, and a changed body does not', () => {
      const python = (body: string, header: string) => run('python3', [join(RECIPES, 'verify_webhook.py'), RESPONSE_KEY, header], {}, body)
      for (const delivery of receiver.requests) {
        const header = String(delivery.headers['x-webhook-signature-v2'])
        const changed = delivery.body.replace('"', ' "')
        expect(verifyWebhook(delivery.body, header, RESPONSE_KEY)).toBe('ok')
        expect(verifyWebhook(changed, header, RESPONSE_KEY)).toBe('mismatch')
        expect(verifyWebhook(delivery.body, header, RESPONSE_KEY, Math.floor(Date.now() / 1000) + 3600)).toBe('outside tolerance')
        expect(python(delivery.body, header)).toEqual({ code: 0, stdout: 'ok\n' })
        expect(python(changed, header)).toEqual({ code: 1, stdout: 'mismatch\n' })
      }
    }, 30_000)
  })
})
