import type { states as en } from '../en/states'

export const states: Record<keyof typeof en, string> = {
  'header.secureCheckout': 'सुरक्षित चेकआउट',
  'state.loading.heading': 'आपके भुगतान का विवरण लोड हो रहा है',
  'state.loading.status': 'भुगतान का विवरण लोड हो रहा है…',
  'state.ready.heading': 'जाँचें और भुगतान करें',
  'state.ready.status': 'भुगतान का विवरण लोड हो गया।',
  'state.expired.heading': 'इस भुगतान लिंक की अवधि समाप्त हो गई है',
  'state.expired.body': 'नए भुगतान लिंक के लिए {merchant} से संपर्क करें। इस लिंक से भुगतान नहीं किया जा सकता।',
  'state.completed.heading': 'यह भुगतान पहले ही प्रोसेस हो चुका है',
  'state.returnTo': '{merchant} पर वापस जाएँ',
  'state.notFound.heading': 'भुगतान लिंक नहीं मिला',
  'state.notFound.body': 'जाँच लें कि आपने पूरा लिंक खोला है, या व्यापारी से नया लिंक माँगें।',
  'state.malformed.heading': 'यह भुगतान लिंक मान्य नहीं है',
  'state.malformed.body': 'हो सकता है लिंक अधूरा हो या उसमें कोई गलती हो। व्यापारी से लिंक दोबारा भेजने को कहें।',
  'state.unreachable.heading': 'भुगतान सर्वर से संपर्क नहीं हो पा रहा है',
  'state.unreachable.body': 'अपना इंटरनेट कनेक्शन जाँचें और फिर से कोशिश करें। आपसे कोई राशि नहीं ली गई है।',
  'state.crashed.heading': 'कुछ गड़बड़ हो गई',
  'state.crashed.body': 'पेज में एक अनपेक्षित समस्या आई। आपसे कोई राशि नहीं ली गई है।',
  'state.retry': 'फिर से कोशिश करें',
  'state.retrying': 'फिर से कोशिश की जा रही है…',
}
