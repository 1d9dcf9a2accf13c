import * as z from 'zod/mini'

/**
 * How the page looks: light, dark or following the device, and the merchant's brand colour.
 * Kept apart from the embed messages so the page's first load carries only this much of them.
 */
export const THEMES = ['light', 'dark', 'auto'] as const
export const Theme = z.enum(THEMES)
export type Theme = z.infer<typeof Theme>

export const BRAND_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/

export const Appearance = z.object({
  theme: z.optional(Theme),
  /** A brand colour `#rrggbb`; the page keeps text on it at WCAG AA contrast whatever it is. */
  brandColor: z.optional(z.string().check(z.regex(BRAND_COLOR_PATTERN))),
  /** A logo on the framing page's own origin (the only other origin the framed page loads images from). */
  logoUrl: z.optional(z.string().check(z.maxLength(500), z.regex(/^https?:\/\/\S+$/))),
})

/** The host's logo URL when it is on the host's own origin; null for anything else. */
export function hostLogo(url: string | undefined | null, hostOrigin: string): string | null {
  if (!url || url.length > 500) return null
  try {
    const parsed = new URL(url)
    return parsed.origin === hostOrigin ? parsed.href : null
  } catch {
    return null
  }
}
export type Appearance = z.infer<typeof Appearance>
