/**
 * A choice made before hydration. The server-rendered options are real radio inputs, which the
 * browser changes by itself before any script runs; hydration takes over the markup as the server
 * drew it. So the choice in the document is read just before hydrating, and the open session
 * applies it right after (open-session.tsx): a tap that landed early is kept, not lost.
 */
interface EarlyChoice {
  rail: string
  optIn: boolean
}

let early: EarlyChoice | null = null

/** Reads the option (and its mandate opt-in) the customer left checked in the server-rendered markup. */
export function readEarlyChoice(root: HTMLElement): void {
  // The names and ids the instrument picker gives its inputs (features/instruments/components/instrument-option.tsx).
  const chosen = root.querySelector<HTMLInputElement>('input[name="instrument"]:checked')
  if (!chosen) return
  const optIn = root.querySelector<HTMLInputElement>(`input[id="instrument-${chosen.value}-opt-in"]`)?.checked ?? false
  early = { rail: chosen.value, optIn }
}

/** The early choice, once: later mounts of the choice start from their own state. */
export function takeEarlyChoice(): EarlyChoice | null {
  const choice = early
  early = null
  return choice
}
