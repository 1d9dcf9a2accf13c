import { describe, expect, it } from 'vitest'
import { FREQUENCIES, RULE_TYPES, type Frequency, type MandateTerms, type RuleType } from '../../../contract/mandate'
import { inr } from '../../../contract/money'
import type { Locale } from '../../../contract/session'
import { LOCALES } from '../../../contract/values'
import { disclosureCatalogs as catalogs } from '../../i18n/disclosure-catalogs'
import { phraseText } from '../../i18n/phrase'
import { describeMandate, ordinal, type DisclosureInput } from './disclosure'

/** The languages whose exact wording these tables pin; every language is checked for distinct sentences. */
type Worded = 'en' | 'hi'

// 1 Dec 2026 and 30 Nov 2056 in IST.
const terms = (overrides: Partial<MandateTerms> = {}): MandateTerms => ({
  maxAmount: inr(1_000_00),
  amountRule: 'VARIABLE',
  frequency: 'MONTHLY',
  ruleType: 'AFTER',
  ruleValue: 5,
  startDate: '2026-11-30T20:00:00.000Z',
  endDate: '2056-11-29T20:00:00.000Z',
  blockFunds: false,
  revokableByCustomer: true,
  ...overrides,
})

const input = (overrides: Partial<MandateTerms> = {}, rest: Partial<DisclosureInput> = {}): DisclosureInput => ({
  merchantName: 'Acme Fitness',
  terms: terms(overrides),
  chargedToday: inr(100),
  registrationRefunded: true,
  instrument: { rail: 'upi', notices: [] },
  ...rest,
})

const text = (i: DisclosureInput, locale: Locale) => describeMandate(i, locale).map((p) => phraseText(p, catalogs[locale])).join(' ')

describe('the example from docs/product.md#disclosing-the-mandate', () => {
  it('reads as one plain paragraph in English', () => {
    expect(text(input(), 'en')).toBe(
      'You allow Acme Fitness to debit up to ₹1,000.00 each month, on or after the 5th, from 1 Dec 2026 until 30 Nov 2056. ' +
        'Today you pay ₹1.00, refunded after registration. ' +
        'You will be notified at least 24 hours before each debit. ' +
        'You can cancel at any time in your UPI app.',
    )
  })

  it('reads naturally in Hindi', () => {
    const hindi = text(input(), 'hi')
    expect(hindi).toContain('आप Acme Fitness को 1 दिस॰ 2026 से 30 नव॰ 2056 तक, हर महीने 5 तारीख को या उसके बाद, आपके खाते से हर बार अधिकतम ₹1,000.00 काटने की अनुमति देते हैं।')
    expect(hindi).toContain('आज आप ₹1.00 का भुगतान करेंगे, जो रजिस्ट्रेशन के बाद वापस कर दिया जाएगा।')
    expect(hindi).toContain('24 घंटे पहले')
  })
})

