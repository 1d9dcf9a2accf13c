import { useEffect, useRef, type ReactNode } from 'react'
import { useAnnounce } from '../../../components/ui/announcer'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { countdownCue, formatCountdown } from '../../../lib/countdown'
import { useSecondsLeft } from '../../../lib/use-seconds-left'

interface WaitingPanelProps {
  attemptId: string
  expiresAt: string
  instructions: string
  /** Move focus here when the wait begins (a request just sent); false when the step's own heading has it. */
  takeFocus: boolean
  /** Said just before "Waiting for your approval", in the same announcement, so neither replaces the other (a renewed QR code). */
  lead?: string
  children?: ReactNode
}

/**
 * "Waiting for your approval": what to do, the time left, and the channel's own actions. The time
 * is read out once a minute and at 30 seconds through the page's live region, never every second.
 */
export function WaitingPanel({ attemptId, expiresAt, instructions, takeFocus, lead, children }: WaitingPanelProps) {
  const { t } = useAreaText(upiCatalogs)
  const announce = useAnnounce()
  const seconds = useSecondsLeft(expiresAt)
  const heading = useRef<HTMLHeadingElement>(null)
  const previous = useRef<number | null>(null)

  useEffect(() => {
    announce(lead ? `${lead} ${t('upi.waiting.announce')}` : t('upi.waiting.announce'))
    if (takeFocus) heading.current?.focus()
    previous.current = null
    // Once the wait ends (approved, declined, expired, cancelled) "Waiting for your approval" is no longer true.
    return () => announce('')
  }, [attemptId, takeFocus, lead, announce, t])

  useEffect(() => {
    const cue = countdownCue(previous.current, seconds)
    previous.current = seconds
    if (!cue) return
    if (cue.unit === 'seconds') announce(t('upi.waiting.seconds', { n: cue.value }))
    else announce(cue.value === 1 ? t('upi.waiting.minute') : t('upi.waiting.minutes', { n: cue.value }))
  }, [seconds, announce, t])

  return (
    <section aria-labelledby="waiting-heading" className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-slate-50 p-4">
      <h2 ref={heading} id="waiting-heading" tabIndex={-1} className="text-lg font-semibold text-slate-900">
        {t('upi.waiting.heading')}
      </h2>
      <p className="text-base text-slate-700">{instructions}</p>
      <div className="flex items-baseline justify-between gap-4">
        <span id="time-left-label" className="text-base text-slate-700">
          {t('upi.waiting.timeLeft')}
        </span>
        <span role="timer" aria-labelledby="time-left-label" className="font-mono text-2xl font-semibold text-slate-900">
          {formatCountdown(seconds)}
        </span>
      </div>
      {children}
    </section>
  )
}
