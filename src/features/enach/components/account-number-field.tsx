import { useState, type ChangeEvent, type Ref } from 'react'
import { maskAccountNumber } from '../enach-rules'

interface AccountNumberFieldProps {
  id: string
  label: string
  /** Shown under the label, when there is one. */
  hint: string | null
  errorId: string | null
  value: string
  onChange: (value: string) => void
  onBlur: () => void
  inputRef: Ref<HTMLInputElement>
}

/**
 * An account number box that shows the number only while it is being typed: once focus leaves,
 * all but the last four characters read as dots. The number lives in the form's memory only.
 */
export function AccountNumberField({ id, label, hint, errorId, value, onChange, onBlur, inputRef }: AccountNumberFieldProps) {
  const [editing, setEditing] = useState(false)
  const hintId = hint ? `${id}-hint` : null
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
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
      <input
        ref={inputRef}
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        value={editing ? value : maskAccountNumber(value)}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false)
          onBlur()
        }}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        className="min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 font-mono text-base tracking-wider text-slate-900"
      />
    </div>
  )
}