describe('every frequency has its own wording', () => {
  const expected: Record<Frequency, Record<Worded, string>> = {
    ONETIME: { en: 'to debit up to ₹1,000.00 once, between 1 Dec 2026 and 30 Nov 2056.', hi: 'के बीच, आपके खाते से एक बार अधिकतम ₹1,000.00 काटने' },
    DAILY: { en: 'up to ₹1,000.00 every day, from 1 Dec 2026', hi: 'तक, हर दिन, आपके खाते से' },
    WEEKLY: { en: 'every week, on or after Friday, from', hi: 'हर सप्ताह शुक्रवार को या उसके बाद' },
    FORTNIGHTLY: { en: 'twice a month, on or after the 5th and the 20th, from', hi: 'महीने में दो बार 5 और 20 तारीख को या उसके बाद' },
    MONTHLY: { en: 'each month, on or after the 5th, from', hi: 'हर महीने 5 तारीख को या उसके बाद' },
    BIMONTHLY: { en: 'every 2 months, on or after the 5th, from', hi: 'हर 2 महीने में 5 तारीख को या उसके बाद' },
    QUARTERLY: { en: 'every 3 months (quarterly), on or after the 5th', hi: 'हर 3 महीने में (तिमाही) 5 तारीख को या उसके बाद' },
    HALFYEARLY: { en: 'every 6 months (half-yearly), on or after the 5th', hi: 'हर 6 महीने में (छमाही) 5 तारीख को या उसके बाद' },
    YEARLY: { en: 'once a year in December, on or after the 5th, from', hi: 'साल में एक बार, दिसंबर में 5 तारीख को या उसके बाद' },
    ASPRESENTED: { en: 'up to ₹1,000.00 whenever a payment falls due, with no fixed schedule, from', hi: 'जब भी भुगतान देय हो, बिना किसी तय समय-सारणी के' },
  }
  const cases = FREQUENCIES.flatMap((frequency) => (['en', 'hi'] as const).map((locale) => [frequency, locale] as const))

  it.each(cases)('%s in %s', (frequency, locale) => {
    expect(text(input({ frequency }), locale)).toContain(expected[frequency][locale])
  })

  it('gives ten different first sentences in each language', () => {
    for (const locale of LOCALES) {
      const firsts = FREQUENCIES.map((frequency) => {
        const [first] = describeMandate(input({ frequency }), locale)
        return first ? phraseText(first, catalogs[locale]) : ''
      })
      expect(new Set(firsts).size).toBe(FREQUENCIES.length)
    }
  })
})

describe('every rule type', () => {
  const words: Record<RuleType, Record<Worded, string>> = {
    ON: { en: 'each month, on the 5th,', hi: 'हर महीने 5 तारीख को, आपके' },
    BEFORE: { en: 'each month, on or before the 5th,', hi: 'हर महीने 5 तारीख को या उससे पहले,' },
    AFTER: { en: 'each month, on or after the 5th,', hi: 'हर महीने 5 तारीख को या उसके बाद,' },
  }
  const cases = RULE_TYPES.flatMap((ruleType) => (['en', 'hi'] as const).map((locale) => [ruleType, locale] as const))
  it.each(cases)('%s in %s', (ruleType, locale) => {
    expect(text(input({ ruleType }), locale)).toContain(words[ruleType][locale])
  })

  it.each([
    ['ON', 'every week, on Monday,'],
    ['BEFORE', 'every week, on or before Monday,'],
    ['AFTER', 'every week, on or after Monday,'],
  ] as const)('WEEKLY %s names the weekday', (ruleType, expected) => {
    expect(text(input({ frequency: 'WEEKLY', ruleType, ruleValue: 1 }), 'en')).toContain(expected)
  })
})

