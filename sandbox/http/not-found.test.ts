import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Dialect } from '../dialects/dialect'
import { notFound } from './not-found'

describe('notFound: an unmatched path answers in the envelope of the dialect it belongs to', () => {
  const api = { notFound: (c) => c.json({ error: 'RESOURCE_NOT_FOUND', path: c.req.path }, 404) } as Pick<Dialect, 'notFound'>
  const app = new Hono()
  app.notFound(notFound({ forPath: (path) => (path.startsWith('/api') ? (api as Dialect) : undefined) }))
  app.get('/known', (c) => c.text('known'))

  it('a dialect\'s path: its own not-found', async () => {
    const res = await app.request('/api/nothing/here')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'RESOURCE_NOT_FOUND', path: '/api/nothing/here' })
  })

  it('any other path: plain text', async () => {
    const res = await app.request('/nothing')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await res.text()).toBe('Not found.')
  })

  it('a matched path is not touched', async () => {
    expect(await (await app.request('/known')).text()).toBe('known')
  })
})
