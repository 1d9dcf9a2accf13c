import type { Locale } from '../../contract/session'
import { LANGUAGE_NAMES, LOCALES } from '../../contract/values'
import { useI18n } from '../i18n/i18n-context'
import { rememberLocale } from '../lib/locale-memory'
import { useHydrated } from '../lib/use-hydrated'

/**
 * The page's languages in one native select: each name is written in its own language and script
 * (and marked with its `lang`), so a customer finds theirs whatever the page shows now.
 */
export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n()
  // Inert on the server-rendered screen until the page can switch.
  const hydrated = useHydrated()
  const choose = (next: Locale) => {
    rememberLocale(next)
    setLocale(next)
  }
  return (
    <select
      aria-label={t('common.language.label')}
      value={locale}
      disabled={!hydrated}
      onChange={(event) => {
        const next = LOCALES.find((option) => option === event.target.value)
        if (next) choose(next)
      }}
      className="min-h-11 w-36 rounded-lg border border-(--brand-fg) bg-transparent px-2 text-sm font-semibold text-(--brand-fg) *:bg-white *:text-slate-900"
    >
      {/* Until the page can switch, only the current language: the other names, each in its own
          script, would cost the first paint a font lookup per script for a control that is inert. */}
      {(hydrated ? LOCALES : [locale]).map((option) => (
        <option key={option} value={option} lang={option}>
          {LANGUAGE_NAMES[option]}
        </option>
      ))}
    </select>
  )
}
