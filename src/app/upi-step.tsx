import { useMemo } from 'react'
import type { UpiChannel } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import { UpiRail } from '../features/upi/components/upi-rail'
import type { UpiRailActions, UpiRailStep } from '../features/upi/rail-types'
import type { CheckoutStep } from './checkout-step'
import type { SessionControl } from './session-control'
import { useStepLiveSession } from './use-step-live-session'

interface UpiStepProps {
  view: SessionView
  step: UpiRailStep
  control: SessionControl
  onStep: (step: CheckoutStep) => void
  /** The channel to use when the customer picks one under "Pay another way" (the merchant's policy still decides). */
  channelFor: (chosen: UpiChannel) => UpiChannel | null
}

/**
 * The UPI rail, loaded on demand together with the live session status it needs: the stream (or
 * polling) runs only while the customer is on this step.
 */
export function UpiStep({ view, step, control, onStep, channelFor }: UpiStepProps) {
  useStepLiveSession(view, control)
  const { setUpMandate } = step
  const actions = useMemo<UpiRailActions>(
    () => ({
      back: (left) => onStep({ name: 'choose', dismissed: left }),
      switchTo: (channel, left) => onStep({ name: 'upi', channel: channelFor(channel) ?? channel, setUpMandate, after: left }),
      sink: { onView: control.write, onStale: control.refetch },
    }),
    [onStep, channelFor, setUpMandate, control.write, control.refetch],
  )
  return <UpiRail view={view} step={step} actions={actions} />
}
