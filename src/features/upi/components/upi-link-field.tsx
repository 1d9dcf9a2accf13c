import { useState } from 'react'
import { useAnnounce } from '../../../components/ui/announcer'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'

/** The request's real upi:// link, read-only, with a Copy button whose result is shown and announced. */
export function UpiLinkField({ uri }: { uri: string }) {
  const { t } = useAreaText(upiCatalogs)
  const announce = useAnnounce()
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | null>(null)
  const copy = () => {
    const done = (result: 'copied' | 'copyFailed') => {
      setCopied(result)
      announce(t(`upi.link.${result}`))
    }
    if (!('clipboard' in navigator)) return done('copyFailed')
    navigator.clipboard.writeText(uri).then(
      () => done('copied'),
      () => done('copyFailed'),
    )
  }
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="upi-link" className="text-base font-semibold text-slate-900">
        {t('upi.link.label')}
      </label>
      <p id="upi-link-hint" className="text-sm text-slate-700">
        {t('upi.link.hint')}
      </p>
      <textarea
        id="upi-link"
        readOnly
        rows={3}
        value={uri}
        aria-describedby="upi-link-hint"
        onFocus={(event) => event.currentTarget.select()}
        className="w-full resize-none break-all rounded-lg border border-slate-300 bg-slate-50 p-2 font-mono text-sm text-slate-900"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className="min-h-11 rounded-lg border-2 border-slate-900 px-4 font-semibold text-slate-900">
          {t('upi.link.copy')}
        </button>
        {copied && <span className="text-sm text-slate-700">{t(`upi.link.${copied}`)}</span>}
      </div>
    </div>
  )
}
