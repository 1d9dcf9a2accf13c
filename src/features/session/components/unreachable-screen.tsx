import { useI18n } from '../../../i18n/i18n-context'
import { MessagePanel } from '../../../components/ui/message-panel'
import { Button } from '../../../components/ui/button'

/** The sandbox did not answer: nothing was charged, and Retry asks again. */
export function UnreachableScreen({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const { t } = useI18n()
  return (
    <MessagePanel screen="unreachable" heading={t('state.unreachable.heading')} tone="error">
      <p>{t('state.unreachable.body')}</p>
      <div>
        <Button onClick={onRetry} disabled={retrying} aria-describedby={retrying ? 'retrying-note' : undefined}>
          {t('state.retry')}
        </Button>
        {retrying && (
          <p id="retrying-note" className="mt-2 text-sm text-slate-700">
            {t('state.retrying')}
          </p>
        )}
      </div>
    </MessagePanel>
  )
}
