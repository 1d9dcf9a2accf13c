import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The simulator's only stylesheet (the CSP allows no inline style), read once. */
export const APP_CSS = readFileSync(new URL('./app.css', import.meta.url), 'utf8')

/** A strong validator so a cached copy is revalidated cheaply after its max-age. */
export const APP_CSS_ETAG = `"${createHash('sha256').update(APP_CSS).digest('base64url').slice(0, 22)}"`
