import { ScreenHeading } from '../../../components/ui/screen-heading'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { buildUpiUri } from '../upi-uri'
import { useAutoStart } from '../use-auto-start'
import type { ChannelProps } from '../rail-types'
import { AppList } from './app-list'
import { Preparing } from './preparing'
import { UpiLinkField } from './upi-link-field'
import { WaitingPanel } from './waiting-panel'

/** Android: the UPI apps to open the request in, the request's link, and the wait for approval. */
export function IntentView(props: ChannelProps) {
  const { t } = useAreaText(upiCatalogs)
  useAutoStart(props)
  const attempt = props.attempt?.status === 'pending' ? props.attempt : null
    return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <ScreenHeading screen="upi-intent" id="upi-heading">
          {t('upi.intent.heading')}
        </ScreenHeading>
        <p className="text-base text-slate-700">{t('upi.intent.body')}</p>
      </div>
      {attempt ? (
        <>
          <div className="flex flex-col gap-2">
            <AppList simulatorUrl={attempt.upi.simulatorUrl} />
            <p className="text-sm text-slate-700">{t('upi.intent.sandbox')}</p>
          </div>
          <WaitingPanel attemptId={attempt.id} expiresAt={attempt.expiresAt} instructions={t('upi.waiting.intent')} takeFocus={false} />
          {attempt.upi.uri && <UpiLinkField uri={buildUpiUri(attempt.upi.uri)} />}
        </>
      ) : (
        props.startFailure === null && <Preparing />
      )}
    </div>
  )
}
