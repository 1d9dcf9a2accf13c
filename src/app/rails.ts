import type { ComponentType } from 'react'
import type { Rail } from '../../contract/rail'
import { preloadable } from '../lib/preloadable'
import { retryableLazy } from '../lib/retryable-lazy'
import { preloadEndScreens } from './lazy-parts'
import type { RailStepProps, RailUiProps } from './rail-props'

/** A rail's step as the open session renders it: the shell's part and the rail's own screens, each loaded on demand. */
export interface RailScreens<R extends Rail> {
  /** The shell's part (rail-step.tsx), the same for every rail; it starts fetching the rail's screens alongside itself. */
  Step: ComponentType<RailStepProps<R>>
  /** The rail's own screens, from its feature folder. */
  Ui: ComponentType<RailUiProps<R>>
}

function railScreens<R extends Rail>(load: () => Promise<ComponentType<RailUiProps<R>>>): RailScreens<R> {
  const ui = preloadable(load)
  return {
    Step: retryableLazy(
      async () => {
        void preloadEndScreens()
        const [module] = await Promise.all([import('./rail-step'), ui.preload()])
        return module
      },
      (module) => module.RailStep<R>,
    ),
    Ui: retryableLazy(ui.load, (component) => component),
  }
}

/**
 * The page's one table of rails (contract/rail.ts names them): each rail's screens, loaded when its
 * step starts, so the first load carries none of them. A new rail is an entry here and its feature
 * folder; the compiler then points at every other place that must handle it.
 */
export const RAIL_SCREENS: { readonly [R in Rail]: RailScreens<R> } = {
  upi: railScreens(() => import('../features/upi/components/upi-rail').then((m) => m.UpiRail)),
  netbanking: railScreens(() => import('../features/netbanking/components/netbanking-rail').then((m) => m.NetbankingRail)),
}
