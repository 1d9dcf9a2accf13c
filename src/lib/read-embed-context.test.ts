import { describe, expect, it } from 'vitest'
import { returnMode } from './embedding'
import { readEmbedContext } from './read-embed-context'

const DATA = JSON.stringify({ hostOrigin: 'http://localhost:4401', navigateTopOnComplete: false })
const SEARCH = '?embed_instance=abcdef123456&embed_origin=http%3A%2F%2Flocalhost%3A4401'

describe('readEmbedContext', () => {
  it('is embedded in a frame whose host the server accepted', () => {
    expect(readEmbedContext(DATA, SEARCH, true)).toEqual({
      hostOrigin: 'http://localhost:4401',
      navigateTopOnComplete: false,
      instance: 'abcdef123456',
      appearance: {},
    })
  })

  it("takes the host's theme and brand colour from the URL when they are well formed", () => {
    expect(readEmbedContext(DATA, `${SEARCH}&theme=dark&brand=%23ffcc00`, true)?.appearance).toEqual({ theme: 'dark', brandColor: '#ffcc00' })
    expect(readEmbedContext(DATA, `${SEARCH}&theme=neon&brand=red`, true)?.appearance).toEqual({})
  })

  it.each([
    ['a logo on the host', 'http://localhost:4401/logo.svg', 'http://localhost:4401/logo.svg'],
    ['a logo on another origin', 'https://tracker.example/pixel.gif', undefined],
    ['a logo on another port of the host', 'http://localhost:4402/logo.svg', undefined],
    ['a script URL', 'javascript:alert(1)', undefined],
    ['not a URL', 'logo.svg', undefined],
  ])("takes the host's logo only from the host's own origin: %s", (_name, logo, expected) => {
    expect(readEmbedContext(DATA, `${SEARCH}&logo=${encodeURIComponent(logo)}`, true)?.appearance.logoUrl).toBe(expected)
  })

  it.each([
    ['not in a frame', DATA, SEARCH, false],
    ['no accepted host', null, SEARCH, true],
    ['data that is not JSON', '{', SEARCH, true],
    ['data that breaks the contract', JSON.stringify({ hostOrigin: '*', navigateTopOnComplete: false }), SEARCH, true],
    ['no instance', DATA, '?embed_origin=http%3A%2F%2Flocalhost%3A4401', true],
    ['a malformed instance', DATA, '?embed_instance=a%20b', true],
  ])('is not embedded with %s', (_name, data, search, framed) => {
    expect(readEmbedContext(data, search, framed)).toBeNull()
  })
})

describe('returnMode', () => {
  it('returns in its own window when not embedded, and from a frame only as the merchant asks', () => {
    const context = readEmbedContext(DATA, SEARCH, true)
    expect(returnMode(null)).toBe('window')
    expect(returnMode(context)).toBe('none')
    expect(returnMode(context && { ...context, navigateTopOnComplete: true })).toBe('top')
  })
})
