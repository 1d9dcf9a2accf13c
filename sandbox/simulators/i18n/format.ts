import type { Locale } from '../../../contract/session'

/**
 * Money and dates for the simulated app and bank: rupees with Indian grouping and Latin digits in
 * every language (docs/i18n.md#numbers), dates and times in India Standard Time with the
 * language's month names (CLDR, through Intl: the server has no first-load budget to keep).
 */

const INR = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', numberingSystem: 'latn' })

const dates = new Map<Locale, Intl.DateTimeFormat>()
const times = new Map<Locale, Intl.DateTimeFormat>()

function cached(cache: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(`${locale}-IN`, { ...options, timeZone: 'Asia/Kolkata', numberingSystem: 'latn' })
    cache.set(locale, format)
  }
  return format
}

/** ₹1,00,000.00 from 1_00_000_00 paise, in every language. */
export const formatInr = (minor: number): string => INR.format(minor / 100)

/** 1 Dec 2026 (Hindi 1 दिस॰ 2026), the calendar date in India. */
export const formatIstDate = (iso: string, locale: Locale): string =>
  cached(dates, locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso))

/** 3:35 pm, the time of day in India. */
export const formatIstTime = (iso: string, locale: Locale): string =>
  cached(times, locale, { hour: 'numeric', minute: '2-digit', hour12: true }).format(new Date(iso))
