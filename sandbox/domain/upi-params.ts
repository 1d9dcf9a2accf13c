import type { MandateUriParams, PayUriParams, UpiUriParams } from '../../contract/attempt'
import type { UpiChannel } from '../../contract/instrument'
import { FREQUENCIES_WITH_RULE } from '../../contract/mandate'
import type { Merchant } from '../merchants'
import type { UpiAttempt } from './attempt'
import type { Order } from './order'

/** NPCI initiation modes: 01 QR, 04 intent. */
const MODE: Record<Exclude<UpiChannel, 'collect'>, string> = { qr: '01', intent: '04' }
/** NPCI purpose codes: 01 one-time mandate, 14 recurring. */
const PURPOSE_ONETIME = '01'
const PURPOSE_RECURRING = '14'

/** 1234.50: rupees with two decimals, as NPCI's am parameter takes them (exact for any whole number of paise). */
const rupees = (minor: number): string => (minor / 100).toFixed(2)

/** DDMMYYYY as the calendar date in India. */
export function ddmmyyyy(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Kolkata',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('day')}${part('month')}${part('year')}`
}

const clip = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max))

/**
 * The URI parameters for one intent or QR attempt: a mandate URI when the attempt sets up a
 * mandate, a pay URI otherwise; null for collect, which sends a request to the VPA instead.
 */
export function upiUriParams(order: Order, attempt: UpiAttempt, merchant: Merchant): UpiUriParams | null {
  if (attempt.channel === 'collect') return null
  const common = {
    pa: merchant.upi.payeeVpa,
    pn: merchant.name,
    mc: merchant.upi.mcc,
    tr: attempt.txnId,
    tid: attempt.txnUuid,
    cu: 'INR' as const,
    tn: clip(order.description ?? merchant.name, 50),
    mode: MODE[attempt.channel],
  }
  const mandate = order.mandate
  if (!attempt.setsUpMandate || !mandate) {
    const pay: PayUriParams = { kind: 'pay', ...common, am: rupees(order.chargedTodayMinor) }
    return pay
  }
  const hasRule = FREQUENCIES_WITH_RULE.includes(mandate.frequency)
  const params: MandateUriParams = {
    kind: 'mandate',
    ...common,
    am: rupees(mandate.maxAmount.minor),
    amrule: mandate.amountRule === 'FIXED' ? 'EXACT' : 'MAX',
    mn: clip(order.description ?? `${merchant.name} mandate`, 50),
    validitystart: ddmmyyyy(mandate.startDate),
    validityend: ddmmyyyy(mandate.endDate),
    recur: mandate.frequency,
    recurtype: hasRule ? mandate.ruleType : null,
    recurvalue: hasRule && mandate.ruleValue !== null ? String(mandate.ruleValue) : null,
    rev: mandate.revokableByCustomer ? 'Y' : 'N',
    block: mandate.blockFunds ? 'Y' : 'N',
    purpose: mandate.frequency === 'ONETIME' ? PURPOSE_ONETIME : PURPOSE_RECURRING,
    txnType: 'CREATE',
  }
  return params
}
