import type { BootPayload } from '../../contract/boot'
import { checkoutStage, initialStep } from './checkout-step'
import { preloadDisclosure, preloadPlanChange } from './lazy-disclosure'
import { preloadClosedScreens, preloadFinalSteps } from './lazy-parts'

/**
 * A lazily loaded part of the first screen: its source path, as the client build's manifest names
 * it (the server preloads its chunk with the entry), and its loader (the page waits for it before
 * its first render or hydration, so the part shows with the rest instead of after it).
 */
interface Part {
  module: string
  load: () => Promise<unknown>
}

const DISCLOSURE: Part = { module: 'src/features/mandate-disclosure/components/mandate-disclosure.tsx', load: preloadDisclosure }
const PLAN_CHANGE: Part = { module: 'src/features/plan-change/components/plan-change-section.tsx', load: preloadPlanChange }
const CLOSED_SCREENS: Part = { module: 'src/features/session/components/closed-screens.ts', load: preloadClosedScreens }
const FINAL_STEPS: Part = { module: 'src/app/final-steps.tsx', load: preloadFinalSteps }

/**
 * Whether the server renders this boot's first screen: every state a link opens on (the choice,
 * expired, cancelled, completed, a link error), but not a rail's step or a failed attempt, which a
 * reload mid-payment opens on: those start their own effects (a stream, a countdown) and load
 * with the rail, in the browser.
 */
export function serverRenders(boot: BootPayload): boolean {
  return boot.kind === 'error' || boot.view.state !== 'open' || checkoutStage(boot.view, initialStep(boot.view)).name === 'choose'
}

/** The lazy parts the first screen of this boot shows. */
export function firstScreenParts(boot: BootPayload | null): Part[] {
  if (!boot) return []
  if (boot.kind === 'error') return [CLOSED_SCREENS]
  const view = boot.view
  const disclosure = view.mandate || view.schedule ? [DISCLOSURE] : []
  switch (view.state) {
    case 'open':
      return [...disclosure, ...(view.planChange ? [PLAN_CHANGE] : [])]
    case 'expired':
    case 'cancelled':
      return [CLOSED_SCREENS]
    case 'completed':
      return [FINAL_STEPS, ...disclosure]
  }
}
