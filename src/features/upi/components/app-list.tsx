import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { simulatorHref } from '../../../lib/simulator-href'
import { UPI_APPS } from '../upi-uri'

/**
 * The UPI apps as links. In this sandbox build each opens the simulated UPI app posing as that app;
 * a real deployment would link to appLink(app, uri) instead.
 */
export function AppList({ simulatorUrl }: { simulatorUrl: string }) {
  const { t, locale } = useAreaText(upiCatalogs)
  return (
    <ul aria-label={t('upi.intent.apps')} className="grid grid-cols-2 gap-3">
      {UPI_APPS.map((app) => (
        <li key={app}>
          <a
            href={simulatorHref(simulatorUrl, locale, { app })}
            target="_blank"
            rel="noopener noreferrer"
            className="flex min-h-12 items-center justify-center rounded-xl border-2 border-slate-300 bg-white px-3 text-center font-semibold text-slate-900 hover:border-slate-500"
          >
            {t(`upi.app.${app}`)}
            <span className="sr-only"> {t('upi.newTab')}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}
