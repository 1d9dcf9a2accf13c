/** The checkbox that turns a plain payment into one that also sets up a mandate (create_mandate=OPTIONAL). */
export function MandateOptIn({
  id,
  label,
  checked,
  onChange,
}: {
  id: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <div className="mt-2 flex items-center gap-3 rounded-lg bg-slate-50 px-3">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-5 shrink-0 accent-(--brand)"
      />
      <label htmlFor={id} className="flex min-h-11 flex-1 cursor-pointer items-center text-base text-slate-900">
        {label}
      </label>
    </div>
  )
}
