import type { ReactNode } from 'react'
import { embedContext, returnMode } from '../../lib/embedding'

/**
 * A plain link back to the merchant (its signed return URL): no automatic redirect, the customer
 * decides. In a frame it takes the whole window, and only when the merchant asked for that; else
 * there is no link, since the framing page already heard the result.
 */
export function ReturnLink({ href, children }: { href: string; children: ReactNode }) {
  const mode = returnMode(embedContext())
  if (mode === 'none') return null
  return (
    <a href={href} target={mode === 'top' ? '_top' : undefined} className="inline-flex min-h-11 items-center text-base font-semibold text-slate-900 underline">
      <span>{children}</span>
    </a>
  )
}
