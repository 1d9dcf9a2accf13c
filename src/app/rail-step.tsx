import { Suspense, useMemo } from 'react'
import type { Rail } from '../../contract/rail'
import { useAttemptControls } from '../features/attempt/use-attempt-controls'
import { embeddedHost } from '../features/embed/embedded-host'
import { BANK_WINDOW, navigateTo, openWindow } from '../lib/navigation'
import { MandateDisclosure } from './lazy-disclosure'
import type { RailStepProps } from './rail-props'
import { useStepLiveSession } from './use-step-live-session'

/** A framed checkout opens the provider's page in a window of its own (a bank never lets itself be framed). */
const handOff = (url: string) => (embeddedHost() ? void openWindow(url, BANK_WINDOW) : navigateTo(url))

/**
 * The step of any rail: what the shell gives every rail (the live session while the customer is on
 * the step, the shared attempt API, the ways back and on, the hand-off to the provider's page, the
 * mandate's terms), around that rail's own screens. It loads with the rail (rails.ts).
 */
export function RailStep<R extends Rail>({ view, step, control, onStep, ui: Ui }: RailStepProps<R>) {
  useStepLiveSession(view, control)
  const sink = useMemo(() => ({ onView: control.write, onStale: control.refetch }), [control.write, control.refetch])
  const attempts = useAttemptControls<R>(view.pageId, sink)
  const instrument = view.instruments.find((option) => option.rail === step.rail)
  const disclosure = view.mandate && (
    <Suspense fallback={null}>
      <MandateDisclosure
        input={{
          merchantName: view.merchant.name,
          terms: view.mandate,
          chargedToday: view.chargedToday,
          registrationRefunded: view.registrationRefunded,
          instrument: instrument ? { rail: instrument.rail, notices: instrument.notices } : null,
        }}
      />
    </Suspense>
  )
  return (
    <Ui
      view={view}
      step={step}
      attempts={attempts}
      back={(left) => onStep({ name: 'choose', dismissed: left })}
      restart={(fields) => onStep({ ...step, ...fields })}
      handOff={handOff}
      disclosure={disclosure}
    />
  )
}
