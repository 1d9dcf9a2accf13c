import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { useAnnounce } from '../../../components/ui/announcer'
import { resultCatalogs } from '../../../i18n/result-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { renderPhrase } from '../../../i18n/phrase-text'
import { navigateTo } from '../../../lib/navigation'
import { useOnline } from '../../../lib/use-online'

export const RETURN_DELAY_SECONDS = 5
/** How often the countdown looks at the time: often enough that the seconds shown never lag by more than this. */
const TICK_MS = 250

/**
 * After a success: "Returning to Acme Fitness in 5 s", then the signed return URL; the button goes
 * at once. The countdown is said once through the live region, not every second. Offline it
 * waits (leaving now would show the browser's error page instead of the merchant's) and carries
 * on once the network is back. "Stay on this page" turns the time limit off (WCAG 2.2.1, timing
 * adjustable): a customer who reads slowly, or wants the mandate's details, leaves when they choose.
 */
export function ReturnCountdown({ url, merchantName }: { url: string; merchantName: string }) {
  const { t, catalog } = useAreaText(resultCatalogs)
  const announce = useAnnounce()
  const [remainingMs, setRemainingMs] = useState(RETURN_DELAY_SECONDS * 1000)
  const [staying, setStaying] = useState(false)
  const online = useOnline()
  const returnButton = useRef<HTMLButtonElement>(null)
  const merchant = { isolate: merchantName }
  const counting = online && !staying
  const left = Math.ceil(remainingMs / 1000)

  useEffect(() => {
    announce(t('result.returningAnnounce', { merchant: merchantName, seconds: RETURN_DELAY_SECONDS }))
  }, [announce, t, merchantName])

  // Measured against a deadline rather than counted in ticks, which a busy or background tab delays.
  // Offline the time left is kept, and the deadline set anew once the network is back.
  const deadlineFromNow = useEffectEvent(() => Date.now() + remainingMs)
  useEffect(() => {
    if (!counting) return
    const deadline = deadlineFromNow()
    const tick = setInterval(() => setRemainingMs(Math.max(0, deadline - Date.now())), TICK_MS)
    return () => clearInterval(tick)
  }, [counting])

  useEffect(() => {
    if (counting && remainingMs <= 0) navigateTo(url)
  }, [counting, remainingMs, url])

  const stay = () => {
    setStaying(true)
    announce(t('result.staying', { merchant: merchantName }))
    // The button pressed goes away: focus moves to the way back rather than to the page's start.
    returnButton.current?.focus()
  }

  return (
    <div className="flex flex-col gap-3">
      {staying ? (
        <p className="text-base text-slate-700">{renderPhrase({ key: 'result.staying', params: { merchant } }, catalog)}</p>
      ) : (
        <p role="timer" className="text-base text-slate-700">
          {renderPhrase(
            online ? { key: 'result.returning', params: { merchant, seconds: left } } : { key: 'result.returningWhenOnline', params: { merchant } },
            catalog,
          )}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button ref={returnButton} onClick={() => navigateTo(url)}>
          <span>{renderPhrase({ key: 'result.returnTo', params: { merchant } }, catalog)}</span>
        </Button>
        {!staying && (
          <button type="button" onClick={stay} className="min-h-12 rounded-xl border-2 border-slate-900 px-5 text-base font-semibold text-slate-900">
            {t('result.stay')}
          </button>
        )}
      </div>
    </div>
  )
}
