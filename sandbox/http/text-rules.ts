/**
 * The one rule on free text and identifiers every merchant API applies: strings are stored
 * verbatim (markup, bidi marks and emoji are data the page renders as text), and only what cannot
 * be shown or logged safely is refused: control characters and broken UTF-16.
 */

/** C0/C1 control characters other than tab, LF and CR, which free text may hold. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u
const LINE_BREAKS = /[\t\n\r]/
const LONE_SURROGATE = /\p{Cs}/u

export const CONTROL_CHARACTERS_REASON = 'must not contain control characters'
const BROKEN_UNICODE_REASON = 'must be valid Unicode text'

/**
 * Why `value` cannot be stored as text, or null when it can. `multiline` text (descriptions,
 * metadata values) may hold tabs and line breaks; identifiers, names and URLs may not.
 */
export function textProblem(value: string, multiline: boolean): string | null {
  if (LONE_SURROGATE.test(value)) return BROKEN_UNICODE_REASON
  if (CONTROL.test(value) || (!multiline && LINE_BREAKS.test(value))) return CONTROL_CHARACTERS_REASON
  return null
}
