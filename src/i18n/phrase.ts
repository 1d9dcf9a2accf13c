import type { MessageKey } from './en'

/** Text from outside the page (a merchant's name): shown as text and isolated so bidi controls cannot reorder the sentence. */
export interface Isolated {
  isolate: string
}
export type PhraseParam<K extends string = MessageKey> = string | number | Phrase<K> | Isolated
/** A message key whose parameters may be further phrases: a sentence built from per-enum-value parts. */
export interface Phrase<K extends string = MessageKey> {
  key: K
  params?: Readonly<Record<string, PhraseParam<K>>>
}
export type PhrasePart = string | Isolated

const isIsolated = <K extends string>(value: PhraseParam<K>): value is Isolated => typeof value === 'object' && 'isolate' in value

/** Resolves a phrase against a catalog into text parts and isolated parts, in order. */
export function phraseParts<K extends string>(phrase: Phrase<K>, catalog: Readonly<Record<K, string>>): PhrasePart[] {
  const parts: PhrasePart[] = []
  const push = (text: string) => {
    if (text === '') return
    const last = parts[parts.length - 1]
    if (typeof last === 'string') parts[parts.length - 1] = last + text
    else parts.push(text)
  }
  const template = catalog[phrase.key]
  let cursor = 0
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    push(template.slice(cursor, match.index))
    cursor = match.index + match[0].length
    const value = phrase.params?.[match[1] ?? '']
    if (value === undefined) push(match[0])
    else if (typeof value === 'string' || typeof value === 'number') push(String(value))
    else if (isIsolated(value)) parts.push(value)
    else {
      for (const part of phraseParts(value, catalog)) {
        if (typeof part === 'string') push(part)
        else parts.push(part)
      }
    }
  }
  push(template.slice(cursor))
  return parts
}

/** The phrase as plain text (isolated parts inline), for tests and accessible strings. */
export function phraseText<K extends string>(phrase: Phrase<K>, catalog: Readonly<Record<K, string>>): string {
  return phraseParts(phrase, catalog)
    .map((part) => (typeof part === 'string' ? part : part.isolate))
    .join('')
}
