import type { ReactNode } from 'react'

/** One label/value pair of a summary list. */
export function SummaryRow({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-t border-slate-200 px-4 py-3 first:border-t-0">
      <dt className="text-slate-700">{label}</dt>
      <dd className="text-end font-medium text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  )
}
