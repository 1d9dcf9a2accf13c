import { describe, expect, it } from 'vitest'
import { bankScenario, EXPIRED_WINDOW_MS, MAGIC_ACCOUNTS, MAGIC_VPAS, SUCCESS_DELAY_MS, upiScenario, type BankScenario, type UpiScenario } from './scenarios'

/** The README's scenario table, row by row: what a UPI attempt does once the customer's VPA is known. */
describe('upiScenario', () => {
  it.each<[string, UpiScenario]>([
    [MAGIC_VPAS.success, { kind: 'approve_after_delay', delayMs: SUCCESS_DELAY_MS }],
    [MAGIC_VPAS.failure, { kind: 'decline', delayMs: SUCCESS_DELAY_MS }],
    [MAGIC_VPAS.pending, { kind: 'wait' }],
    [MAGIC_VPAS.expired, { kind: 'expire_after', windowMs: EXPIRED_WINDOW_MS }],
    [MAGIC_VPAS.unknown, { kind: 'unknown_vpa' }],
    ['anyone@nomandate', { kind: 'handle_without_autopay' }],
    ['customer@okbank', { kind: 'wait' }],
    ['nomandate@okbank', { kind: 'wait' }],
    ['customer@nomandatex', { kind: 'wait' }],
  ])('%s', (vpa, scenario) => {
    expect(upiScenario(vpa)).toEqual(scenario)
  })

  it('reads the VPA as the customer may type it: any case, spaces around', () => {
    expect(upiScenario('  Success@UPI ')).toEqual(upiScenario(MAGIC_VPAS.success))
    expect(upiScenario(' Someone@NoMandate ')).toEqual({ kind: 'handle_without_autopay' })
  })

  it('keeps the documented delays', () => {
    expect([SUCCESS_DELAY_MS, EXPIRED_WINDOW_MS]).toEqual([1500, 4000])
  })
})

describe('bankScenario', () => {
  it.each<[string, BankScenario]>([
    [MAGIC_ACCOUNTS.approved, 'approve'],
    [MAGIC_ACCOUNTS.rejected, 'reject'],
    [MAGIC_ACCOUNTS.pending, 'wait'],
    [MAGIC_ACCOUNTS.nameMismatch, 'name_mismatch'],
    ['123456789012', 'approve'],
  ])('%s', (account, scenario) => {
    expect(bankScenario(account)).toBe(scenario)
  })
})
