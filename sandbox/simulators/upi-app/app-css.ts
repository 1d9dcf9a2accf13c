import { readFileSync } from 'node:fs'

/** The simulator's only stylesheet (the CSP allows no inline style), read once. */
export const APP_CSS = readFileSync(new URL('./app.css', import.meta.url), 'utf8')
