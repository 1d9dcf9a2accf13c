/** Indian formatting of money and dates for the simulated app (IST, en-IN digit grouping). */

const INR = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' })

const DATE = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Kolkata' })

const TIME = new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Asia/Kolkata' })

/** ₹1,00,000.00 from 1_00_000_00 paise. */
export const formatInr = (minor: number): string => INR.format(minor / 100)

/** 1 Dec 2026, the calendar date in India. */
export const formatIstDate = (iso: string): string => DATE.format(new Date(iso))

/** 3:35 pm, the time of day in India. */
export const formatIstTime = (iso: string): string => TIME.format(new Date(iso))
