import { describe, expect, it } from 'vitest'
import { inr } from '../../../contract/money'
import type { Locale } from '../../../contract/session'
import { phraseText } from '../../i18n/phrase'
import { planChangeCatalogs } from '../../i18n/plan-change-catalogs'
import { scheduleCatalogs } from '../../i18n/schedule-catalogs'
import { planChangeFixture } from '../../testing/plan-change'
import { describePlanChange, quoteCue, type PlanChangePhrase } from './plan-change-text'

const say = (phrase: PlanChangePhrase, locale: Locale = 'en') => phraseText(phrase, { ...scheduleCatalogs[locale], ...planChangeCatalogs[locale] })

describe('describePlanChange', () => {
  it.each<[Locale, Record<string, string>]>([
    [
      'en',
      {
        from: 'Current plan: Gold Monthly, ₹499.00 a month',
        to: 'New plan: Platinum Monthly, ₹999.00 a month',
        credit: 'Credit for the unused days of Gold Monthly',
        creditAmount: '−₹321.94',
        charge: 'Platinum Monthly for the same days',
        covers: '16 Dec 2026 – 4 Jan 2027 (20 days)',
        next: 'From 5 Jan 2027: ₹999.00 every month',
      },
    ],
    [
      'hi',
      {
        from: 'मौजूदा प्लान: Gold Monthly, ₹499.00 प्रति माह',
        to: 'नया प्लान: Platinum Monthly, ₹999.00 प्रति माह',
        credit: 'Gold Monthly के बचे हुए दिनों का क्रेडिट',
        creditAmount: '−₹321.94',
        charge: 'उन्हीं दिनों के लिए Platinum Monthly',
        covers: '16 दिस॰ 2026 – 4 जन॰ 2027 (20 दिन)',
        next: '5 जन॰ 2027 से: ₹999.00 हर महीने',
      },
    ],
  ])('says the plans, the breakdown and the next charge (%s)', (locale, expected) => {
    const text = describePlanChange(planChangeFixture(), locale)
    expect({
      from: say(text.from, locale),
      to: say(text.to, locale),
      credit: say(text.credit.label, locale),
      creditAmount: say(text.credit.amount, locale),
      charge: say(text.charge.label, locale),
      covers: say(text.covers, locale),
      next: say(text.next, locale),
    }).toEqual(expected)
    expect(text.charge.amount).toBe('₹644.52')
    expect(text.payNow).toBe('₹322.58')
    expect(text.newMandate).toBeNull()
  })

  it.each<[Parameters<typeof planChangeFixture>[0], Locale, string]>([
    [{ interval: 'WEEKLY' }, 'en', 'From 5 Jan 2027: ₹999.00 every week'],
    [{ interval: 'YEARLY' }, 'en', 'From 5 Jan 2027: ₹999.00 every year'],
    [{ interval: 'ASPRESENTED' }, 'en', 'From 5 Jan 2027: ₹999.00 per debit'],
    [{ interval: 'YEARLY' }, 'hi', '5 जन॰ 2027 से: ₹999.00 हर साल'],
  ])('words the next charge with the interval as the schedule does (%j, %s)', (over, locale, expected) => {
    expect(say(describePlanChange(planChangeFixture(over), locale).next, locale)).toBe(expected)
  })

  it.each<[number, Locale, string]>([
    [1, 'en', '4 Jan 2027 – 4 Jan 2027 (1 day)'],
    [1, 'hi', '4 जन॰ 2027 – 4 जन॰ 2027 (1 दिन)'],
  ])('counts a single covered day in the singular (%i, %s)', (days, locale, expected) => {
    const change = planChangeFixture({ covers: { from: '2027-01-04', until: '2027-01-04', days } })
    expect(say(describePlanChange(change, locale).covers, locale)).toBe(expected)
  })

  it.each<[Locale, string]>([
    ['en', 'This payment sets up a new mandate for Platinum Monthly. It replaces your current mandate once it is active.'],
    ['hi', 'इस भुगतान से Platinum Monthly के लिए नया मैंडेट सेट होगा। सक्रिय होते ही यह आपके मौजूदा मैंडेट की जगह ले लेगा।'],
  ])('says a new mandate replaces the current one when one is needed (%s)', (locale, expected) => {
    const text = describePlanChange(planChangeFixture({ newMandate: true, to: { planId: 'p', name: 'Platinum Monthly', amount: inr(5_000_00) } }), locale)
    expect(text.newMandate && say(text.newMandate, locale)).toBe(expected)
  })

  it('keeps plan names as isolated text', () => {
    const text = describePlanChange(planChangeFixture({ from: { planId: 'x', name: '<b>Gold</b>', amount: inr(1) } }), 'en')
    expect(text.from.params?.['name']).toEqual({ isolate: '<b>Gold</b>' })
  })
})

describe('quoteCue', () => {
  const cue = (previous: number | null, current: number, locale: Locale = 'en') => {
    const phrase = quoteCue(previous, current, 'Acme Fitness')
    return phrase && phraseText(phrase, planChangeCatalogs[locale])
  }

  it.each<[number | null, number, string | null]>([
    [null, 900, null],
    [900, 899, null],
    [841, 840, '14 minutes left on this quote'],
    [61, 60, '1 minute left on this quote'],
    [31, 30, '30 seconds left on this quote'],
    [29, 28, null],
    [1, 0, 'This quote has expired. Ask Acme Fitness for a new link.'],
    [null, 0, null],
    [0, 0, null],
  ])('from %s to %s seconds: %s', (previous, current, expected) => {
    expect(cue(previous, current)).toBe(expected)
  })

  it('reads in Hindi', () => {
    expect(cue(841, 840, 'hi')).toBe('इस कोटेशन के 14 मिनट बचे हैं')
    expect(cue(31, 30, 'hi')).toBe('इस कोटेशन के 30 सेकंड बचे हैं')
    expect(cue(1, 0, 'hi')).toBe('यह कोटेशन समाप्त हो गया है। Acme Fitness से नया लिंक माँगें।')
  })
})
