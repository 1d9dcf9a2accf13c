import { Button } from '../../../components/ui/button'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'

/** The collect request ran out of time: send it again to the same UPI ID, or use another. */
export function CollectExpired({ sending, onSendAgain, onOtherVpa }: { sending: boolean; onSendAgain: (() => void) | null; onOtherVpa: () => void }) {
  const { t } = useAreaText(upiCatalogs)
  return (
    <div className="flex flex-col gap-4">
      <p className="text-base text-slate-700">{t('upi.collect.expired')}</p>
      <div className="flex flex-wrap items-center gap-4">
        {onSendAgain && (
          <Button onClick={onSendAgain} disabled={sending}>
            {t('upi.collect.sendAgain')}
          </Button>
        )}
        <button type="button" onClick={onOtherVpa} className="min-h-11 px-1 text-base font-semibold text-slate-900 underline">
          {t('upi.collect.otherVpa')}
        </button>
      </div>
    </div>
  )
}
