import type { CreateMandate, Frequency, MandateTerms } from '../../contract/mandate'
import type { Instrument, InstrumentNotice, UnavailableReason } from '../../contract/instrument'
import type { Rail } from '../../contract/rail'

/** UPI AutoPay caps a mandate's maximum at ₹1,00,000 (domain.md §4.2). */
export const UPI_AUTOPAY_MAX_MINOR = 1_00_000_00
/** Debits above ₹15,000 need the customer's UPI PIN each time (domain.md §4.2). */
export const UPI_AFA_FREE_LIMIT_MINOR = 15_000_00

/** Juspay frequencies with an NPCI eNACH frequency code (domain.md §5); BIMONTHLY (every two months) has none. */
const ENACH_FREQUENCIES: readonly Frequency[] = [
  'DAILY',
  'WEEKLY',
  'FORTNIGHTLY',
  'MONTHLY',
  'QUARTERLY',
  'HALFYEARLY',
  'YEARLY',
  'ASPRESENTED',
]

export interface EligibilityInput {
  merchantInstruments: readonly Rail[]
  createMandate: CreateMandate | null
  mandate: MandateTerms | null
  /** Highest per-mode eNACH limit the merchant allows, in paise. */
  enachMaxMinor: number
}

function mandateBlocker(kind: Rail, mandate: MandateTerms, enachMaxMinor: number): UnavailableReason | null {
  if (kind === 'upi') return mandate.maxAmount.minor > UPI_AUTOPAY_MAX_MINOR ? 'upi_max_amount_exceeded' : null
  if (mandate.frequency === 'ONETIME') return 'onetime_upi_only'
  if (!ENACH_FREQUENCIES.includes(mandate.frequency)) return 'enach_frequency_unsupported'
  if (mandate.maxAmount.minor > enachMaxMinor) return 'enach_max_amount_exceeded'
  return null
}

function noticesFor(kind: Rail, mandate: MandateTerms | null): InstrumentNotice[] {
  if (kind === 'upi' && mandate && mandate.maxAmount.minor > UPI_AFA_FREE_LIMIT_MINOR) {
    return ['upi_extra_approval_above_limit']
  }
  return []
}

/** Which instruments the page offers for this order, and why any of them (or its mandate opt-in) is not. */
export function eligibleInstruments(input: EligibilityInput): Instrument[] {
  const { merchantInstruments, createMandate, mandate, enachMaxMinor } = input
  return merchantInstruments.map((rail): Instrument => {
    if (!createMandate || !mandate) {
      return { rail, mandate: 'none', available: true, unavailableReason: null, notices: [] }
    }
    const blocker = mandateBlocker(rail, mandate, enachMaxMinor)
    if (createMandate === 'REQUIRED') {
      return {
        rail,
        mandate: 'required',
        available: blocker === null,
        unavailableReason: blocker,
        notices: blocker === null ? noticesFor(rail, mandate) : [],
      }
    }
    return {
      rail,
      mandate: blocker === null ? 'optional' : 'none',
      available: true,
      unavailableReason: blocker,
      notices: blocker === null ? noticesFor(rail, mandate) : [],
    }
  })
}
