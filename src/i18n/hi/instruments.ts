import type { instruments as en } from '../en/instruments'

export const instruments: Record<keyof typeof en, string> = {
  'instruments.legend': 'भुगतान का तरीका चुनें',
  'instruments.label.upi.mandate': 'UPI ऑटोपे',
  'instruments.label.netbanking.mandate': 'ई-नैच (बैंक खाता मैंडेट)',
  'instruments.label.upi.plain': 'UPI',
  'instruments.label.netbanking.plain': 'नेट बैंकिंग',
  'instruments.hint.netbanking.mandate': 'अपने बैंक से मैंडेट स्वीकृत करें: नेट बैंकिंग, डेबिट कार्ड या आधार से।',
  'instruments.hint.netbanking.plain': 'अपने बैंक की वेबसाइट से अपने बैंक खाते से भुगतान करें।',
  'instruments.optIn.upi': 'आगे के भुगतानों के लिए UPI ऑटोपे भी सेट करें',
  'instruments.optIn.netbanking': 'ई-नैच मैंडेट भी सेट करें',
  'instruments.unavailable': 'उपलब्ध नहीं। {reason}',
  'instruments.optInMissing': 'आप इस तरीके से भुगतान कर सकते हैं, लेकिन इससे मैंडेट सेट नहीं किया जा सकता। {reason}',
  'instruments.reason.onetime_upi_only': 'एक बार का मैंडेट केवल UPI ऑटोपे से सेट किया जा सकता है।',
  'instruments.reason.upi_max_amount_exceeded': 'UPI ऑटोपे में हर कटौती अधिकतम {limit} की हो सकती है, और यह मैंडेट इससे ज़्यादा की अनुमति माँगता है।',
  'instruments.reason.enach_max_amount_exceeded': 'इस मैंडेट की अधिकतम राशि ई-नैच की सीमा से ज़्यादा है।',
  'instruments.reason.enach_frequency_unsupported': 'ई-नैच कटौती की इस आवृत्ति का समर्थन नहीं करता।',
  'instruments.notice.upi_extra_approval_above_limit': '{limit} से ज़्यादा की हर कटौती के लिए हर बार आपका UPI पिन लगेगा।',
  'instruments.channel.intent': 'अपने UPI ऐप से भुगतान करें',
  'instruments.channel.qr': 'किसी भी UPI ऐप से QR कोड स्कैन करें',
  'instruments.channel.collect': 'अपनी UPI आईडी पर भेजा गया अनुरोध स्वीकार करें',
  'instruments.noneAvailable': 'इस भुगतान के लिए कोई भी तरीका इस्तेमाल नहीं किया जा सकता। मदद के लिए {merchant} से संपर्क करें।',
}
