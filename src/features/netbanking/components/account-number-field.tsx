import { useState, type ReactNode, type Ref } from 'react'
import { maskAccountNumber } from '../enach-rules'
import { describedBy, FieldFrame, INPUT_CLASS } from './field-frame'

interface AccountNumberFieldProps {
  id: string
  label: string
  hint: string | null
  error: ReactNode
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
export function AccountNumberField({ id, label, hint, error, errorId, value, onChange, onBlur, inputRef }: AccountNumberFieldProps) {
  const [editing, setEditing] = useState(false)
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        ref={inputRef}
        id={id}
        dir="ltr"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(id, hint !== null, errorId)}
        value={editing ? value : maskAccountNumber(value)}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false)
          onBlur()
        }}
        onChange={(event) => onChange(event.target.value)}
        className={`${INPUT_CLASS} font-mono tracking-wider`}
      />
    </FieldFrame>
  )
}
