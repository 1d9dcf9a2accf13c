import { Suspense, useMemo } from 'react'
import type { SessionView } from '../../contract/session'
import { useCancelAttempt } from '../features/upi/api/use-cancel-attempt'
import { useStartAttempt } from '../features/upi/api/use-start-attempt'
import { EnachRail } from '../features/enach/components/enach-rail'
import type { EnachRailActions, EnachRailStep } from '../features/enach/rail-types'
import { BANK_WINDOW, navigateTo, openWindow } from '../lib/navigation'
import { embeddedHost } from '../features/embed/embedded-host'
import type { CheckoutStep } from './checkout-step'
import { MandateDisclosure } from './lazy-parts'
import type { SessionControl } from './session-control'
import { useStepLiveSession } from './use-step-live-session'

interface EnachStepProps {
  view: SessionView
  step: EnachRailStep
  control: SessionControl
  onStep: (step: CheckoutStep) => void
}

/**
 * The eNACH rail, loaded on demand, with the attempt writes it shares with UPI and the live status
 * that brings the bank's answer while the customer waits for confirmation.
 */
export function EnachStep({ view, step, control, onStep }: EnachStepProps) {
  useStepLiveSession(view, control)
  const sink = useMemo(() => ({ onView: control.write, onStale: control.refetch }), [control.write, control.refetch])
  const starter = useStartAttempt(view.pageId, sink)
  const canceller = useCancelAttempt(view.pageId, sink)
  const { setUpMandate } = step
  const netbanking = view.instruments.find((instrument) => instrument.rail === 'netbanking')
  const { start, retry } = starter
  const actions: EnachRailActions = {
    back: (left) => onStep({ name: 'choose', dismissed: left }),
    restart: (left) => onStep({ name: 'enach', setUpMandate, after: left }),
    start: (body) => start({ rail: 'netbanking', ...body }),
    retry,
    starting: starter.pending,
    startFailure: starter.failure,
    cancel: canceller.run,
    cancelling: canceller.pending,
    handOff: embeddedHost() ? (url) => void openWindow(url, BANK_WINDOW) : navigateTo,
  }
  const disclosure = view.mandate && (
    <Suspense fallback={null}>
      <MandateDisclosure
        input={{
          merchantName: view.merchant.name,
          terms: view.mandate,
          chargedToday: view.chargedToday,
          registrationRefunded: view.registrationRefunded,
          instrument: netbanking ? { rail: 'netbanking', notices: netbanking.notices } : null,
        }}
      />
    </Suspense>
  )
  return <EnachRail view={view} step={step} actions={actions} disclosure={disclosure} />
}