describe('rule_value per frequency', () => {
  it.each([
    [1, 'Monday', 'सोमवार'],
    [2, 'Tuesday', 'मंगलवार'],
    [3, 'Wednesday', 'बुधवार'],
    [4, 'Thursday', 'गुरुवार'],
    [5, 'Friday', 'शुक्रवार'],
    [6, 'Saturday', 'शनिवार'],
    [7, 'Sunday', 'रविवार'],
  ])('WEEKLY %i is %s', (ruleValue, english, hindi) => {
    const i = input({ frequency: 'WEEKLY', ruleType: 'ON', ruleValue })
    expect(text(i, 'en')).toContain(`every week, on ${english},`)
    expect(text(i, 'hi')).toContain(`हर सप्ताह ${hindi} को,`)
  })

  it.each([
    [1, 'on the 1st and the 16th,', '1 और 16 तारीख को', false],
    [5, 'on the 5th and the 20th,', '5 और 20 तारीख को', false],
    [13, 'on the 13th and the 28th,', '13 और 28 तारीख को', false],
    [14, 'on the 14th and the 29th,', '14 और 29 तारीख को', true],
    [15, 'on the 15th and the 30th,', '15 और 30 तारीख को', true],
    [16, 'on the 15th and the last day of the month,', '15 तारीख और महीने के आखिरी दिन को', false],
  ] as const)('FORTNIGHTLY %i', (ruleValue, english, hindi, shortMonthNote) => {
    const i = input({ frequency: 'FORTNIGHTLY', ruleType: 'ON', ruleValue })
    expect(text(i, 'en')).toContain(`twice a month, ${english}`)
    expect(text(i, 'hi')).toContain(`महीने में दो बार ${hindi}`)
    expect(text(i, 'en').includes('the second debit of the month falls on its last day')).toBe(shortMonthNote)
    expect(text(i, 'hi').includes('महीने की दूसरी कटौती महीने के आखिरी दिन होगी')).toBe(shortMonthNote)
  })

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [28, '28th'],
    [31, '31st'],
  ])('day %i is the %s', (n, expected) => {
    expect(phraseText(ordinal(n, 'en'), catalogs.en)).toBe(expected)
    expect(text(input({ ruleType: 'ON', ruleValue: n }), 'en')).toContain(`each month, on the ${expected},`)
    expect(text(input({ ruleType: 'ON', ruleValue: n }), 'hi')).toContain(`हर महीने ${n} तारीख को,`)
  })

  it.each([
    [0, '0th'],
    [101, '101st'],
    [102, '102nd'],
    [103, '103rd'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
    [1021, '1021st'],
  ])('%i is the %s beyond the days of a month too', (n, expected) => {
    expect(phraseText(ordinal(n, 'en'), catalogs.en)).toBe(expected)
  })

  const dayFrequencies = ['MONTHLY', 'BIMONTHLY', 'QUARTERLY', 'HALFYEARLY', 'YEARLY'] as const
  it.each(dayFrequencies)('%s explains a day that a short month lacks', (frequency) => {
    const i = input({ frequency, ruleType: 'ON', ruleValue: 31 })
    expect(text(i, 'en')).toContain('In months that have no 31st day, the debit falls on the last day of the month.')
    expect(text(i, 'hi')).toContain('जिन महीनों में 31 तारीख नहीं होती, उनमें कटौती महीने के आखिरी दिन होगी।')
    expect(text(input({ frequency, ruleType: 'ON', ruleValue: 28 }), 'en')).not.toContain('In months that have no')
  })

  it('names only the period when the rule is missing or out of range', () => {
    expect(text(input({ frequency: 'WEEKLY', ruleValue: 9 }), 'en')).toContain('up to ₹1,000.00 every week, from 1 Dec 2026')
    expect(text(input({ ruleType: null, ruleValue: null }), 'en')).toContain('up to ₹1,000.00 each month, from 1 Dec 2026')
  })
})

describe('amount rule', () => {
  it.each([
    ['FIXED', 'en', 'to debit exactly ₹1,000.00 each time, each month, on or after the 5th'],
    ['VARIABLE', 'en', 'to debit up to ₹1,000.00 each month'],
    ['FIXED', 'hi', 'हर बार ठीक ₹1,000.00 काटने'],
    ['VARIABLE', 'hi', 'हर बार अधिकतम ₹1,000.00 काटने'],
  ] as const)('%s in %s', (amountRule, locale, expected) => {
    expect(text(input({ amountRule }), locale)).toContain(expected)
  })

  it('shows the amount with Indian grouping', () => {
    expect(text(input({ maxAmount: inr(1_00_000_00) }), 'en')).toContain('up to ₹1,00,000.00 each month')
    expect(text(input({ maxAmount: inr(1_00_000_00) }), 'hi')).toContain('अधिकतम ₹1,00,000.00')
  })
})

