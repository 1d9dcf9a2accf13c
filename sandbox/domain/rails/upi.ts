import { upiScenario } from '../../../contract/scenarios'
import type { AutoOutcome, UpiAttempt } from '../attempt'
import { upiUriParams } from '../upi-params'
import { verifyVpa } from '../vpa'
import type { RailDefinition, RailPlan } from './definition'

/** UPI AutoPay caps a mandate's maximum at ₹1,00,000 (docs/domain/upi.md#limits). */
export const UPI_AUTOPAY_MAX_MINOR = 1_00_000_00
/** Debits above ₹15,000 need the customer's UPI PIN each time (docs/domain/upi.md#limits). */
export const UPI_AFA_FREE_LIMIT_MINOR = 15_000_00

export type UpiStartError = 'channel_required' | 'channel_not_allowed' | 'vpa_required' | 'vpa_invalid' | 'handle_not_supported'

const refuse = (error: UpiStartError): RailPlan<'upi', UpiStartError> => ({ ok: false, error })

const simulatorPath = (attempt: UpiAttempt): string => `/simulator/upi/${attempt.simulatorToken}`

/** "My AutoPay mandates" in the simulated UPI app (sandbox/simulators/upi-app/mandates-routes.ts). */
export const UPI_MANDATES_PATH = '/simulator/upi/mandates'

/** The simulated app's list of the mandates a VPA approved. */
export const upiMandatesPath = (vpa: string): string => `${UPI_MANDATES_PATH}?${new URLSearchParams({ vpa }).toString()}`

/** A collect request to a magic VPA resolves by itself (contract/scenarios.ts); intent and QR wait for the app. */
function autoOutcome(vpa: string | null, now: Date): AutoOutcome | null {
  if (vpa === null) return null
  const scenario = upiScenario(vpa)
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString()
  switch (scenario.kind) {
    case 'approve_after_delay':
      return { kind: 'approve', at: at(scenario.delayMs) }
    case 'decline':
      return { kind: 'decline', at: at(scenario.delayMs) }
    case 'expire_after':
      return { kind: 'expire', at: at(scenario.windowMs) }
    default:
      return null
  }
}

/** UPI AutoPay mandates and UPI payments: intent, QR, or a collect request to the customer's VPA. */
export const upi: RailDefinition<'upi', UpiStartError> = {
  mandateBlocker: (mandate) => (mandate.maxAmount.minor > UPI_AUTOPAY_MAX_MINOR ? 'upi_max_amount_exceeded' : null),
  notices: (mandate) => (mandate.maxAmount.minor > UPI_AFA_FREE_LIMIT_MINOR ? ['upi_extra_approval_above_limit'] : []),
  plan(_order, merchant, request) {
    const { channel } = request
    if (!channel) return refuse('channel_required')
    if (!merchant.upi.channelPolicy.allowed.includes(channel)) return refuse('channel_not_allowed')
    if (channel !== 'collect') return { ok: true, part: { rail: 'upi', channel, payerVpa: null, payerName: null, payerApp: null } }
    if (!request.vpa) return refuse('vpa_required')
    const verification = verifyVpa(request.vpa)
    if (verification.status !== 'VALID') return refuse('vpa_invalid')
    if (request.setUpMandate && !verification.mandate_details.is_handle_supported) return refuse('handle_not_supported')
    return { ok: true, part: { rail: 'upi', channel, payerVpa: verification.vpa, payerName: verification.customer_name, payerApp: null } }
  },
  approvalWindowMs: 5 * 60 * 1000,
  autoOutcome: (part, now) => autoOutcome(part.payerVpa, now),
  simulatorPath,
  awaitingBank: () => false,
  registered: (attempt) => attempt,
  umrn: () => null,
  view: (order, attempt, merchant) => ({
    rail: 'upi',
    channel: attempt.channel,
    upi: {
      uri: upiUriParams(order, attempt, merchant),
      payerVpa: attempt.payerVpa,
      payerName: attempt.payerName,
      simulatorUrl: simulatorPath(attempt),
    },
  }),
}
