import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The bank pages' only stylesheet (the CSP allows no inline style), read once. */
export const BANK_CSS = readFileSync(new URL('./bank.css', import.meta.url), 'utf8')

/** A strong validator so a cached copy is revalidated cheaply after its max-age. */
export const BANK_CSS_ETAG = `"${createHash('sha256').update(BANK_CSS).digest('base64url').slice(0, 22)}"`
