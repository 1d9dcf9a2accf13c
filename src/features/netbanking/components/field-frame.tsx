import type { ReactNode } from 'react'

interface FieldFrameProps {
  id: string
  label: string
  hint?: string | null
  /** The field's error message element, when it has one. */
  error: ReactNode
  children: ReactNode
}

/** Label, hint, control and error of one form field, stacked; the hint's id is `${id}-hint`. */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-base font-semibold text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children}
      {error}
    </div>
  )
}

/** `aria-describedby` for a field framed above: its hint and its error, whichever it has. */
export const describedBy = (id: string, hint: boolean, errorId: string | null): string | undefined =>
  [hint ? `${id}-hint` : null, errorId].filter(Boolean).join(' ') || undefined

export const INPUT_CLASS = 'min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-base text-slate-900'