describe('one-time mandates', () => {
  const otm = input(
    { frequency: 'ONETIME', ruleType: null, ruleValue: null, blockFunds: true, revokableByCustomer: false, amountRule: 'FIXED', endDate: '2027-02-27T20:00:00.000Z' },
  )
  it.each([
    ['en', 'You allow Acme Fitness to debit exactly ₹1,000.00 once, between 1 Dec 2026 and 28 Feb 2027.'],
    ['en', 'This mandate is for a single debit and is valid for at most 90 days.'],
    ['en', '₹1,000.00 will be blocked in your account until 28 Feb 2027 or until Acme Fitness uses or releases it.'],
    ['en', 'You cannot cancel this mandate yourself.'],
    ['hi', 'एक बार ठीक ₹1,000.00 काटने की अनुमति देते हैं।'],
    ['hi', 'अधिकतम 90 दिनों तक मान्य है।'],
    ['hi', '₹1,000.00 आपके खाते में 28 फ़र॰ 2027 तक, या जब तक Acme Fitness इसका उपयोग न करे या इसे रिलीज़ न करे, तब तक ब्लॉक रहेगा।'],
    ['hi', 'आप इस मैंडेट को स्वयं रद्द नहीं कर सकते।'],
  ] as const)('%s: %s', (locale, sentence) => {
    expect(text(otm, locale)).toContain(sentence)
  })

  it('does not mention blocking or cancelling rules it does not have', () => {
    const plain = text(input({ frequency: 'ONETIME', ruleType: null, ruleValue: null }), 'en')
    expect(plain).not.toContain('blocked')
    expect(plain).toContain('You can cancel at any time in your UPI app.')
  })
})

describe('today’s charge', () => {
  it.each([
    [true, 100, 'en', 'Today you pay ₹1.00, refunded after registration.'],
    [false, 49_900, 'en', 'Today you pay ₹499.00; this charge is not refunded.'],
    [true, 0, 'en', 'Nothing is charged today.'],
    [true, 100, 'hi', 'आज आप ₹1.00 का भुगतान करेंगे, जो रजिस्ट्रेशन के बाद वापस कर दिया जाएगा।'],
    [false, 49_900, 'hi', 'आज आप ₹499.00 का भुगतान करेंगे; यह राशि वापस नहीं की जाएगी।'],
    [false, 0, 'hi', 'आज आपसे कोई राशि नहीं ली जाएगी।'],
  ] as const)('refunded=%s, %i paise, %s', (registrationRefunded, minor, locale, expected) => {
    expect(text(input({}, { registrationRefunded, chargedToday: inr(minor) }), locale)).toContain(expected)
  })
})

describe('instrument-specific sentences', () => {
  it.each([
    [{ rail: 'upi', notices: [] }, 'en', 'You can cancel at any time in your UPI app.'],
    [{ rail: 'netbanking', notices: [] }, 'en', 'You can cancel at any time through your bank.'],
    [null, 'en', 'You can cancel at any time: in your UPI app for UPI AutoPay, or through your bank for eNACH.'],
    [{ rail: 'upi', notices: [] }, 'hi', 'आप इसे कभी भी अपने UPI ऐप में रद्द कर सकते हैं।'],
    [{ rail: 'netbanking', notices: [] }, 'hi', 'आप इसे कभी भी अपने बैंक के ज़रिए रद्द कर सकते हैं।'],
    [null, 'hi', 'UPI ऑटोपे के लिए अपने UPI ऐप में, और ई-नैच के लिए अपने बैंक के ज़रिए।'],
  ] as const)('cancelling with %o in %s', (instrument, locale, expected) => {
    expect(text(input({}, { instrument }), locale)).toContain(expected)
  })

  it.each([
    ['en', 'Debits above ₹15,000.00 need your UPI PIN each time.'],
    ['hi', '₹15,000.00 से ज़्यादा की हर कटौती के लिए हर बार आपका UPI पिन लगेगा।'],
  ] as const)('the extra-approval notice in %s', (locale, expected) => {
    const big = input({ maxAmount: inr(50_000_00) }, { instrument: { rail: 'upi', notices: ['upi_extra_approval_above_limit'] } })
    expect(text(big, locale)).toContain(expected)
    expect(text(input({ maxAmount: inr(50_000_00) }, { instrument: { rail: 'netbanking', notices: [] } }), locale)).not.toContain(expected)
  })
})

describe('merchant text', () => {
  it('is isolated, never part of the message template', () => {
    const phrases = describeMandate(input({}, { merchantName: '<img src=x onerror=alert(1)>\u202E' }), 'en')
    expect(phrases[0]?.params?.['merchant']).toEqual({ isolate: '<img src=x onerror=alert(1)>\u202E' })
  })
})
