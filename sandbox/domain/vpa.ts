import { VPA_PATTERN, type VpaVerification } from '../../contract/attempt'
import { upiScenario } from '../../contract/scenarios'

export { VPA_PATTERN }

const FIRST = ['Asha', 'Rahul', 'Priya', 'Vikram', 'Neha', 'Arjun', 'Kavya', 'Rohan', 'Meera', 'Aditya']
const LAST = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Singh', 'Das', 'Nair', 'Gupta', 'Khan', 'Joshi']

/** A stable made-up account holder name for a VPA, so the same VPA always verifies to the same person. */
export function holderName(vpa: string): string {
  let h = 0
  for (const ch of vpa.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return `${FIRST[h % FIRST.length] ?? 'Asha'} ${LAST[Math.floor(h / FIRST.length) % LAST.length] ?? 'Sharma'}`
}

/** Verify VPA as a PSP would answer it, driven by the scenario catalogue. */
export function verifyVpa(raw: string): VpaVerification {
  const vpa = raw.trim()
  if (!VPA_PATTERN.test(vpa)) {
    return { vpa, status: 'INVALID', customer_name: null, mandate_details: { is_handle_supported: false } }
  }
  const scenario = upiScenario(vpa)
  if (scenario.kind === 'unknown_vpa') {
    return { vpa, status: 'INVALID', customer_name: null, mandate_details: { is_handle_supported: false } }
  }
  return {
    vpa,
    status: 'VALID',
    customer_name: holderName(vpa),
    mandate_details: { is_handle_supported: scenario.kind !== 'handle_without_autopay' },
  }
}
