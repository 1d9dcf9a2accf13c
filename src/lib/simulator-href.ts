import type { Locale } from '../../contract/session'
import { SIMULATOR_LANGUAGE_PARAM } from '../../contract/values'

/**
 * A link to the simulated UPI app or bank that opens in the language the customer reads the page
 * in (the simulators take it from the query; without it they fall back to the session's language
 * or the browser's), with any other query it needs.
 */
export function simulatorHref(url: string, locale: Locale, params: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams({ ...params, [SIMULATOR_LANGUAGE_PARAM]: locale }).toString()
  return `${url}${url.includes('?') ? '&' : '?'}${query}`
}
