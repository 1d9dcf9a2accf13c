import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { CheckoutError } from '../../../contract/errors'
import { TOO_DEEP_MESSAGE } from '../../http/json-depth'
import { acceptJsonBody, readJsonBody } from './read-body'

/** A bare app with one POST route behind the dialect's body checks, answering the body it read. */
function app() {
  const hono = new Hono()
  for (const check of acceptJsonBody) hono.use('/v1/checkout/sessions', check)
  hono.post('/v1/checkout/sessions', async (c) => {
    const read = await readJsonBody(c)
    return read.ok ? c.json({ body: read.body }) : c.json({ refused: read.error })
  })
  return hono
}

const post = (body: BodyInit, headers: Record<string, string>) => app().request('/v1/checkout/sessions', { method: 'POST', headers, body })

describe('the checkout dialect’s body checks', () => {
  it.each([['application/json'], ['application/json; charset=utf-8'], [' Application/JSON ;charset=UTF-8']])('reads JSON sent as %j', async (contentType) => {
    const res = await post('{"mode":"payment"}', { 'content-type': contentType })
    expect(await res.json()).toEqual({ body: { mode: 'payment' } })
  })

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/jsonx'], ['']])('refuses a body sent as %j with 415', async (contentType) => {
    const res = await post('{"mode":"payment"}', contentType ? { 'content-type': contentType } : {})
    expect(res.status).toBe(415)
    expect(CheckoutError.parse(await res.json())).toStrictEqual({
      error: { type: 'invalid_request_error', code: 'unsupported_media_type', message: 'Send the request body as application/json.' },
    })
  })

  it('refuses a body past 64 KB with 413', async () => {
    const big = JSON.stringify({ metadata: { note: 'x'.repeat(64 * 1024) } })
    const res = await post(big, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) })
    expect(res.status).toBe(413)
    expect(await res.json()).toStrictEqual({
      error: { type: 'invalid_request_error', code: 'body_too_large', message: 'The request body must be at most 65536 bytes.' },
    })
  })

  it.each<[string, BodyInit, string]>([
    ['not JSON', '{"mode":', 'The request body is not valid JSON.'],
    ['not UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'The request body is not valid JSON.'],
    ['nested 33 levels', `${'['.repeat(33)}${']'.repeat(33)}`, TOO_DEEP_MESSAGE],
  ])('answers a body %s as invalid_json', async (_, body, message) => {
    const res = await post(body, { 'content-type': 'application/json' })
    expect(await res.json()).toStrictEqual({ refused: { status: 400, type: 'invalid_request_error', code: 'invalid_json', message } })
  })

  it('reads a body nested 32 levels', async () => {
    const res = await post(`${'['.repeat(32)}${']'.repeat(32)}`, { 'content-type': 'application/json' })
    expect(res.status).toBe(200)
    expect(await res.json()).toHaveProperty('body')
  })
})
