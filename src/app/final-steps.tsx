import type { AttemptView } from '../../contract/attempt'
import type { SessionView } from '../../contract/session'
import { resultCatalogs } from '../i18n/result-catalogs'
import { useI18n } from '../i18n/i18n-context'
import { MandateDisclosure } from './lazy-disclosure'
import { SuccessScreen } from '../features/result/components/success-screen'
import { FailureScreen } from '../features/result/components/failure-screen'

/** Success, with what was authorised: the disclosure the customer saw before paying, now in the past tense. */
export function SuccessStep({ view }: { view: SessionView }) {
  const { locale } = useI18n()
  const attempt = view.attempt
  const instrument = view.instruments.find((option) => option.rail === attempt?.rail) ?? null
  const mandate = view.mandate && (view.outcome?.mandateId ?? attempt?.setsUpMandate) ? view.mandate : null
  const disclosure = mandate && (
    <MandateDisclosure
      heading={resultCatalogs[locale]['result.authorised']}
      input={{
        merchantName: view.merchant.name,
        terms: mandate,
        chargedToday: view.chargedToday,
        registrationRefunded: view.registrationRefunded,
        instrument: instrument ? { rail: instrument.rail, notices: instrument.notices } : null,
      }}
    />
  )
  return <SuccessScreen view={view} disclosure={disclosure} />
}

interface FailureStepProps {
  view: SessionView
  attempt: AttemptView | null
  onRetry: (() => void) | null
  onOtherWay: (() => void) | null
}

/** The latest attempt failed (retry, or choose again), or the session closed without success (nothing more to try). */
export function FailureStep({ view, attempt, onRetry, onOtherWay }: FailureStepProps) {
  return <FailureScreen view={view} attempt={attempt} onRetry={onRetry} onOtherWay={onOtherWay} />
}
