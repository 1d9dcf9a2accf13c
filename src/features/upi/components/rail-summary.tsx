import type { SessionView } from '../../../../contract/session'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { renderPhrase } from '../../../i18n/phrase-text'
import { formatMoney } from '../../../lib/format'

/** One line that keeps what is being paid in view on every channel. */
export function RailSummary({ view, setUpMandate }: { view: SessionView; setUpMandate: boolean }) {
  const { catalog, locale } = useAreaText(upiCatalogs)
  const phrase = {
    key: setUpMandate ? ('upi.summary.mandate' as const) : ('upi.summary.payment' as const),
    params: { merchant: { isolate: view.merchant.name }, amount: formatMoney(view.chargedToday, locale) },
  }
  return <p className="text-base text-slate-700">{renderPhrase(phrase, catalog)}</p>
}
