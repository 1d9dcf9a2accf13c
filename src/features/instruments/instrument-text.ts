import type { Instrument, UpiChannel } from '../../../contract/instrument'
import type { Rail } from '../../../contract/rail'
import type { MessageKey } from '../../i18n/en'
import type { Phrase } from '../../i18n/phrase'
import { inr } from '../../../contract/values'
import type { Locale } from '../../../contract/session'
import { formatMoney } from '../../lib/format'
import { UPI_EXTRA_APPROVAL_LIMIT } from '../../lib/upi-limits'

/** UPI AutoPay caps a mandate's maximum per debit at ₹1,00,000 (docs/domain/upi.md#limits). */
const UPI_AUTOPAY_MAX = inr(1_00_000_00)

/** The radio's name: the mandate product when a mandate is required, the plain instrument otherwise. */
export function instrumentLabel(instrument: Pick<Instrument, 'rail' | 'mandate'>): Phrase {
  const form = instrument.mandate === 'required' ? 'mandate' : 'plain'
  return { key: `instruments.label.${instrument.rail}.${form}` }
}

/** The line under an offered option: how the customer pays with it (for UPI, the channel this device gets); null when there is none. */
export function instrumentHint(instrument: Instrument, upiChannel: UpiChannel | null): MessageKey | null {
  if (!instrument.available) return null
  switch (instrument.rail) {
    case 'upi':
      return upiChannel && `instruments.channel.${upiChannel}`
    case 'netbanking':
      return instrument.mandate === 'required' ? 'instruments.hint.netbanking.mandate' : 'instruments.hint.netbanking.plain'
  }
}

/** Why an option, or its mandate opt-in, is not offered; null when nothing is withheld. */
export function unavailableText(instrument: Instrument, locale: Locale): Phrase | null {
  if (instrument.unavailableReason === null) return null
  const reason: Phrase = {
    key: `instruments.reason.${instrument.unavailableReason}`,
    params: { limit: formatMoney(UPI_AUTOPAY_MAX, locale) },
  }
  return { key: instrument.available ? 'instruments.optInMissing' : 'instruments.unavailable', params: { reason } }
}

export function noticeTexts(instrument: Instrument, locale: Locale): Phrase[] {
  return instrument.notices.map((notice) => ({
    key: `instruments.notice.${notice}`,
    params: { limit: formatMoney(UPI_EXTRA_APPROVAL_LIMIT, locale) },
  }))
}

/** The first offered instrument: the session's preferred one when it can be chosen, else the first available. */
export function initialInstrument(instruments: readonly Instrument[], preferred: Rail | null): Rail | null {
  const usable = instruments.filter((i) => i.available)
  return usable.find((i) => i.rail === preferred)?.rail ?? usable[0]?.rail ?? null
}
