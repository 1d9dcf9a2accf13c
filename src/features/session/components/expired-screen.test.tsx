import { describe, expect, it } from 'vitest'
import { renderHtml, textsOf } from '../../../testing/render'
import { ExpiredScreen } from './expired-screen'

const body = (planChange: boolean, locale: 'en' | 'hi' = 'en') =>
  textsOf(renderHtml(<ExpiredScreen merchantName="Acme Fitness" returnUrl={null} planChange={planChange} />, locale), 'p')

describe('the expired screen', () => {
  it('for a plan change, says what the countdown said: the quote expired, ask for a new link', () => {
    expect(body(true)).toContain('This quote has expired. Ask Acme Fitness for a new link.')
    expect(body(true, 'hi')).toContain('यह कोटेशन समाप्त हो गया है। Acme Fitness से नया लिंक माँगें।')
  })

  it('for any other session, says the payment link expired', () => {
    expect(body(false)).toContain('Ask Acme Fitness for a new payment link. No payment can be made with this one.')
  })
})
