import { useEffect, useRef, type ReactNode } from 'react'
import { shownScreen } from '../../lib/page-signals'

/** The screen last shown, so the first screen keeps the browser's focus and every later change moves it. */
let lastScreen: string | null = null

/**
 * The h1 of a screen. When the screen changes (loading → ready, ready → expired …) focus moves to
 * the new heading, so keyboard and screen-reader users start from the top of what changed.
 */
export function ScreenHeading({ screen, id, children }: { screen: string; id?: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (lastScreen !== null && lastScreen !== screen) ref.current?.focus()
    lastScreen = screen
    shownScreen.set(screen)
  }, [screen])
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="text-xl font-semibold text-slate-900 outline-none sm:text-2xl">
      {children}
    </h1>
  )
}
