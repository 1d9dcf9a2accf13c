import type { ReactNode } from 'react'

/**
 * The coloured band at the top of the card. Colours come from the `--brand` and `--brand-fg`
 * custom properties set by the page, so a merchant's colour never needs an inline stylesheet.
 */
export function PageHeader({ title, logoUrl, actions }: { title: ReactNode; logoUrl: string | null; actions: ReactNode }) {
  return (
    <header className="flex items-center gap-3 bg-(--brand) px-5 py-4 text-(--brand-fg)">
      {logoUrl && <img src={logoUrl} alt="" className="size-10 shrink-0 rounded-md bg-[#ffffff] object-contain p-0.5" />}
      <div className="min-w-0 flex-1 truncate text-lg font-semibold">{title}</div>
      <div className="shrink-0">{actions}</div>
    </header>
  )
}
