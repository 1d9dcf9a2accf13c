import type { SessionView } from '../../../../contract/session'
import { useI18n } from '../../../i18n/i18n-context'
import { formatDateTime } from '../../../lib/format'
import { MessagePanel } from '../../../components/ui/message-panel'
import { outcomeKind } from '../outcome'

/** The session already reached a final status: show what happened, and never offer a second payment. */
export function CompletedScreen({ view }: { view: SessionView }) {
  const { t, locale } = useI18n()
  const kind = outcomeKind(view.outcome?.status ?? view.status)
  const outcome = view.outcome
  return (
    <MessagePanel screen="completed" heading={t('state.completed.heading')} tone={kind === 'failed' ? 'error' : 'neutral'}>
      <p className="text-lg font-medium text-slate-900">{t(`outcome.${kind}`)}</p>
      <p>{t('state.completed.body')}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-700">{t('outcome.orderId')}</dt>
        <dd className="break-all font-mono text-slate-900" dir="auto">
          {view.orderId}
        </dd>
        {outcome?.mandateStatus && (
          <>
            <dt className="text-slate-700">{t('outcome.mandateStatus')}</dt>
            <dd className="text-slate-900">{t(`mandateStatus.${outcome.mandateStatus}`)}</dd>
          </>
        )}
        {outcome?.mandateId && (
          <>
            <dt className="text-slate-700">{t('outcome.mandateId')}</dt>
            <dd className="break-all font-mono text-slate-900">{outcome.mandateId}</dd>
          </>
        )}
        {outcome && (
          <>
            <dt className="text-slate-700">{t('outcome.completedAt')}</dt>
            <dd className="text-slate-900">{formatDateTime(outcome.completedAt, locale)}</dd>
          </>
        )}
      </dl>
    </MessagePanel>
  )
}
