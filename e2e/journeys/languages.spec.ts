import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { MAGIC_ACCOUNTS, MAGIC_VPAS } from '../../contract/scenarios'
import type { Locale } from '../../contract/session'
import { emulate } from '../support/emulate'

/**
 * Every language but English (which every other journey reads in): the ready screen with a plan,
 * a UPI collect request that fails, the eNACH form's errors, and the simulated UPI app's and
 * bank's first screens, each clean under axe. The words
 * are the catalogs' as a customer reads them; a new language fails the typecheck until it has a row.
 */
interface Words {
  name: string
  ready: string
  schedule: string
  upiAutoPay: string
  vpa: string
  verify: string
  send: string
  notSetUp: string
  declined: string
  waiting: string
  enach: string
  bank: string
  toYourBank: string
  chooseBank: string
  /** The simulated UPI app's heading for a mandate request, and its approve button. */
  upiRequest: string
  approve: string
  /** The simulated bank's first step for net banking. */
  bankLogIn: string
}

const WORDS = {
  hi: {
    name: 'हिन्दी',
    ready: 'जाँचें और भुगतान करें',
    schedule: 'आप कितना भुगतान करेंगे',
    upiAutoPay: 'UPI ऑटोपे',
    vpa: 'UPI आईडी',
    verify: 'जाँचें',
    send: 'अनुरोध भेजें',
    notSetUp: 'ऑटोपे सेट नहीं हुआ',
    declined: 'आपने अपने UPI ऐप में अनुरोध अस्वीकार कर दिया।',
    waiting: 'आपके UPI ऐप में आपकी मंज़ूरी का इंतज़ार है।',
    enach: 'अपने बैंक से ई-नैच सेट करें',
    bank: 'आपका बैंक',
    toYourBank: 'अपने बैंक पर आगे बढ़ें',
    chooseBank: 'अपना बैंक चुनें।',
    upiRequest: 'ऑटोपे मैंडेट अनुरोध',
    approve: 'UPI पिन से मंज़ूरी दें',
    bankLogIn: 'नेट बैंकिंग में लॉग इन करें',
  },
  ur: {
    name: 'اردو',
    ready: 'دیکھیں اور ادا کریں',
    schedule: 'آپ کتنا ادا کریں گے',
    upiAutoPay: 'UPI آٹو پے',
    vpa: 'UPI آئی ڈی',
    verify: 'تصدیق کریں',
    send: 'درخواست بھیجیں',
    notSetUp: 'آٹو پے سیٹ نہیں ہوا',
    declined: 'آپ نے اپنی UPI ایپ میں درخواست مسترد کر دی۔',
    waiting: 'آپ کی UPI ایپ میں آپ کی منظوری کا انتظار ہے۔',
    enach: 'اپنے بینک کے ساتھ ای-نیچ سیٹ کریں',
    bank: 'آپ کا بینک',
    toYourBank: 'اپنے بینک پر جاری رکھیں',
    chooseBank: 'اپنا بینک منتخب کریں۔',
    upiRequest: 'آٹو پے مینڈیٹ کی درخواست',
    approve: 'UPI PIN سے منظور کریں',
    bankLogIn: 'نیٹ بینکنگ میں لاگ ان کریں',
  },
  bn: {
    name: 'বাংলা',
    ready: 'দেখে নিন ও পেমেন্ট করুন',
    schedule: 'আপনি কত দেবেন',
    upiAutoPay: 'UPI অটোপে',
    vpa: 'UPI আইডি',
    verify: 'যাচাই করুন',
    send: 'অনুরোধ পাঠান',
    notSetUp: 'অটোপে চালু হয়নি',
    declined: 'আপনি আপনার UPI অ্যাপে অনুরোধটি প্রত্যাখ্যান করেছেন।',
    waiting: 'আপনার UPI অ্যাপে অনুমোদনের অপেক্ষায়।',
    enach: 'আপনার ব্যাংকে ই-ন্যাচ চালু করুন',
    bank: 'আপনার ব্যাংক',
    toYourBank: 'আপনার ব্যাংকে এগিয়ে যান',
    chooseBank: 'আপনার ব্যাংক বেছে নিন।',
    upiRequest: 'অটোপে ম্যান্ডেটের অনুরোধ',
    approve: 'UPI পিন দিয়ে অনুমোদন করুন',
    bankLogIn: 'নেট ব্যাংকিংয়ে লগ ইন করুন',
  },
  mr: {
    name: 'मराठी',
    ready: 'तपासा आणि पेमेंट करा',
    schedule: 'तुम्ही किती भराल',
    upiAutoPay: 'UPI ऑटोपे',
    vpa: 'UPI आयडी',
    verify: 'पडताळा',
    send: 'विनंती पाठवा',
    notSetUp: 'ऑटोपे सेट झाले नाही',
    declined: 'तुम्ही तुमच्या UPI ॲपमध्ये विनंती नाकारली.',
    waiting: 'तुमच्या UPI ॲपमध्ये तुमच्या मंजुरीची प्रतीक्षा आहे.',
    enach: 'तुमच्या बँकेत ई-नॅच सेट करा',
    bank: 'तुमची बँक',
    toYourBank: 'तुमच्या बँकेवर पुढे जा',
    chooseBank: 'तुमची बँक निवडा.',
    upiRequest: 'ऑटोपे मँडेट विनंती',
    approve: 'UPI पिनने मंजूर करा',
    bankLogIn: 'नेट बँकिंगमध्ये लॉग इन करा',
  },
  ta: {
    name: 'தமிழ்',
    ready: 'சரிபார்த்துப் பணம் செலுத்துங்கள்',
    schedule: 'நீங்கள் செலுத்த வேண்டியது',
    upiAutoPay: 'UPI ஆட்டோபே',
    vpa: 'UPI ஐடி',
    verify: 'சரிபார்',
    send: 'கோரிக்கையை அனுப்பு',
    notSetUp: 'ஆட்டோபே அமைக்கப்படவில்லை',
    declined: 'உங்கள் UPI ஆப்பில் கோரிக்கையை நிராகரித்தீர்கள்.',
    waiting: 'உங்கள் UPI ஆப்பில் உங்கள் ஒப்புதலுக்காகக் காத்திருக்கிறது.',
    enach: 'உங்கள் வங்கியில் இ-நாச் அமையுங்கள்',
    bank: 'உங்கள் வங்கி',
    toYourBank: 'உங்கள் வங்கிக்குத் தொடர்க',
    chooseBank: 'உங்கள் வங்கியைத் தேர்ந்தெடுங்கள்.',
    upiRequest: 'ஆட்டோபே மேண்டேட் கோரிக்கை',
    approve: 'UPI பின் மூலம் அங்கீகரி',
    bankLogIn: 'நெட் பேங்கிங்கில் உள்நுழையுங்கள்',
  },
  te: {
    name: 'తెలుగు',
    ready: 'సరిచూసి చెల్లించండి',
    schedule: 'మీరు ఎంత చెల్లిస్తారు',
    upiAutoPay: 'UPI ఆటోపే',
    vpa: 'UPI ID',
    verify: 'ధృవీకరించండి',
    send: 'అభ్యర్థన పంపండి',
    notSetUp: 'ఆటోపే సెటప్ కాలేదు',
    declined: 'మీరు మీ UPI యాప్‌లో అభ్యర్థనను తిరస్కరించారు.',
    waiting: 'మీ UPI యాప్‌లో మీ ఆమోదం కోసం వేచి ఉంది.',
    enach: 'మీ బ్యాంక్‌తో ఇ-నాచ్ సెటప్ చేయండి',
    bank: 'మీ బ్యాంక్',
    toYourBank: 'మీ బ్యాంక్‌కు కొనసాగండి',
    chooseBank: 'మీ బ్యాంక్‌ను ఎంచుకోండి.',
    upiRequest: 'ఆటోపే మ్యాండేట్ అభ్యర్థన',
    approve: 'UPI పిన్‌తో ఆమోదించండి',
    bankLogIn: 'నెట్ బ్యాంకింగ్‌లోకి లాగిన్ అవ్వండి',
  },
  gu: {
    name: 'ગુજરાતી',
    ready: 'તપાસો અને ચુકવણી કરો',
    schedule: 'તમે કેટલું ચૂકવશો',
    upiAutoPay: 'UPI ઑટોપે',
    vpa: 'UPI ID',
    verify: 'ચકાસો',
    send: 'વિનંતી મોકલો',
    notSetUp: 'ઑટોપે સેટ થયું નથી',
    declined: 'તમે તમારી UPI ઍપમાં વિનંતી નકારી.',
    waiting: 'તમારી UPI ઍપમાં તમારી મંજૂરીની રાહ જોવાઈ રહી છે.',
    enach: 'તમારી બેંક સાથે ઈ-નેચ સેટ કરો',
    bank: 'તમારી બેંક',
    toYourBank: 'તમારી બેંક પર આગળ વધો',
    chooseBank: 'તમારી બેંક પસંદ કરો.',
    upiRequest: 'ઑટોપે મેન્ડેટ વિનંતી',
    approve: 'UPI પિનથી મંજૂર કરો',
    bankLogIn: 'નેટ બેંકિંગમાં લૉગ ઇન કરો',
  },
  kn: {
    name: 'ಕನ್ನಡ',
    ready: 'ಪರಿಶೀಲಿಸಿ ಮತ್ತು ಪಾವತಿಸಿ',
    schedule: 'ನೀವು ಎಷ್ಟು ಪಾವತಿಸುತ್ತೀರಿ',
    upiAutoPay: 'UPI ಆಟೋಪೇ',
    vpa: 'UPI ID',
    verify: 'ಪರಿಶೀಲಿಸಿ',
    send: 'ವಿನಂತಿ ಕಳುಹಿಸಿ',
    notSetUp: 'ಆಟೋಪೇ ಹೊಂದಿಸಲಾಗಲಿಲ್ಲ',
    declined: 'ನಿಮ್ಮ UPI ಆ್ಯಪ್‌ನಲ್ಲಿ ನೀವು ವಿನಂತಿಯನ್ನು ತಿರಸ್ಕರಿಸಿದ್ದೀರಿ.',
    waiting: 'ನಿಮ್ಮ UPI ಆ್ಯಪ್‌ನಲ್ಲಿ ನಿಮ್ಮ ಅನುಮೋದನೆಗಾಗಿ ಕಾಯಲಾಗುತ್ತಿದೆ.',
    enach: 'ನಿಮ್ಮ ಬ್ಯಾಂಕ್‌ನಲ್ಲಿ ಇ-ನ್ಯಾಚ್ ಹೊಂದಿಸಿ',
    bank: 'ನಿಮ್ಮ ಬ್ಯಾಂಕ್',
    toYourBank: 'ನಿಮ್ಮ ಬ್ಯಾಂಕ್‌ಗೆ ಮುಂದುವರಿಯಿರಿ',
    chooseBank: 'ನಿಮ್ಮ ಬ್ಯಾಂಕ್ ಆಯ್ಕೆಮಾಡಿ.',
    upiRequest: 'ಆಟೋಪೇ ಮ್ಯಾಂಡೇಟ್ ವಿನಂತಿ',
    approve: 'UPI ಪಿನ್‌ನೊಂದಿಗೆ ಅನುಮೋದಿಸಿ',
    bankLogIn: 'ನೆಟ್ ಬ್ಯಾಂಕಿಂಗ್‌ಗೆ ಲಾಗ್ ಇನ್ ಮಾಡಿ',
  },
  ml: {
    name: 'മലയാളം',
    ready: 'പരിശോധിച്ച് പണമടയ്ക്കുക',
    schedule: 'നിങ്ങൾ എത്ര അടയ്ക്കും',
    upiAutoPay: 'UPI ഓട്ടോപേ',
    vpa: 'UPI ഐഡി',
    verify: 'പരിശോധിക്കുക',
    send: 'അഭ്യർത്ഥന അയയ്ക്കുക',
    notSetUp: 'ഓട്ടോപേ സജ്ജമായില്ല',
    declined: 'നിങ്ങളുടെ UPI ആപ്പിൽ നിങ്ങൾ അഭ്യർത്ഥന നിരസിച്ചു.',
    waiting: 'നിങ്ങളുടെ UPI ആപ്പിൽ നിങ്ങളുടെ അംഗീകാരത്തിനായി കാത്തിരിക്കുന്നു.',
    enach: 'നിങ്ങളുടെ ബാങ്കിൽ ഇ-നാച്ച് സജ്ജമാക്കുക',
    bank: 'നിങ്ങളുടെ ബാങ്ക്',
    toYourBank: 'നിങ്ങളുടെ ബാങ്കിലേക്ക് തുടരുക',
    chooseBank: 'നിങ്ങളുടെ ബാങ്ക് തിരഞ്ഞെടുക്കുക.',
    upiRequest: 'ഓട്ടോപേ മാൻഡേറ്റ് അഭ്യർത്ഥന',
    approve: 'UPI പിൻ ഉപയോഗിച്ച് അംഗീകരിക്കുക',
    bankLogIn: 'നെറ്റ് ബാങ്കിംഗിൽ ലോഗിൻ ചെയ്യുക',
  },
  or: {
    name: 'ଓଡ଼ିଆ',
    ready: 'ଯାଞ୍ଚ କରି ପେମେଣ୍ଟ କରନ୍ତୁ',
    schedule: 'ଆପଣ କେତେ ଦେବେ',
    upiAutoPay: 'UPI ଅଟୋପେ',
    vpa: 'UPI ID',
    verify: 'ଯାଞ୍ଚ କରନ୍ତୁ',
    send: 'ଅନୁରୋଧ ପଠାନ୍ତୁ',
    notSetUp: 'ଅଟୋପେ ସେଟ୍ ହେଲା ନାହିଁ',
    declined: 'ଆପଣ ଆପଣଙ୍କ UPI ଆପ୍‌ରେ ଅନୁରୋଧ ପ୍ରତ୍ୟାଖ୍ୟାନ କଲେ।',
    waiting: 'ଆପଣଙ୍କ UPI ଆପ୍‌ରେ ଆପଣଙ୍କ ଅନୁମୋଦନ ପାଇଁ ଅପେକ୍ଷା କରାଯାଉଛି।',
    enach: 'ଆପଣଙ୍କ ବ୍ୟାଙ୍କ ସହ ଇ-ନାଚ୍ ସେଟ୍ କରନ୍ତୁ',
    bank: 'ଆପଣଙ୍କ ବ୍ୟାଙ୍କ',
    toYourBank: 'ଆପଣଙ୍କ ବ୍ୟାଙ୍କକୁ ଆଗକୁ ବଢନ୍ତୁ',
    chooseBank: 'ଆପଣଙ୍କ ବ୍ୟାଙ୍କ ବାଛନ୍ତୁ।',
    upiRequest: 'ଅଟୋପେ ମାଣ୍ଡେଟ୍ ଅନୁରୋଧ',
    approve: 'UPI PIN ସହ ଅନୁମୋଦନ କରନ୍ତୁ',
    bankLogIn: 'ନେଟ୍ ବ୍ୟାଙ୍କିଙ୍ଗରେ ଲଗ୍ ଇନ୍ କରନ୍ତୁ',
  },
  pa: {
    name: 'ਪੰਜਾਬੀ',
    ready: 'ਜਾਂਚੋ ਅਤੇ ਭੁਗਤਾਨ ਕਰੋ',
    schedule: 'ਤੁਸੀਂ ਕਿੰਨਾ ਭੁਗਤਾਨ ਕਰੋਗੇ',
    upiAutoPay: 'UPI ਆਟੋਪੇ',
    vpa: 'UPI ID',
    verify: 'ਪੁਸ਼ਟੀ ਕਰੋ',
    send: 'ਬੇਨਤੀ ਭੇਜੋ',
    notSetUp: 'ਆਟੋਪੇ ਸੈੱਟ ਨਹੀਂ ਹੋਇਆ',
    declined: 'ਤੁਸੀਂ ਆਪਣੀ UPI ਐਪ ਵਿੱਚ ਬੇਨਤੀ ਨਾਮਨਜ਼ੂਰ ਕਰ ਦਿੱਤੀ।',
    waiting: 'ਤੁਹਾਡੀ UPI ਐਪ ਵਿੱਚ ਤੁਹਾਡੀ ਮਨਜ਼ੂਰੀ ਦੀ ਉਡੀਕ ਹੈ।',
    enach: 'ਆਪਣੇ ਬੈਂਕ ਨਾਲ ਈ-ਨੈਚ ਸੈੱਟ ਕਰੋ',
    bank: 'ਤੁਹਾਡਾ ਬੈਂਕ',
    toYourBank: 'ਆਪਣੇ ਬੈਂਕ \'ਤੇ ਅੱਗੇ ਵਧੋ',
    chooseBank: 'ਆਪਣਾ ਬੈਂਕ ਚੁਣੋ।',
    upiRequest: 'ਆਟੋਪੇ ਮੈਂਡੇਟ ਬੇਨਤੀ',
    approve: 'UPI ਪਿੰਨ ਨਾਲ ਮਨਜ਼ੂਰ ਕਰੋ',
    bankLogIn: 'ਨੈੱਟ ਬੈਂਕਿੰਗ ਵਿੱਚ ਲੌਗ ਇਨ ਕਰੋ',
  },
} satisfies Record<Exclude<Locale, 'en'>, Words>

