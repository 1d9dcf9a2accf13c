/**
 * Values of the contract that need no schema. They live apart from the zod schemas so that the
 * page can import them without bringing zod and every schema into its first load (a module of
 * schemas runs its zod calls when it is imported at all). The schema modules re-export them.
 */
export const LOCALES = ['en', 'hi', 'ur', 'bn', 'mr', 'ta', 'te', 'gu', 'kn', 'ml', 'or', 'pa'] as const

/** Each language's name in its own script, as the page's switcher and the simulators' list them (the same whatever the language shown). */
export const LANGUAGE_NAMES: Readonly<Record<(typeof LOCALES)[number], string>> = {
  en: 'English',
  hi: 'हिन्दी',
  ur: 'اردو',
  bn: 'বাংলা',
  mr: 'मराठी',
  ta: 'தமிழ்',
  te: 'తెలుగు',
  gu: 'ગુજરાતી',
  kn: 'ಕನ್ನಡ',
  ml: 'മലയാളം',
  or: 'ଓଡ଼ିଆ',
  pa: 'ਪੰਜਾਬੀ',
}

/** The languages written right to left: the server writes `<html dir>` from it, and the page keeps it as the language changes. */
export const RIGHT_TO_LEFT_LOCALES: readonly string[] = ['ur']

/** The text direction of a language, for `<html dir>`. */
export const textDirection = (locale: string): 'ltr' | 'rtl' => (RIGHT_TO_LEFT_LOCALES.includes(locale) ? 'rtl' : 'ltr')

/** Order ids the page may open: `ordeh_` + 32 lowercase hex. */
export const PAGE_ID_PATTERN = /^ordeh_[0-9a-f]{32}$/

/** Checkout-session client secrets: `cs_<24 alnum>_secret_<32 alnum>`. */
export const CLIENT_SECRET_PATTERN = /^cs_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{32}$/

/** Id of the JSON script element holding the boot payload. */
export const BOOT_ELEMENT_ID = 'boot-data'

/** Rupees in paise, as the contract's Money. */
export const inr = (minor: number): { minor: number; currency: 'INR' } => ({ minor, currency: 'INR' })

/** The page's themes: light, dark, or following the device. */
export const THEMES = ['light', 'dark', 'auto'] as const

export const BRAND_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/

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

/** Id of the JSON script element holding the embedding the server accepted (contract/boot.ts). */
export const EMBED_BOOT_ELEMENT_ID = 'embed-data'

/** A serialised http(s) origin, as the embed boot names the host. */
export const HOST_ORIGIN_PATTERN = /^https?:\/\/[^/?#\s]+$/

/** The query parameter a simulated UPI app or bank page reads its language from (the customer's pick on the page). */
export const SIMULATOR_LANGUAGE_PARAM = 'lang'
