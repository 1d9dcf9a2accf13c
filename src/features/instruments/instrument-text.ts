import type { Instrument } from '../../../contract/instrument'
import type { Phrase } from '../../i18n/phrase'
import { inr } from '../../../contract/values'
import type { Locale } from '../../../contract/session'
import { formatMoney } from '../../lib/format'
import { UPI_EXTRA_APPROVAL_LIMIT } from '../../lib/upi-limits'

/** UPI AutoPay caps a mandate's maximum per debit at ₹1,00,000 (domain.md §4.2). */
const UPI_AUTOPAY_MAX = inr(1_00_000_00)

/** The radio's name: the mandate product when a mandate is required, the plain instrument otherwise. */
export function instrumentLabel(instrument: Pick<Instrument, 'kind' | 'mandate'>): Phrase {
  const form = instrument.mandate === 'required' ? 'mandate' : 'plain'
  return { key: `instruments.label.${instrument.rail}.${form}` }
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
export function initialInstrument(instruments: readonly Instrument[], preferred: Instrument['kind'] | null): Instrument['kind'] | null {
  const usable = instruments.filter((i) => i.available)
  return usable.find((i) => i.kind === preferred)?.kind ?? usable[0]?.kind ?? null
}
