import type { ButtonHTMLAttributes } from 'react'

/** The page's primary action button: large tap target, visible focus, dimmed while disabled. */
export function Button({ className = '', type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-12 items-center justify-center rounded-xl bg-slate-900 px-6 text-base font-semibold text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-500 ${className}`}
      {...props}
    />
  )
}
