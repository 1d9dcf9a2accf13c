import type { Money } from '../../contract/money'
import type { Locale } from '../../contract/session'
import { leftToRight } from './direction'

/*
 * Customers pay in India; every date is shown in India Standard Time with the zone named. Money in
 * rupees and dates in IST are written out here rather than through Intl: the first
 * Intl.NumberFormat or Intl.DateTimeFormat a page creates loads ICU data, 170–250 ms at 4× CPU
 * before the first payment option shows (README, Performance). Both are fixed formats: IST is
 * UTC+05:30 with no daylight saving, and the month names are CLDR's for en-IN and hi-IN.
 */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

const MONTHS_SHORT: Record<Locale, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  hi: ['जन॰', 'फ़र॰', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुल॰', 'अग॰', 'सित॰', 'अक्टू॰', 'नव॰', 'दिस॰'],
  ur: ['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر'],
  bn: ['জানু', 'ফেব', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেঃ', 'অক্টোঃ', 'নভেঃ', 'ডিসেঃ'],
  mr: ['जाने', 'फेब्रु', 'मार्च', 'एप्रि', 'मे', 'जून', 'जुलै', 'ऑग', 'सप्टें', 'ऑक्टो', 'नोव्हें', 'डिसें'],
  ta: ['ஜன.', 'பிப்.', 'மார்.', 'ஏப்.', 'மே', 'ஜூன்', 'ஜூலை', 'ஆக.', 'செப்.', 'அக்.', 'நவ.', 'டிச.'],
  te: ['జన', 'ఫిబ్ర', 'మార్చి', 'ఏప్రి', 'మే', 'జూన్', 'జులై', 'ఆగ', 'సెప్టెం', 'అక్టో', 'నవం', 'డిసెం'],
  gu: ['જાન્યુ', 'ફેબ્રુ', 'માર્ચ', 'એપ્રિલ', 'મે', 'જૂન', 'જુલાઈ', 'ઑગસ્ટ', 'સપ્ટે', 'ઑક્ટો', 'નવે', 'ડિસે'],
  kn: ['ಜನ', 'ಫೆಬ್ರ', 'ಮಾರ್ಚ್', 'ಏಪ್ರಿ', 'ಮೇ', 'ಜೂನ್', 'ಜುಲೈ', 'ಆಗ', 'ಸೆಪ್ಟೆಂ', 'ಅಕ್ಟೋ', 'ನವೆಂ', 'ಡಿಸೆಂ'],
  ml: ['ജനു', 'ഫെബ്രു', 'മാർ', 'ഏപ്രി', 'മേയ്', 'ജൂൺ', 'ജൂലൈ', 'ഓഗ', 'സെപ്റ്റം', 'ഒക്ടോ', 'നവം', 'ഡിസം'],
  or: ['ଜାନୁଆରୀ', 'ଫେବୃଆରୀ', 'ମାର୍ଚ୍ଚ', 'ଅପ୍ରେଲ', 'ମଇ', 'ଜୁନ', 'ଜୁଲାଇ', 'ଅଗଷ୍ଟ', 'ସେପ୍ଟେମ୍ବର', 'ଅକ୍ଟୋବର', 'ନଭେମ୍ବର', 'ଡିସେମ୍ବର'],
  pa: ['ਜਨ', 'ਫ਼ਰ', 'ਮਾਰਚ', 'ਅਪ੍ਰੈ', 'ਮਈ', 'ਜੂਨ', 'ਜੁਲਾ', 'ਅਗ', 'ਸਤੰ', 'ਅਕਤੂ', 'ਨਵੰ', 'ਦਸੰ'],
}
const MONTHS_LONG: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  hi: ['जनवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'],
  ur: ['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر'],
  bn: ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'],
  mr: ['जानेवारी', 'फेब्रुवारी', 'मार्च', 'एप्रिल', 'मे', 'जून', 'जुलै', 'ऑगस्ट', 'सप्टेंबर', 'ऑक्टोबर', 'नोव्हेंबर', 'डिसेंबर'],
  ta: ['ஜனவரி', 'பிப்ரவரி', 'மார்ச்', 'ஏப்ரல்', 'மே', 'ஜூன்', 'ஜூலை', 'ஆகஸ்ட்', 'செப்டம்பர்', 'அக்டோபர்', 'நவம்பர்', 'டிசம்பர்'],
  te: ['జనవరి', 'ఫిబ్రవరి', 'మార్చి', 'ఏప్రిల్', 'మే', 'జూన్', 'జులై', 'ఆగస్టు', 'సెప్టెంబర్', 'అక్టోబర్', 'నవంబర్', 'డిసెంబర్'],
  gu: ['જાન્યુઆરી', 'ફેબ્રુઆરી', 'માર્ચ', 'એપ્રિલ', 'મે', 'જૂન', 'જુલાઈ', 'ઑગસ્ટ', 'સપ્ટેમ્બર', 'ઑક્ટોબર', 'નવેમ્બર', 'ડિસેમ્બર'],
  kn: ['ಜನವರಿ', 'ಫೆಬ್ರವರಿ', 'ಮಾರ್ಚ್', 'ಏಪ್ರಿಲ್', 'ಮೇ', 'ಜೂನ್', 'ಜುಲೈ', 'ಆಗಸ್ಟ್', 'ಸೆಪ್ಟೆಂಬರ್', 'ಅಕ್ಟೋಬರ್', 'ನವೆಂಬರ್', 'ಡಿಸೆಂಬರ್'],
  ml: ['ജനുവരി', 'ഫെബ്രുവരി', 'മാർച്ച്', 'ഏപ്രിൽ', 'മേയ്', 'ജൂൺ', 'ജൂലൈ', 'ഓഗസ്റ്റ്', 'സെപ്റ്റംബർ', 'ഒക്\u200Cടോബർ', 'നവംബർ', 'ഡിസംബർ'],
  or: ['ଜାନୁଆରୀ', 'ଫେବୃଆରୀ', 'ମାର୍ଚ୍ଚ', 'ଅପ୍ରେଲ', 'ମଇ', 'ଜୁନ', 'ଜୁଲାଇ', 'ଅଗଷ୍ଟ', 'ସେପ୍ଟେମ୍ବର', 'ଅକ୍ଟୋବର', 'ନଭେମ୍ବର', 'ଡିସେମ୍ବର'],
  pa: ['ਜਨਵਰੀ', 'ਫ਼ਰਵਰੀ', 'ਮਾਰਚ', 'ਅਪ੍ਰੈਲ', 'ਮਈ', 'ਜੂਨ', 'ਜੁਲਾਈ', 'ਅਗਸਤ', 'ਸਤੰਬਰ', 'ਅਕਤੂਬਰ', 'ਨਵੰਬਰ', 'ਦਸੰਬਰ'],
}

