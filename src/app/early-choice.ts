import { useSyncExternalStore } from 'react'
import type { Instrument } from '../../contract/instrument'
import type { InstrumentSelection } from '../features/instruments/components/instrument-picker'

/**
 * A choice made before hydration. The server-rendered options are real radio inputs, which the
 * browser changes by itself before any script runs; hydration takes over the markup as the server
 * drew it. So the choice in the document is read just before hydrating, and the choice starts from
 * it once hydration is over: a tap that landed early is kept, not lost.
 */
let early: { rail: string; optIn: boolean } | null = null

/** Reads the option (and its mandate opt-in) the customer left checked in the server-rendered markup. */
export function readEarlyChoice(root: HTMLElement): void {
  // The names and ids the instrument picker gives its inputs (features/instruments/components/instrument-option.tsx).
  const chosen = root.querySelector<HTMLInputElement>('input[name="instrument"]:checked')
  if (!chosen) return
  const optIn = root.querySelector<HTMLInputElement>(`input[id="instrument-${chosen.value}-opt-in"]`)?.checked ?? false
  early = { rail: chosen.value, optIn }
}

const neverChanges = () => () => undefined

/**
 * The option chosen before hydration, from the render after it (hydration draws what the server
 * drew, so it starts from none); null when there is none. Without one, hydration re-renders nothing.
 */
export function useEarlyChoice(instruments: readonly Instrument[]): InstrumentSelection | null {
  const choice = useSyncExternalStore(
    neverChanges,
    () => early,
    () => null,
  )
  const offered = choice && instruments.find((instrument) => instrument.rail === choice.rail && instrument.available)
  return choice && offered ? { rail: offered.rail, optIn: choice.optIn } : null
}
