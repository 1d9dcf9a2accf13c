import type { Locale } from '../../contract/session'
import { LOCALES } from '../../contract/values'
import { useI18n } from '../i18n/i18n-context'
import { rememberLocale } from '../lib/locale-memory'
import { useHydrated } from '../lib/use-hydrated'

/** English / हिन्दी as two toggle buttons; each name is written in its own language. */
export function LanguageSwitcher() {
  const { t, locale, setLocale } = useI18n()
  // Inert on the server-rendered screen until the page can switch.
  const hydrated = useHydrated()
  const choose = (next: Locale) => {
    rememberLocale(next)
    setLocale(next)
  }
  return (
    <div role="group" aria-label={t('common.language.label')} className="flex gap-1">
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={locale === option}
          disabled={!hydrated}
          onClick={() => choose(option)}
          className={`min-h-11 min-w-11 rounded-lg border border-(--brand-fg) px-3 text-sm font-semibold ${
            locale === option ? 'bg-(--brand-fg) text-(--brand)' : 'bg-transparent text-(--brand-fg)'
          }`}
        >
          {t(`common.language.${option}`)}
        </button>
      ))}
    </div>
  )
}
