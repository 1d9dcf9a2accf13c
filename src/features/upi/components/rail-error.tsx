import { Button } from '../../../components/ui/button'
import { upiCatalogs, type UpiKey } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { isRetryable, type WriteFailure } from '../../../lib/write-result'

function messageKey(failure: WriteFailure): UpiKey {
  if (isRetryable(failure)) return 'upi.error.network'
  if (failure === 'too_many_attempts' || failure === 'channel_not_allowed') return `upi.error.${failure}`
  return 'upi.error.other'
}

/** Why the request could not be started, with Retry when sending it again can help (same idempotency key). */
export function RailError({ failure, onRetry, retrying }: { failure: WriteFailure; onRetry: () => void; retrying: boolean }) {
  const { t } = useAreaText(upiCatalogs)
  return (
    <div role="alert" className="flex flex-col gap-3 border-s-4 border-red-600 ps-4">
      <p className="text-base text-slate-900">{t(messageKey(failure))}</p>
      {isRetryable(failure) && (
        <div>
          <Button onClick={onRetry} disabled={retrying}>
            {t('upi.error.retry')}
          </Button>
        </div>
      )}
    </div>
  )
}
