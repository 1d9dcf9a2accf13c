import { readFileSync } from 'node:fs'

/** The bank pages' only stylesheet (the CSP allows no inline style), read once. */
export const BANK_CSS = readFileSync(new URL('./bank.css', import.meta.url), 'utf8')
