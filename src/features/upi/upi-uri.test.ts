import { describe, expect, it } from 'vitest'
import { MandateUriParams, PayUriParams, type UpiUriParams } from '../../../contract/attempt'
import { FREQUENCIES, FREQUENCIES_WITH_RULE, type Frequency } from '../../../contract/mandate'
import { appLink, buildUpiUri, UPI_APPS, type UpiApp } from './upi-uri'

const mandate = (over: Partial<MandateUriParams> = {}): MandateUriParams =>
  MandateUriParams.parse({
    kind: 'mandate',
    pa: 'acmefitness@sandbox',
    pn: 'Acme Fitness',
    mc: '5968',
    tr: 'demo_merchant-x1-1',
    tid: 'AbCdEfGhIjKlMnOpQrSt',
    am: '1000.00',
    amrule: 'MAX',
    cu: 'INR',
    mn: 'Acme monthly',
    tn: 'Acme monthly',
    validitystart: '01122026',
    validityend: '30112056',
    recur: 'MONTHLY',
    recurtype: 'AFTER',
    recurvalue: '5',
    rev: 'Y',
    block: 'N',
    purpose: '14',
    txnType: 'CREATE',
    mode: '04',
    ...over,
  })

const pay = (over: Partial<PayUriParams> = {}): PayUriParams =>
  PayUriParams.parse({
    kind: 'pay',
    pa: 'acmefitness@sandbox',
    pn: 'Acme Fitness',
    mc: '5968',
    tr: 'demo_merchant-x1-1',
    tid: 'AbCdEfGhIjKlMnOpQrSt',
    am: '1.00',
    cu: 'INR',
    tn: 'Day pass',
    mode: '01',
    ...over,
  })

const BASE = 'pa=acmefitness%40sandbox&pn=Acme%20Fitness&mc=5968&tr=demo_merchant-x1-1&tid=AbCdEfGhIjKlMnOpQrSt'

/** The URI's query as ordered key/value pairs, decoded the way a UPI app would. */
const pairs = (uri: string) => [...new URLSearchParams(uri.slice(uri.indexOf('?') + 1))]

describe('buildUpiUri: a mandate URI', () => {
  it('lists every parameter in NPCI order, percent-encoded', () => {
    expect(buildUpiUri(mandate())).toBe(
      `upi://mandate?${BASE}&am=1000.00&amrule=MAX&cu=INR&mn=Acme%20monthly&tn=Acme%20monthly` +
        '&validitystart=01122026&validityend=30112056&recur=MONTHLY&recurtype=AFTER&recurvalue=5' +
        '&rev=Y&block=N&purpose=14&txnType=CREATE&mode=04',
    )
  })

  const cases: [Frequency, MandateUriParams['recurtype'], string | null][] = FREQUENCIES.map((frequency) =>
    FREQUENCIES_WITH_RULE.includes(frequency) ? [frequency, 'ON', '3'] : [frequency, null, null],
  )
  it.each(cases)('%s with rule %s %s', (recur, recurtype, recurvalue) => {
    const uri = buildUpiUri(mandate({ recur, recurtype, recurvalue, purpose: recur === 'ONETIME' ? '01' : '14' }))
    const keys = pairs(uri).map(([key]) => key)
    expect(new URLSearchParams(uri.split('?')[1]).get('recur')).toBe(recur)
    if (recurtype === null) {
      expect(keys).not.toContain('recurtype')
      expect(keys).not.toContain('recurvalue')
      expect(uri).toContain(`&recur=${recur}&rev=Y`)
    } else {
      expect(uri).toContain(`&recur=${recur}&recurtype=ON&recurvalue=3&rev=Y`)
    }
  })

  it.each(FREQUENCIES_WITH_RULE)('%s without a rule leaves recurtype and recurvalue out', (recur) => {
    const uri = buildUpiUri(mandate({ recur, recurtype: null, recurvalue: null }))
    expect(uri).toContain(`&recur=${recur}&rev=Y`)
    expect(uri).not.toMatch(/recurtype|recurvalue/)
  })

  it.each([
    ['MAX', '1000.00'],
    ['EXACT', '499.00'],
  ] as const)('amount rule %s', (amrule, am) => {
    expect(buildUpiUri(mandate({ amrule, am }))).toContain(`&am=${am}&amrule=${amrule}&cu=INR&`)
  })

  it.each([
    ['Y', 'Y'],
    ['N', 'N'],
  ] as const)('rev=%s block=%s', (rev, block) => {
    expect(buildUpiUri(mandate({ rev, block }))).toContain(`&rev=${rev}&block=${block}&`)
  })
})

