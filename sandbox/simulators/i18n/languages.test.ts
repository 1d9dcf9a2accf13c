import { afterEach, describe, expect, it } from 'vitest'
import { LOCALES } from '../../../contract/values'
import { bankSandbox, form as bankForm, GOOD_CREDENTIALS, statusRegion } from '../../testing/bank-simulator'
import { visibleText } from '../../testing/fixtures'
import { collect, form, simulatorSandbox } from '../../testing/upi-app-simulator'
import { MAGIC_VPAS } from '../../../contract/scenarios'

/**
 * The simulated UPI app and bank speak the session's language, else the browser's, and keep the
 * customer's pick from the language links through every form and redirect (docs/i18n.md).
 */

const sandboxes: ReturnType<typeof simulatorSandbox>[] = []
function upiSandbox() {
  const s = simulatorSandbox()
  sandboxes.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.dispose()))
})

const upiPath = (token: string, suffix = '') => `/simulator/upi/${token}${suffix}`
const bankPath = (token: string, suffix = '') => `/simulator/bank/${token}${suffix}`
const htmlTag = (body: string): string => /<html[^>]*>/.exec(body)?.[0] ?? ''
const links = (body: string): string[] => Array.from(body.matchAll(/<li><a href="([^"]+)" lang="(\w+)"/g), (m) => `${m[2] ?? ''} ${m[1] ?? ''}`)

describe('the simulated UPI app', () => {
  it("speaks the session's language, with Latin digits, Indian grouping and the language's month names", async () => {
    const { app, start } = upiSandbox()
    const { token } = await start(undefined, { language: 'hi' })
    const body = await (await app.request(upiPath(token, '?app=phonepe'), { headers: { 'accept-language': 'ta' } })).text()
    expect(htmlTag(body)).toBe('<html lang="hi">')
    const text = visibleText(body)
    for (const words of [
      'ऑटोपे मैंडेट अनुरोध',
      'मैंडेट राशि हर कटौती में अधिकतम ₹1,000.00',
      'कितनी बार मासिक, 5 तारीख को या उसके बाद',
      'मान्य अवधि 1 दिस॰ 2026 – 30 नव॰ 2056',
      'UPI पिन से मंज़ूरी दें',
    ]) {
      expect(text).toContain(words)
    }
    expect(body).toContain('<title>ऑटोपे मैंडेट अनुरोध · PhonePe · सैंडबॉक्स</title>')
  })

  it('speaks the browser’s language when the session names none, and English when it asks for none the sandbox speaks', async () => {
    const { app, start } = upiSandbox()
    const { token } = await start()
    const tamil = await (await app.request(upiPath(token), { headers: { 'accept-language': 'fr;q=0.9, ta-IN;q=0.8, en;q=0.5' } })).text()
    expect(htmlTag(tamil)).toBe('<html lang="ta">')
    expect(visibleText(tamil)).toContain('ஆட்டோபே மேண்டேட் கோரிக்கை')
    const english = await (await app.request(upiPath(token), { headers: { 'accept-language': 'fr, de;q=0.5' } })).text()
    expect(htmlTag(english)).toBe('<html lang="en">')
  })

  it('is right to left in Urdu, with amounts and UPI IDs isolated left to right', async () => {
    const { app, start } = upiSandbox()
    const { token } = await start(collect('asha@okaxis'), { language: 'ur' })
    const body = await (await app.request(upiPath(token))).text()
    expect(htmlTag(body)).toBe('<html lang="ur" dir="rtl">')
    expect(body).toContain('<dd>ہر کٹوتی میں زیادہ سے زیادہ <bdi dir="ltr">₹1,000.00</bdi></dd>')
    expect(body).toContain('<bdi>asha@okaxis</bdi>')
    expect(body).toMatch(/<dd><bdi dir="ltr">\d{1,2}:\d{2} [AP]M<\/bdi> IST<\/dd>/)
  })

  it('lists every language, each in its own script, linking to the same request in that language', async () => {
    const { app, start } = upiSandbox()
    const { token } = await start()
    const body = await (await app.request(upiPath(token, '?app=gpay'))).text()
    expect(links(body)).toEqual(LOCALES.map((locale) => `${locale} ${upiPath(token, `?app=gpay&amp;lang=${locale}`)}`))
    expect(body).toContain('<nav class="languages" aria-label="Language">')
    expect(body).toContain('lang="en" hreflang="en" dir="ltr" aria-current="true">English</a>')
    expect(body).toContain('lang="ur" hreflang="ur" dir="rtl">اردو</a>')
  })

  it("keeps the customer's pick over the session's language, through the forms and the redirect to the result", async () => {
    const { app, start } = upiSandbox()
    const { token } = await start(undefined, { language: 'hi' })
    const body = await (await app.request(upiPath(token, '?app=phonepe&lang=bn'))).text()
    expect(htmlTag(body)).toBe('<html lang="bn">')
    expect(body).toContain(`action="${upiPath(token, '/approve?lang=bn')}"`)
    expect(body).toContain(`action="${upiPath(token, '/decline?lang=bn')}"`)

    const wrong = await app.request(upiPath(token, '/approve?lang=bn'), form({ pin: '12', app: 'phonepe', payer_vpa: 'asha@ybl' }))
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('UPI পিন 4 বা 6 সংখ্যার হতে হবে।')

    const approved = await app.request(upiPath(token, '/approve?lang=bn'), form({ pin: '1234', app: 'phonepe', payer_vpa: 'asha@ybl' }))
    expect(approved.status).toBe(303)
    expect(approved.headers.get('location')).toBe(upiPath(token, '?app=phonepe&lang=bn'))
    const result = await (await app.request(approved.headers.get('location') ?? '')).text()
    expect(visibleText(result)).toContain('অনুমোদিত')
  })

  it('ignores a pick that is not one of its languages', async () => {
    const { app, start } = upiSandbox()
    const { token } = await start(undefined, { language: 'gu' })
    const body = await (await app.request(upiPath(token, '?lang=%3Cscript%3E'))).text()
    expect(htmlTag(body)).toBe('<html lang="gu">')
    expect(body).toContain(`action="${upiPath(token, '/approve')}"`)
  })

  it('answers a link that is not valid in the browser’s language', async () => {
    const { app } = upiSandbox()
    const res = await app.request(upiPath('0'.repeat(32)), { headers: { 'accept-language': 'ml' } })
    expect(res.status).toBe(404)
    const body = await res.text()
    expect(htmlTag(body)).toBe('<html lang="ml">')
    expect(body).toContain('<h1>ഈ അഭ്യർത്ഥന ലിങ്ക് സാധുവല്ല</h1>')
  })

  it('words a collect request that ended in its language', async () => {
    const { app, start } = upiSandbox()
    const { token } = await start(collect(MAGIC_VPAS.success), { language: 'pa' })
    await app.request(upiPath(token, '/decline'), form({}))
    const body = await (await app.request(upiPath(token))).text()
    expect(statusText(body)).toContain('ਤੁਸੀਂ ਇਹ ਬੇਨਤੀ ਨਾਮਨਜ਼ੂਰ ਕੀਤੀ। ਕੁਝ ਵੀ ਮਨਜ਼ੂਰ ਨਹੀਂ ਹੋਇਆ।')
  })
})

