import type { ReactNode } from 'react'
import { ScreenHeading } from './screen-heading'

/** A screen that is a heading, a few words and maybe an action: the shape of every non-ready state. */
export function MessagePanel({
  screen,
  heading,
  tone = 'neutral',
  children,
}: {
  screen: string
  heading: string
  tone?: 'neutral' | 'warning' | 'error'
  children?: ReactNode
}) {
  const accent = { neutral: 'border-slate-300', warning: 'border-amber-500', error: 'border-red-600' }[tone]
  return (
    <section aria-labelledby={`${screen}-heading`} className={`flex flex-col gap-4 border-s-4 ps-4 ${accent}`}>
      <ScreenHeading screen={screen} id={`${screen}-heading`}>
        {heading}
      </ScreenHeading>
      <div className="flex flex-col gap-4 text-base leading-relaxed text-slate-700">{children}</div>
    </section>
  )
}