describe('buildUpiUri: a pay URI', () => {
  it('has only the payment parameters', () => {
    expect(buildUpiUri(pay())).toBe(`upi://pay?${BASE}&am=1.00&cu=INR&tn=Day%20pass&mode=01`)
  })
})

describe('buildUpiUri: hostile text cannot add or cut parameters', () => {
  const hostile = [
    ['ampersand', 'Tom & Jerry&am=1.00', 'Tom%20%26%20Jerry%26am%3D1.00'],
    ['equals', 'a=b', 'a%3Db'],
    ['hash', 'Plan #1#frag', 'Plan%20%231%23frag'],
    ['spaces', '  two  spaces ', '%20%20two%20%20spaces%20'],
    ['plus and percent', '1+1 = 100%', '1%2B1%20%3D%20100%25'],
    ['question mark and slash', 'a?b/c', 'a%3Fb%2Fc'],
    ['Devanagari', 'एक्मे फिटनेस', encodeURIComponent('एक्मे फिटनेस')],
    ['emoji', 'Gym 💪', 'Gym%20%F0%9F%92%AA'],
  ] as const
  const build = (params: UpiUriParams) => buildUpiUri(params)

  it.each(hostile)('%s in pn and tn of a mandate', (_name, text, encoded) => {
    const uri = build(mandate({ pn: text, tn: text, mn: text }))
    expect(uri).toContain(`&pn=${encoded}&`)
    expect(uri).toContain(`&tn=${encoded}&`)
    expect(uri).not.toMatch(/[ #+]/)
    const decoded = new Map(pairs(uri))
    expect(decoded.get('pn')).toBe(text)
    expect(decoded.get('tn')).toBe(text)
    expect(decoded.get('am')).toBe('1000.00')
    expect(pairs(uri)).toHaveLength(20)
  })

  it.each(hostile)('%s in pn and tn of a payment', (_name, text, encoded) => {
    const uri = build(pay({ pn: text, tn: text }))
    expect(uri).toContain(`&pn=${encoded}&`)
    expect(uri).toContain(`&tn=${encoded}&mode=01`)
    expect(new Map(pairs(uri)).get('am')).toBe('1.00')
    expect(pairs(uri)).toHaveLength(9)
  })
})

describe('appLink', () => {
  const mandateUri = buildUpiUri(mandate({ pn: 'A & B #1' }))
  const payUri = buildUpiUri(pay())
  const mandateQuery = mandateUri.slice('upi://mandate?'.length)
  const payQuery = payUri.slice('upi://pay?'.length)

  it.each<[UpiApp, string, string]>([
    ['phonepe', `phonepe://mandate?${mandateQuery}`, `phonepe://pay?${payQuery}`],
    ['gpay', `tez://upi/mandate?${mandateQuery}`, `tez://upi/pay?${payQuery}`],
    ['paytm', `paytmmp://mandate?${mandateQuery}`, `paytmmp://pay?${payQuery}`],
    ['bhim', `bhim://mandate?${mandateQuery}`, `bhim://pay?${payQuery}`],
    [
      'cred',
      `intent://mandate?${mandateQuery}#Intent;scheme=upi;package=com.dreamplug.androidapp;end`,
      `intent://pay?${payQuery}#Intent;scheme=upi;package=com.dreamplug.androidapp;end`,
    ],
    [
      'amazonpay',
      `intent://mandate?${mandateQuery}#Intent;scheme=upi;package=in.amazon.mShop.android.shopping;end`,
      `intent://pay?${payQuery}#Intent;scheme=upi;package=in.amazon.mShop.android.shopping;end`,
    ],
    ['other', mandateUri, payUri],
  ])('%s', (app, forMandate, forPay) => {
    expect(appLink(app, mandateUri)).toBe(forMandate)
    expect(appLink(app, payUri)).toBe(forPay)
  })

  it('covers every app the page lists', () => {
    expect(UPI_APPS).toHaveLength(7)
    for (const app of UPI_APPS) expect(appLink(app, mandateUri)).toContain('pn=A%20%26%20B%20%231')
  })

  it('refuses anything but a UPI URI', () => {
    expect(() => appLink('phonepe', 'https://example.com/?a=1')).toThrow()
  })
})
