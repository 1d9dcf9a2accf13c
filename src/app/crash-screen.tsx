import { useI18n } from '../i18n/i18n-context'
import { MessagePanel } from '../components/ui/message-panel'
import { Button } from '../components/ui/button'
import { PageFrame } from './page-frame'

/** The error boundary's screen: something unexpected, nothing charged, try again. */
export function CrashScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <PageFrame merchant={null} status={t('state.crashed.heading')}>
      <MessagePanel screen="crashed" heading={t('state.crashed.heading')} tone="error">
        <p>{t('state.crashed.body')}</p>
        <div>
          <Button onClick={onRetry}>{t('state.retry')}</Button>
        </div>
      </MessagePanel>
    </PageFrame>
  )
}
