import * as z from 'zod/mini'
import { BRAND_COLOR_PATTERN, THEMES } from './values'

export { BRAND_COLOR_PATTERN, THEMES }

/** How the page looks: light, dark or following the device, and the merchant's brand colour. */
export const Theme = z.enum(THEMES)
export type Theme = z.infer<typeof Theme>

export const Appearance = z.object({
  theme: z.optional(Theme),
  /** A brand colour `#rrggbb`; the page keeps text on it at WCAG AA contrast whatever it is. */
  brandColor: z.optional(z.string().check(z.regex(BRAND_COLOR_PATTERN))),
  /** A logo on the framing page's own origin (the only other origin the framed page loads images from). */
  logoUrl: z.optional(z.string().check(z.maxLength(500), z.regex(/^https?:\/\/\S+$/))),
})
export type Appearance = z.infer<typeof Appearance>
