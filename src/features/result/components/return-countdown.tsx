import { useEffect, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { useAnnounce } from '../../../components/ui/announcer'
import { resultCatalogs } from '../../../i18n/result-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { renderPhrase } from '../../../i18n/phrase-text'
import { navigateTo } from '../../../lib/navigation'
import { useOnline } from '../../../lib/use-online'

export const RETURN_DELAY_SECONDS = 5

/**
 * After a success: "Returning to Acme Fitness in 5 s", then the signed return URL; the button goes
 * at once. The countdown is said once through the live region, not every second. Offline it
 * waits (leaving now would show the browser's error page instead of the merchant's) and carries
 * on once the network is back.
 */
export function ReturnCountdown({ url, merchantName }: { url: string; merchantName: string }) {
  const { t, catalog } = useAreaText(resultCatalogs)
  const announce = useAnnounce()
  const [left, setLeft] = useState(RETURN_DELAY_SECONDS)
  const online = useOnline()
  const merchant = { isolate: merchantName }

  useEffect(() => {
    announce(t('result.returningAnnounce', { merchant: merchantName, seconds: RETURN_DELAY_SECONDS }))
  }, [announce, t, merchantName])

  useEffect(() => {
    if (!online) return
    if (left <= 0) return navigateTo(url)
    const timer = setTimeout(() => setLeft(left - 1), 1000)
    return () => clearTimeout(timer)
  }, [left, url, online])

  return (
    <div className="flex flex-col gap-3">
      <p role="timer" className="text-base text-slate-700">
        {renderPhrase(
          online ? { key: 'result.returning', params: { merchant, seconds: left } } : { key: 'result.returningWhenOnline', params: { merchant } },
          catalog,
        )}
      </p>
      <div>
        <Button onClick={() => navigateTo(url)}>
          <span>{renderPhrase({ key: 'result.returnTo', params: { merchant } }, catalog)}</span>
        </Button>
      </div>
    </div>
  )
}