/** Juspay Billing flow 1: a monthly plan registered with the mandate, so the ready screen shows its price schedule. */
const withPlan = {
  amount: '1.00',
  customer_id: 'cust-e2e',
  description: 'Acme Fitness membership',
  'options.create_mandate': 'REQUIRED',
  'metadata.auto_refund_post_success': 'true',
  payment_rules: { payment_flows: { billing_creation: { status: 'REQUIRED', info: { plan_id: 'fit_monthly' } } } },
}

const monthly = {
  amount: '1.00',
  'options.create_mandate': 'REQUIRED',
  'mandate.max_amount': '100000.00',
  'mandate.frequency': 'MONTHLY',
  'mandate.rule_value': '5',
  'metadata.auto_refund_post_success': 'true',
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The simulator page's language, and the direction it is laid out in (its `<html dir>` is written only for right to left). */
async function expectLanguage(page: Page, locale: string): Promise<void> {
  const html = page.locator('html')
  await expect(html).toHaveAttribute('lang', locale)
  await expect(html).toHaveCSS('direction', locale === 'ur' ? 'rtl' : 'ltr')
}

interface StartedAttempt {
  upi?: { simulatorUrl: string }
  netbanking?: { bankUrl: string }
}

/** Starts an attempt through the page's API, as the page does, and answers it (with the simulator's link). */
async function startAttempt(request: APIRequestContext, pageUrl: string, body: Record<string, unknown>): Promise<StartedAttempt> {
  const pageId = pageUrl.split('/')[2] ?? ''
  const res = await request.post(`/api/pages/${pageId}/attempts`, { headers: { 'idempotency-key': `languages-${pageId}` }, data: body })
  expect(res.ok(), await res.text()).toBe(true)
  return ((await res.json()) as { attempt: StartedAttempt }).attempt
}

const enachDetails = {
  bankCode: 'HDFC',
  authMode: 'netbanking',
  accountHolderName: 'Asha Verma',
  accountNumber: MAGIC_ACCOUNTS.approved,
  ifsc: 'HDFC0001234',
  accountType: 'SAVINGS',
}

/** The header's two ends: the merchant's name and the language switcher. */
async function headerEnds(page: Page): Promise<{ title: number; switcher: number }> {
  const header = page.getByRole('banner')
  const title = await header.locator('div.flex-1').boundingBox()
  const switcher = await header.getByRole('combobox').boundingBox()
  if (!title || !switcher) throw new Error('header not laid out')
  return { title: title.x + title.width / 2, switcher: switcher.x + switcher.width / 2 }
}

for (const [locale, words] of Object.entries(WORDS)) {
  test.describe(`${words.name} (${locale})`, () => {
    test.use(emulate('iPhone 13'))

    test('the ready screen with a plan', async ({ merchant, checkout, page, expectAccessible }, testInfo) => {
      const { pageUrl } = await merchant.createSession({ ...withPlan, language: locale })
      await checkout.open(pageUrl)
      await expect(checkout.heading(words.ready)).toBeVisible()
      const html = page.locator('html')
      await expect(html).toHaveAttribute('lang', locale)
      await expect(html).toHaveAttribute('dir', locale === 'ur' ? 'rtl' : 'ltr')
      await expect(page.getByRole('banner').getByRole('combobox')).toHaveValue(locale)
      await expect(checkout.testId('priceSchedule')).toContainText(words.schedule)
      await expect(checkout.testId('priceSchedule')).toContainText('₹499.00')
      const ends = await headerEnds(page)
      // Right to left mirrors the header: the switcher moves to the left end, the merchant's name to the right.
      if (locale === 'ur') expect(ends.switcher).toBeLessThan(ends.title)
      else expect(ends.switcher).toBeGreaterThan(ends.title)
      await testInfo.attach(`ready-${locale}`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' })
      await expectAccessible()
    })

    test('a UPI collect request that fails', async ({ merchant, checkout, page, expectAccessible }) => {
      const { pageUrl } = await merchant.createSession({ ...monthly, language: locale })
      await checkout.open(pageUrl)
      await expect(checkout.heading(words.ready)).toBeVisible()
      // Indian grouping and Latin digits in every language.
      await expect(checkout.testId('maxPerDebit')).toContainText('₹1,00,000.00')
      await page.getByRole('button', { name: new RegExp(escape(words.upiAutoPay)) }).click()
      await page.getByRole('textbox', { name: words.vpa }).fill(MAGIC_VPAS.failure)
      await page.getByRole('button', { name: words.verify, exact: true }).click()
      await page.getByRole('button', { name: words.send }).click()
      await expect(checkout.heading(words.notSetUp)).toBeVisible()
      await expect(page.getByText(words.declined)).toBeVisible()
      // The wait is over: its announcement no longer stands in the live region.
      await expect(page.getByRole('status').filter({ hasText: words.waiting })).toHaveCount(0)
      await expectAccessible()
    })

    test('the eNACH form’s errors', async ({ merchant, checkout, page, expectAccessible }) => {
      const { pageUrl } = await merchant.createSession({ ...monthly, action: 'enach', language: locale })
      await checkout.open(pageUrl)
      await expect(checkout.heading(words.enach)).toBeVisible()
      await page.getByRole('button', { name: words.toYourBank }).click()
      const bank = page.getByRole('combobox', { name: words.bank })
      await expect(bank).toBeFocused()
      await expect(bank).toHaveAccessibleDescription(new RegExp(`${escape(words.chooseBank)}$`))
      await expectAccessible()
    })

    test('the simulated UPI app and bank', async ({ merchant, page, request, expectAccessible }) => {
      const upiSession = await merchant.createSession({ ...monthly, language: locale })
      const { upi } = await startAttempt(request, upiSession.pageUrl, { rail: 'upi', channel: 'intent', setUpMandate: true })
      await page.goto(`${upi?.simulatorUrl ?? ''}?app=phonepe`)
      await expect(page.getByRole('heading', { level: 1, name: words.upiRequest })).toBeVisible()
      await expectLanguage(page, locale)
      await expect(page.getByRole('button', { name: words.approve })).toBeVisible()
      await expect(page.getByRole('main')).toContainText('₹1,00,000.00')
      await expect(page.getByRole('navigation').getByRole('link', { name: words.name })).toHaveAttribute('aria-current', 'true')
      await expectAccessible()

      const enachSession = await merchant.createSession({ ...monthly, action: 'enach', language: locale })
      const { netbanking } = await startAttempt(request, enachSession.pageUrl, { rail: 'netbanking', setUpMandate: true, enach: enachDetails })
      await page.goto(netbanking?.bankUrl ?? '')
      await expect(page.getByRole('heading', { level: 1, name: words.bankLogIn })).toBeVisible()
      await expectLanguage(page, locale)
      await expectAccessible()
    })
  })
}