const statusText = (body: string): string => visibleText(/<div role="status"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '')

describe('the simulated bank', () => {
  it("speaks the session's language at every step, with the OTP attempts left in the language's plural", async () => {
    const s = bankSandbox()
    const order = await s.order({ language: 'hi' })
    const { token } = await s.startEnach(order.id)
    const first = await s.request(bankPath(token))
    expect(htmlTag(first.body)).toBe('<html lang="hi">')
    expect(first.body).toContain('<h1>नेट बैंकिंग में लॉग इन करें</h1>')
    expect(visibleText(first.body)).toContain('NPCI ई-मैंडेट चरण 1/3: लॉग इन')

    await s.request(bankPath(token, '/credentials'), bankForm(GOOD_CREDENTIALS.netbanking))
    const twoLeft = await s.request(bankPath(token, '/otp'), bankForm({ otp: '000000' }))
    expect(twoLeft.body).toContain('गलत OTP। 2 प्रयास बचे हैं।')
    const oneLeft = await s.request(bankPath(token, '/otp'), bankForm({ otp: '000000' }))
    expect(oneLeft.body).toContain('गलत OTP। 1 प्रयास बचा है।')
  })

  it("keeps the customer's pick through each step's form and redirect, right to left in Urdu", async () => {
    const s = bankSandbox()
    const order = await s.order({ language: 'ta' })
    const { token } = await s.startEnach(order.id)
    const first = await s.request(bankPath(token, '?lang=ur'), { headers: { 'accept-language': 'hi' } })
    expect(htmlTag(first.body)).toBe('<html lang="ur" dir="rtl">')
    expect(first.body).toContain(`action="${bankPath(token, '/credentials?lang=ur')}"`)

    const login = await s.request(bankPath(token, '/credentials?lang=ur'), bankForm(GOOD_CREDENTIALS.netbanking))
    expect(login.res.status).toBe(303)
    expect(login.res.headers.get('location')).toBe(bankPath(token, '?lang=ur'))
    const otp = await s.request(bankPath(token, '/otp?lang=ur'), bankForm({ otp: '123456' }))
    expect(otp.res.headers.get('location')).toBe(bankPath(token, '?lang=ur'))

    const consent = await s.request(bankPath(token, '?lang=ur'))
    expect(consent.body).toContain('<h1>ای-مینڈیٹ منظور کریں</h1>')
    expect(consent.body).toContain('<dd><bdi dir="ltr">₹1,000.00</bdi></dd>')
    expect(consent.body).toContain('<dd><bdi dir="ltr">XXXXXX1111</bdi></dd>')
  })

  it('says why nothing changed in the page’s language', async () => {
    const s = bankSandbox()
    const order = await s.order({ language: 'kn' })
    const { token } = await s.startEnach(order.id)
    const early = await s.request(bankPath(token, '/otp'), bankForm({ otp: '123456' }))
    expect(early.res.status).toBe(409)
    expect(visibleText(statusRegion(early.body))).toContain('ಆ ಹಂತ ಈಗ ಲಭ್ಯವಿಲ್ಲ.')
  })
})
