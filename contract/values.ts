/**
 * Values of the contract that need no schema. They live apart from the zod schemas so that the
 * page can import them without bringing zod and every schema into its first load (a module of
 * schemas runs its zod calls when it is imported at all). The schema modules re-export them.
 */
export const LOCALES = ['en', 'hi'] as const

/** Order ids the page may open: `ordeh_` + 32 lowercase hex. */
export const PAGE_ID_PATTERN = /^ordeh_[0-9a-f]{32}$/

/** Checkout-session client secrets: `cs_<24 alnum>_secret_<32 alnum>`. */
export const CLIENT_SECRET_PATTERN = /^cs_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{32}$/

/** Id of the JSON script element holding the boot payload. */
export const BOOT_ELEMENT_ID = 'boot-data'

/** Rupees in paise, as the contract's Money. */
export const inr = (minor: number): { minor: number; currency: 'INR' } => ({ minor, currency: 'INR' })
