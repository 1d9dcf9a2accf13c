import type { ReactNode } from 'react'

interface DemoFieldProps {
  id: string
  label: string
  error: string | undefined
  hint?: string
  children: (describedBy: string | undefined) => ReactNode
}

/** Label, control, hint and error wired together for assistive technology. */
export function DemoField({ id, label, error, hint, children }: DemoFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children(describedBy)}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
