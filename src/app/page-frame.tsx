import { useCallback, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { Theme } from '../../contract/appearance'
import { readableTextOn } from '../lib/contrast'
import { embedContext } from '../lib/embedding'
import { hostAppearance } from '../lib/page-signals'
import { PageHeader } from '../components/ui/page-header'
import { StatusRegion } from '../components/ui/status-region'
import { AnnounceContext } from '../components/ui/announcer'
import { useI18n } from '../i18n/i18n-context'
import { LanguageSwitcher } from './language-switcher'
import { useDocumentTheme } from './use-document-theme'

/** Neutral colours for screens with no merchant (link errors, the unexpected). */
const NEUTRAL_BRAND = '#0f172a'

/** The frame's colours: the brand colour (the merchant's, a host's, or neutral) and the text readable on it. */
export function frameColours(brandColor: string | null): { '--brand': string; '--brand-fg': string } {
  const brand = brandColor ?? NEUTRAL_BRAND
  return { '--brand': brand, '--brand-fg': readableTextOn(brand) }
}

export interface FrameMerchant {
  name: string
  brandColor: string
  logoUrl: string | null
  theme?: Theme
}

/**
 * The page around every screen: one centred card on wide screens, full width on phones, the
 * merchant's band with the language switcher, and the polite live region for status changes.
 * Steps may announce through it; an announcement lasts until the screen's own status changes.
 * Colours and theme are the merchant's unless a framing host asked for others; in a frame the
 * page is only as tall as its content, so the host can size the frame to it.
 */
export function PageFrame({ merchant, status, children }: { merchant: FrameMerchant | null; status: string; children: ReactNode }) {
  const { t } = useI18n()
  const host = useSyncExternalStore(hostAppearance.subscribe, hostAppearance.get, hostAppearance.get)
  useDocumentTheme(host.theme ?? merchant?.theme ?? 'light')
  const frame = useRef<HTMLDivElement>(null)
  const brand = host.brandColor ?? merchant?.brandColor ?? null
  // Set through the CSSOM, which the page's CSP allows, before the browser paints. Not a style
  // attribute: the CSP would block it in server-rendered markup (the server inlines the same
  // colours as a style sheet it allows by hash, see server-render.tsx).
  useLayoutEffect(() => {
    for (const [name, value] of Object.entries(frameColours(brand))) frame.current?.style.setProperty(name, value)
  }, [brand])
  const [announced, setAnnounced] = useState<{ over: string; message: string } | null>(null)
  const announce = useCallback((message: string) => setAnnounced({ over: status, message }), [status])
  const title = merchant ? <bdi dir="auto">{merchant.name}</bdi> : t('header.secureCheckout')
  const embedded = embedContext() !== null
  return (
    <div ref={frame} className={embedded ? 'bg-white' : 'min-h-dvh bg-white sm:bg-slate-100 sm:px-4 sm:py-10'}>
      <div className="mx-auto w-full max-w-lg overflow-hidden bg-white sm:rounded-2xl sm:border sm:border-slate-200">
        <PageHeader title={title} logoUrl={host.logoUrl ?? merchant?.logoUrl ?? null} actions={<LanguageSwitcher />} />
        {/* In a frame, the host page has a main landmark of its own: this one is named, so each stays distinct. */}
        <main aria-label={embedded ? t('header.secureCheckout') : undefined} className="flex flex-col gap-6 px-5 py-6 sm:px-8 sm:py-8">
          <StatusRegion message={announced?.over === status ? announced.message : status} />
          <AnnounceContext value={announce}>{children}</AnnounceContext>
        </main>
      </div>
    </div>
  )
}
