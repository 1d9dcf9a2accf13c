import { Suspense, useMemo, useState } from 'react'
import type { UpiChannel } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import type { InstrumentSelection } from '../features/instruments/components/instrument-picker'
import { initialInstrument } from '../features/instruments/instrument-text'
import { deviceClass, pickUpiChannel, upiChannelOverride } from '../features/instruments/upi-channel'
import { Skeleton } from '../components/ui/skeleton'
import { checkoutStage, initialStep, setsUpMandate, type CheckoutStep } from './checkout-step'
import { EnachStep, FailureStep, UpiStep } from './lazy-parts'
import { ReadyScreen } from './ready-screen'
import type { SessionControl } from './session-control'

/**
 * An open session: the choice of how to pay, the chosen rail, or why the last attempt failed. The
 * selection and the step live here, in the shell, so Back returns to the choice as it was left.
 */
export function OpenSession({ view, control }: { view: SessionView; control: SessionControl }) {
  const [selection, setSelection] = useState<InstrumentSelection>(() => ({
    kind: initialInstrument(view.instruments, view.preferredRail),
    optIn: false,
  }))
  const [step, setStep] = useState<CheckoutStep>(() => initialStep(view))
  const channelFor = useMemo(() => {
    const device = deviceClass(navigator.userAgent, navigator.maxTouchPoints)
    const fromUrl = upiChannelOverride(window.location.search)
    return (chosen: UpiChannel | null) => pickUpiChannel(view.upiChannelPolicy, device, chosen ?? fromUrl)
  }, [view.upiChannelPolicy])
  const upiChannel = channelFor(null)
  const stage = checkoutStage(view, step)

  const available = (rail: 'upi' | 'netbanking') => view.instruments.some((instrument) => instrument.rail === kind && instrument.available)
  const after = view.attempt?.id ?? null
  const setUpMandate = setsUpMandate(view, selection)
  const onContinue =
    selection.kind === 'upi' && available('upi') && upiChannel
      ? () => setStep({ name: 'upi', channel: upiChannel, setUpMandate, after })
      : selection.kind === 'netbanking' && available('netbanking')
        ? () => setStep({ name: 'enach', setUpMandate, after })
        : null

  if (stage.name === 'choose') {
    return <ReadyScreen view={view} selection={selection} onSelectionChange={setSelection} upiChannel={upiChannel} onContinue={onContinue} />
  }
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full" />}>
      {stage.name === 'upi' && (
        <UpiStep
          key={`${stage.channel}:${stage.after ?? ''}`}
          view={view}
          step={stage}
          control={control}
          onStep={setStep}
          channelFor={channelFor}
        />
      )}
      {stage.name === 'enach' && <EnachStep key={stage.after ?? ''} view={view} step={stage} control={control} onStep={setStep} />}
      {stage.name === 'failed' && (
        <FailureStep
          view={view}
          attempt={stage.attempt}
          onRetry={() =>
            setStep(
              stage.attempt.rail === 'netbanking'
                ? { name: 'enach', setUpMandate: stage.attempt.setsUpMandate, after: stage.attempt.id }
                : {
                    name: 'upi',
                    channel: stage.attempt.channel ?? upiChannel ?? 'intent',
                    setUpMandate: stage.attempt.setsUpMandate,
                    after: stage.attempt.id,
                  },
            )
          }
          onOtherWay={() => setStep({ name: 'choose', dismissed: stage.attempt.id })}
        />
      )}
    </Suspense>
  )
}
