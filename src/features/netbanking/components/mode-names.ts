import { useCallback } from 'react'
import type { AuthMode } from '../../../../contract/enach'
import { enachCatalogs } from '../../../i18n/enach-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { languageTag } from '../../../lib/format'

/** Auth modes as words, joined the way the language joins a list: "net banking or debit card". */
export function useModeNames() {
  const { t, locale } = useAreaText(enachCatalogs)
  return useCallback(
    (modes: readonly AuthMode[], type: 'conjunction' | 'disjunction') =>
      new Intl.ListFormat(languageTag(locale), { type }).format(modes.map((mode) => t(`enach.mode.${mode}`))),
    [t, locale],
  )
}
