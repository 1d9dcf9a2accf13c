import { describe, expect, it } from 'vitest'
import { FREQUENCIES, type Frequency, type RuleType } from '../../../contract/mandate'
import type { Locale } from '../../../contract/session'
import { LOCALES } from '../../../contract/values'
import { describeSchedule } from './schedule-text'

type Row = [Frequency, RuleType | null, number | null, string]

describe('describeSchedule', () => {
  it.each<Row>([
    ['ONETIME', null, null, 'One time'],
    ['DAILY', null, null, 'Daily'],
    ['ASPRESENTED', null, null, 'As presented'],
    // Frequencies without a debit day ignore stray rule fields.
    ['ONETIME', 'ON', 5, 'One time'],
    ['DAILY', 'AFTER', 3, 'Daily'],
    ['ASPRESENTED', 'BEFORE', 10, 'As presented'],
    ['WEEKLY', 'ON', 1, 'Weekly, on Monday'],
    ['WEEKLY', 'BEFORE', 5, 'Weekly, on or before Friday'],
    ['WEEKLY', 'AFTER', 7, 'Weekly, on or after Sunday'],
    ['FORTNIGHTLY', 'ON', 1, 'Fortnightly, on day 1 and day 16'],
    ['FORTNIGHTLY', 'BEFORE', 15, 'Fortnightly, on or before day 15 and day 30'],
    ['FORTNIGHTLY', 'AFTER', 16, 'Fortnightly, on or after day 15 and the last day of the month'],
    ['MONTHLY', 'ON', 1, 'Monthly, on day 1'],
    ['MONTHLY', 'BEFORE', 28, 'Monthly, on or before day 28'],
    ['MONTHLY', 'AFTER', 5, 'Monthly, on or after day 5'],
    ['MONTHLY', 'ON', 31, 'Monthly, on day 31 (or the last day of shorter months)'],
    ['BIMONTHLY', 'ON', 10, 'Every 2 months, on day 10'],
    ['BIMONTHLY', 'AFTER', 29, 'Every 2 months, on or after day 29 (or the last day of shorter months)'],
    ['QUARTERLY', 'BEFORE', 15, 'Quarterly, on or before day 15'],
    ['QUARTERLY', 'AFTER', 1, 'Quarterly, on or after day 1'],
    ['HALFYEARLY', 'ON', 20, 'Every 6 months, on day 20'],
    ['HALFYEARLY', 'BEFORE', 30, 'Every 6 months, on or before day 30 (or the last day of shorter months)'],
    ['YEARLY', 'AFTER', 12, 'Yearly, on or after day 12'],
    ['YEARLY', 'ON', 1, 'Yearly, on day 1'],
    // A missing rule type reads as "on"; a missing rule value leaves only the frequency.
    ['MONTHLY', null, 7, 'Monthly, on day 7'],
    ['WEEKLY', 'AFTER', null, 'Weekly'],
    ['YEARLY', null, null, 'Yearly'],
  ])('%s %s %s → %s', (frequency, ruleType, ruleValue, expected) => {
    expect(describeSchedule({ frequency, ruleType, ruleValue }, 'en')).toBe(expected)
  })

  it('has words for every frequency and rule type', () => {
    for (const frequency of FREQUENCIES) {
      for (const ruleType of ['ON', 'BEFORE', 'AFTER'] as const) {
        const text = describeSchedule({ frequency, ruleType, ruleValue: 3 }, 'en')
        expect(text).toMatch(/^[A-Z][a-z]/)
        expect(text).not.toMatch(/undefined|null|NaN/)
      }
    }
  })
})

describe('describeSchedule in other languages', () => {
  it.each<[Locale, Frequency, RuleType | null, number | null, string]>([
    ['hi', 'MONTHLY', 'AFTER', 5, 'मासिक, 5 तारीख को या उसके बाद'],
    ['hi', 'WEEKLY', 'ON', 1, 'साप्ताहिक, सोमवार को'],
    ['mr', 'MONTHLY', 'ON', 31, 'मासिक, 31 तारखेला (लहान महिन्यांत महिन्याच्या शेवटच्या दिवशी)'],
    ['ta', 'MONTHLY', 'BEFORE', 10, 'மாதந்தோறும், 10ஆம் தேதி அன்று அல்லது அதற்கு முன்'],
    ['te', 'FORTNIGHTLY', 'ON', 1, 'పదిహేను రోజులకోసారి, 1, 16 తేదీల్లో'],
    ['kn', 'YEARLY', 'ON', 12, 'ವರ್ಷಕ್ಕೊಮ್ಮೆ, 12ನೇ ತಾರೀಖಿನಂದು'],
    ['ml', 'QUARTERLY', 'AFTER', 1, 'മൂന്നു മാസത്തിലൊരിക്കൽ, 1-ാം തീയതി അല്ലെങ്കിൽ അതിനുശേഷം'],
    ['ur', 'FORTNIGHTLY', 'ON', 16, 'پندرہ روزہ، 15 تاریخ اور مہینے کے آخری دن کو'],
    ['pa', 'ASPRESENTED', 'ON', 5, 'ਲੋੜ ਅਨੁਸਾਰ'],
    ['bn', 'ONETIME', null, null, 'একবার'],
  ])('%s %s %s %s → %s', (locale, frequency, ruleType, ruleValue, expected) => {
    expect(describeSchedule({ frequency, ruleType, ruleValue }, locale)).toBe(expected)
  })

  it.each(LOCALES)('%s words every frequency, rule and day, with nothing left unfilled', (locale) => {
    for (const frequency of FREQUENCIES) {
      for (const ruleType of ['ON', 'BEFORE', 'AFTER'] as const) {
        for (const ruleValue of [1, 7, 16, 30]) {
          const text = describeSchedule({ frequency, ruleType, ruleValue }, locale)
          expect(text).not.toMatch(/[{}]|undefined|null|NaN/)
        }
      }
    }
  })
})