const BCP47: Readonly<Record<Locale, string>> = { en: 'en-IN', hi: 'hi-IN', ur: 'ur-IN', bn: 'bn-IN', mr: 'mr-IN', ta: 'ta-IN', te: 'te-IN', gu: 'gu-IN', kn: 'kn-IN', ml: 'ml-IN', or: 'or-IN', pa: 'pa-IN' }
/** The language as spoken in India (`ta-IN`), for the few Intl formats the page uses. */
export const languageTag = (locale: Locale): string => BCP47[locale]

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** 1,00,000: the last three digits, then groups of two (the Indian system). */
function indianGrouping(whole: number): string {
  const digits = String(whole)
  if (digits.length <= 3) return digits
  const head = digits.slice(0, -3)
  return `${head.replace(/\B(?=(\d{2})+$)/g, ',')},${digits.slice(-3)}`
}

/**
 * ₹1,00,000.00 — Indian digit grouping, always two decimals, Latin digits in every language
 * (docs/i18n.md#numbers). The one place money becomes text; isolated left to right inside a
 * right-to-left sentence.
 */
export function formatMoney(money: Money, locale: Locale): string {
  return leftToRight(moneyText(money, locale), locale)
}

function moneyText(money: Money, locale: Locale): string {
  if (money.currency === 'INR') {
    return `₹${indianGrouping(Math.floor(money.minor / 100))}.${String(money.minor % 100).padStart(2, '0')}`
  }
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

/** The wall clock in India at `iso`, read through the UTC getters. */
const inIndia = (iso: string): Date => new Date(Date.parse(iso) + IST_OFFSET_MS)

/** 1 Dec 2026 (date only, in IST). */
export function formatDate(iso: string, locale: Locale): string {
  const d = inIndia(iso)
  return `${d.getUTCDate()} ${MONTHS_SHORT[locale][d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`
}

/** 25 Nov 2026, 11:30 pm IST (date and time with the zone named). */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = inIndia(iso)
  const hours = d.getUTCHours()
  const minutes = String(d.getUTCMinutes()).padStart(2, '0')
  return `${formatDate(iso, locale)}, ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'am' : 'pm'} IST`
}

/** December (the month's name only, in IST): for "once a year in December". */
export function formatMonthName(iso: string, locale: Locale): string {
  return MONTHS_LONG[locale][inIndia(iso).getUTCMonth()] ?? ''
}

/** Year, month (0–11) and day of a calendar date `YYYY-MM-DD`, read as written: it is already India's date. */
function calendarDate(date: string): { year: number; month: number; day: number } {
  const [year = '', month = '', day = ''] = date.split('-')
  return { year: Number(year), month: Number(month) - 1, day: Number(day) }
}

/** 15 Dec 2026, for a date already in India (`YYYY-MM-DD`, as a price schedule gives it): no time-zone shift. */
export function formatCalendarDate(date: string, locale: Locale): string {
  const { year, month, day } = calendarDate(date)
  return `${day} ${MONTHS_SHORT[locale][month] ?? ''} ${year}`
}

/** December, for a date already in India (`YYYY-MM-DD`): for "every year in December". */
export function formatCalendarMonth(date: string, locale: Locale): string {
  return MONTHS_LONG[locale][calendarDate(date).month] ?? ''
}
