import { useEffect, useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ScreenHeading } from '../../../components/ui/screen-heading'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { simulatorHref } from '../../../lib/simulator-href'
import { buildUpiUri } from '../upi-uri'
import { useAutoStart } from '../use-auto-start'
import { useDocumentVisible } from '../use-document-visible'
import type { ChannelProps } from '../rail-types'
import { Preparing } from './preparing'
import { QrCode } from './qr-code'
import { WaitingPanel } from './waiting-panel'

/**
 * Desktop: the request as a QR code with its countdown. When it expires a fresh code follows by
 * itself while the tab is in front and attempts remain; otherwise the customer asks for one.
 */
export function QrView(props: ChannelProps) {
  const { t, locale } = useAreaText(upiCatalogs)
  const visible = useDocumentVisible()
  const renewed = useRef<string | null>(null)
  // Once a code was renewed, its wait is announced as "A new QR code is ready. Waiting for…" in one
  // message: two announcements in a row, the second as the new code's wait begins, lose the first.
  const [fresh, setFresh] = useState(false)
  const { attempt, start, starting, startFailure, view } = props
  useAutoStart(props)

  const expiredId = attempt?.status === 'expired' ? attempt.id : null
  const renew = () =>
    void start().then((result) => {
      if (result?.ok) setFresh(true)
    })
  const autoRenew = expiredId !== null && visible && view.attemptsLeft > 1 && startFailure === null
  useEffect(() => {
    if (!autoRenew || renewed.current === expiredId) return
    renewed.current = expiredId
    void start().then((result) => {
      if (result?.ok) setFresh(true)
    })
  }, [autoRenew, expiredId, start])

  const pending = attempt?.status === 'pending' ? attempt : null
  const uri = pending?.upi.uri ?? null
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <ScreenHeading screen="upi-qr" id="upi-heading">
          {t('upi.qr.heading')}
        </ScreenHeading>
        <p className="text-base text-slate-700">{t('upi.qr.body')}</p>
      </div>
      {pending && uri && (
        <>
          <QrCode text={buildUpiUri(uri)} label={t(uri.kind === 'mandate' ? 'upi.qr.image.mandate' : 'upi.qr.image.payment')} />
          <WaitingPanel
            attemptId={pending.id}
            expiresAt={pending.expiresAt}
            instructions={t('upi.waiting.qr')}
            takeFocus={false}
            lead={fresh ? t('upi.qr.refreshed') : undefined}
          >
            <a
              href={simulatorHref(pending.upi.simulatorUrl, locale, { app: 'other' })}
              target="_blank"
              rel="noopener noreferrer"
              className="text-base font-semibold text-slate-900 underline"
            >
              {t('upi.qr.simulator')}
              <span className="sr-only"> {t('upi.newTab')}</span>
            </a>
          </WaitingPanel>
        </>
      )}
      {expiredId && !starting && (
        <div className="flex flex-col gap-3">
          <p className="text-base text-slate-700">{t('upi.qr.expired')}</p>
          <div>
            <Button onClick={renew}>{t('upi.qr.refresh')}</Button>
          </div>
        </div>
      )}
      {!pending && (starting || (attempt === null && startFailure === null)) && <Preparing />}
    </div>
  )
}
