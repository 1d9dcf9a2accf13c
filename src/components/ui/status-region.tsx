/** A polite live region, present from the first render so changes to its text are announced. */
export function StatusRegion({ message }: { message: string }) {
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {message}
    </p>
  )
}
