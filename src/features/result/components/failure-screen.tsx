import type { AttemptView } from '../../../../contract/attempt'
import type { SessionView } from '../../../../contract/session'
import { Button } from '../../../components/ui/button'
import { MessagePanel } from '../../../components/ui/message-panel'
import { ReturnLink } from '../../../components/ui/return-link'
import { resultCatalogs } from '../../../i18n/result-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { renderPhrase } from '../../../i18n/phrase-text'
import { TEST_IDS } from '../../../lib/test-ids'
import { planChangeCatalogs } from '../../../i18n/plan-change-catalogs'
import { failureHeadingKey, reasonKey } from '../failure-text'
import { planUnchangedText } from '../plan-change-result'

/** Attempts left at or below which the screen says how many remain. */
const FEW_ATTEMPTS = 3

interface FailureScreenProps {
  view: SessionView
  attempt: AttemptView | null
  /** Starts a new attempt on the same channel; null when no attempt can be made any more. */
  onRetry: (() => void) | null
  onOtherWay: (() => void) | null
}

/** The latest attempt did not succeed: why, in plain words (for a plan change, that the plan is unchanged), and the ways forward. Never redirects by itself. */
export function FailureScreen({ view, attempt, onRetry, onOtherWay }: FailureScreenProps) {
  const { t, catalog, locale } = useAreaText(resultCatalogs)
  const merchant = { isolate: view.merchant.name }
  const left = view.attemptsLeft
  return (
    <MessagePanel screen="failure" heading={t(failureHeadingKey(attempt, onRetry !== null))} tone="error">
      <p className="text-lg font-medium text-slate-900">{t(reasonKey(attempt))}</p>
      <p>{t('result.notCharged')}</p>
      {view.planChange && (
        <p data-testid={TEST_IDS.planChangeResult}>{renderPhrase(planUnchangedText(view.planChange), planChangeCatalogs[locale])}</p>
      )}
      {onRetry && left <= FEW_ATTEMPTS && <p>{left === 1 ? t('result.attemptLeft') : t('result.attemptsLeft', { n: left })}</p>}
      {!onRetry && <p>{t('result.noAttempts')}</p>}
      <div className="flex flex-wrap items-center gap-4">
        {onRetry && <Button onClick={onRetry}>{t('result.tryAgain')}</Button>}
        {onOtherWay && (
          <button type="button" onClick={onOtherWay} className="min-h-11 px-1 text-base font-semibold text-slate-900 underline">
            {t('result.otherWay')}
          </button>
        )}
      </div>
      {view.returnUrl && <ReturnLink href={view.returnUrl}>{renderPhrase({ key: 'result.returnTo', params: { merchant } }, catalog)}</ReturnLink>}
    </MessagePanel>
  )
}
