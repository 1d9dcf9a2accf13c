import type { ComponentProps } from 'react'
import { useHydrated } from '../../lib/use-hydrated'

/**
 * The page's primary action button: large tap target, visible focus, dimmed while disabled. On a
 * server-rendered screen it stays disabled until the page has hydrated and can act on it.
 */
export function Button({ className = '', type = 'button', disabled, ...props }: ComponentProps<'button'>) {
  const hydrated = useHydrated()
  return (
    <button
      type={type}
      disabled={!hydrated || disabled}
      className={`inline-flex min-h-12 items-center justify-center rounded-xl bg-slate-900 px-6 text-base font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-500 ${className}`}
      {...props}
    />
  )
}
