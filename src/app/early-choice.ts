import type { Instrument } from '../../contract/instrument'
import type { InstrumentSelection } from '../features/instruments/components/instrument-picker'
import { useHydrated } from '../lib/use-hydrated'

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

/** The option chosen before hydration, from the render after it (hydration draws what the server drew); null when there is none. */
export function useEarlyChoice(instruments: readonly Instrument[]): InstrumentSelection | null {
  const hydrated = useHydrated()
  if (!hydrated || !early) return null
  const { rail, optIn } = early
  const offered = instruments.find((instrument) => instrument.rail === rail && instrument.available)
  return offered ? { rail: offered.rail, optIn } : null
}
