import type { Money } from '../../contract/money'
import type { Locale } from '../../contract/session'

/** Customers pay in India; every date is shown in India Standard Time with the zone named. */
export const DISPLAY_TIME_ZONE = 'Asia/Kolkata'

const BCP47: Record<Locale, string> = { en: 'en-IN', hi: 'hi-IN' }

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** ₹1,00,000.00 — Indian digit grouping, always two decimals. The one place money becomes text. */
export function formatMoney(money: Money, locale: Locale): string {
  const key = `${locale}:${money.currency}`
  let nf = moneyFormats.get(key)
  if (!nf) {
    nf = new Intl.NumberFormat(BCP47[locale], {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    })
    moneyFormats.set(key, nf)
  }
  return nf.format(money.minor / 100)
}

/** 1 Dec 2026 (date only, in IST). */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(iso))
}

/** 25 Nov 2026, 11:30 pm IST (date and time with the zone named). */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: DISPLAY_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(iso))
}

/** December (the month's name only, in IST): for "once a year in December". */
export function formatMonthName(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], { month: 'long', timeZone: DISPLAY_TIME_ZONE }).format(new Date(iso))
}
