import { Suspense, useMemo, useState } from 'react'
import type { Rail } from '../../contract/rail'
import type { SessionView } from '../../contract/session'
import type { InstrumentSelection } from '../features/instruments/components/instrument-picker'
import { initialInstrument } from '../features/instruments/instrument-text'
import { pickUpiChannel, upiChannelOverride } from '../features/instruments/upi-channel'
import { Skeleton } from '../components/ui/skeleton'
import { checkoutStage, chosenStep, initialStep, setsUpMandate, stepFor, stepKey, type CheckoutStep, type RailStepOf } from './checkout-step'
import { FailureStep } from './lazy-parts'
import { RAIL_SCREENS } from './rails'
import { CancelControl } from './cancel-control'
import { ReadyScreen } from './ready-screen'
import { useEarlyChoice } from './early-choice'
import { useDeviceAndSearch } from './page-request'
import type { SessionControl } from './session-control'

interface RailStageProps<R extends Rail> {
  view: SessionView
  step: RailStepOf<R>
  control: SessionControl
  onStep: (step: CheckoutStep) => void
}

/** The step of the rail it names, from the table of rails. */
function RailStage<R extends Rail>(props: RailStageProps<R>) {
  const { Step, Ui } = RAIL_SCREENS[props.step.rail]
  return <Step {...props} ui={Ui} />
}

/**
 * An open session: the choice of how to pay, the chosen rail, or why the last attempt failed. The
 * selection and the step live here, in the shell, so Back returns to the choice as it was left.
 */
export function OpenSession({ view, control }: { view: SessionView; control: SessionControl }) {
  const [initialSelection] = useState<InstrumentSelection>(() => ({
    rail: initialInstrument(view.instruments, view.preferredRail),
    optIn: false,
  }))
  const [chosen, setSelection] = useState<InstrumentSelection | null>(null)
  // An option the customer chose on the server-rendered screen, before the page could answer, is kept.
  const early = useEarlyChoice(view.instruments)
  const selection = chosen ?? early ?? initialSelection
  const [step, setStep] = useState<CheckoutStep>(() => initialStep(view))
  const { device, search } = useDeviceAndSearch()
  const upiChannel = useMemo(() => pickUpiChannel(view.upiChannelPolicy, device, upiChannelOverride(search)), [view.upiChannelPolicy, device, search])
  const stage = checkoutStage(view, step)

  const offered = view.instruments.find((instrument) => instrument.rail === selection.rail && instrument.available)
  const next = offered ? chosenStep(offered.rail, setsUpMandate(view, selection), view.attempt?.id ?? null, upiChannel) : null
  const onContinue = next && (() => setStep(next))

  if (stage.name === 'choose') {
    return (
      <>
        <ReadyScreen view={view} selection={selection} onSelectionChange={setSelection} upiChannel={upiChannel} onContinue={onContinue} />
        <CancelControl view={view} control={control} />
      </>
    )
  }
  return (
    <Suspense fallback={<Skeleton className="h-64 w-full" />}>
      {stage.name === 'rail' && <RailStage key={stepKey(stage)} view={view} step={stage} control={control} onStep={setStep} />}
      {stage.name === 'failed' && (
        <FailureStep
          view={view}
          attempt={stage.attempt}
          onRetry={() => setStep(stepFor(stage.attempt, stage.attempt.id))}
          onOtherWay={() => setStep({ name: 'choose', dismissed: stage.attempt.id })}
        />
      )}
      {stage.name === 'failed' && <CancelControl view={view} control={control} />}
    </Suspense>
  )
}
