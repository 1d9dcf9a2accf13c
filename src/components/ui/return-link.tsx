import type { ReactNode } from 'react'

/** A plain link back to the merchant (its signed return URL): no automatic redirect, the customer decides. */
export function ReturnLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="inline-flex min-h-11 items-center text-base font-semibold text-slate-900 underline">
      <span>{children}</span>
    </a>
  )
}
