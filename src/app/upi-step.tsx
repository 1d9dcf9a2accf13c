import { useEffect, useMemo } from 'react'
import type { UpiChannel } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import { useLiveSession } from '../features/session/api/use-live-session'
import { UpiRail } from '../features/upi/components/upi-rail'
import type { UpiRailActions, UpiRailStep } from '../features/upi/rail-types'
import type { CheckoutStep } from './checkout-step'
import type { SessionControl } from './session-control'

interface UpiStepProps {
  view: SessionView
  step: UpiRailStep
  control: SessionControl
  onStep: (step: CheckoutStep) => void
  /** The channel to use when the customer picks one under "Pay another way" (the merchant's policy still decides). */
  channelFor: (chosen: UpiChannel) => UpiChannel | null
}

/**
 * The screens the rail can end on, fetched as it starts: the approval may arrive (on a stream that
 * outlives a dropped connection) while the network is down, and a screen that cannot load then
 * would turn a success into a crash. A failed fetch here is fetched again when the screen shows.
 */
const preloadEndScreens = () =>
  Promise.all([import('./final-steps'), import('../features/session/components/closed-screens')]).catch(() => null)

/**
 * The UPI rail, loaded on demand together with the live session status it needs: the stream (or
 * polling) runs only while the customer is on this step.
 */
export function UpiStep({ view, step, control, onStep, channelFor }: UpiStepProps) {
  useEffect(() => void preloadEndScreens(), [])
  useLiveSession({
    pageId: view.pageId,
    open: view.state === 'open',
    pending: view.attempt?.status === 'pending',
    write: control.write,
    refetch: control.refetch,
  })
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
