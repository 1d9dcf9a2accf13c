import type { ReactNode } from 'react'
import type { Phrase } from './phrase'
import { phraseParts } from './phrase'
import { useI18n } from './i18n-context'

/** A phrase as React nodes; text from outside the page sits in <bdi> so it cannot reorder the sentence. */
export function renderPhrase<K extends string>(phrase: Phrase<K>, catalog: Readonly<Record<K, string>>): ReactNode[] {
  return phraseParts(phrase, catalog).map((part, index) =>
    typeof part === 'string' ? part : (
      <bdi key={index} dir="auto">
        {part.isolate}
      </bdi>
    ),
  )
}

/** A phrase from the main catalog, in the active language. */
export function PhraseText({ phrase }: { phrase: Phrase }) {
  const { catalog } = useI18n()
  return renderPhrase(phrase, catalog)
}
