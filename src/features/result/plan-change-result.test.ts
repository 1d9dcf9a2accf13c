import { describe, expect, it } from 'vitest'
import type { Locale } from '../../../contract/session'
import { phraseText, type Phrase } from '../../i18n/phrase'
import { planChangeCatalogs, type PlanChangeKey } from '../../i18n/plan-change-catalogs'
import { planChangeFixture } from '../../testing/plan-change'
import { planChangedText, planUnchangedText } from './plan-change-result'

describe('what a plan change’s end means', () => {
  it.each<[Locale, string, string, string]>([
    [
      'en',
      'Your plan has changed to Platinum Monthly.',
      'Next charge: ₹999.00 on 5 Jan 2027',
      'Nothing has changed: you stay on Gold Monthly, and your billing dates are unchanged.',
    ],
    [
      'hi',
      'आपका प्लान बदलकर Platinum Monthly हो गया है।',
      'अगला भुगतान: 5 जन॰ 2027 को ₹999.00',
      'कुछ नहीं बदला: आप Gold Monthly पर ही हैं, और आपकी बिलिंग की तारीखें वही रहेंगी।',
    ],
  ])('success names the new plan and the next charge; failure says nothing changed (%s)', (locale, changed, next, unchanged) => {
    const say = (phrase: Phrase<PlanChangeKey>) => phraseText(phrase, planChangeCatalogs[locale])
    const success = planChangedText(planChangeFixture(), locale)
    expect(say(success.changed)).toBe(changed)
    expect(say(success.next)).toBe(next)
    expect(say(planUnchangedText(planChangeFixture()))).toBe(unchanged)
  })
})
