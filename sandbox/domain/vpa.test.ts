import { describe, expect, it } from 'vitest'
import { holderName, verifyVpa } from './vpa'

const FIRST = ['Asha', 'Rahul', 'Priya', 'Vikram', 'Neha', 'Arjun', 'Kavya', 'Rohan', 'Meera', 'Aditya']
const LAST = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Singh', 'Das', 'Nair', 'Gupta', 'Khan', 'Joshi']

describe('verifyVpa', () => {
  it.each([
    ['success@upi', 'Rahul Patel'],
    ['asha@okaxis', 'Kavya Sharma'],
    ['rahul.k@oksbi', 'Arjun Das'],
  ])('verifies %s as %s, the same person on every check', (vpa, name) => {
    expect(verifyVpa(vpa)).toEqual({ vpa, status: 'VALID', customer_name: name, mandate_details: { is_handle_supported: true } })
    expect(verifyVpa(` ${vpa.toUpperCase()} `).customer_name).toBe(name)
  })

  it('says a handle whose PSP has no AutoPay is valid but cannot hold a mandate', () => {
    expect(verifyVpa('asha@nomandate')).toMatchObject({ status: 'VALID', mandate_details: { is_handle_supported: false } })
  })

  it.each(['unknown@upi', 'not-a-vpa', 'a@b', ' @upi'])('refuses %j as INVALID, naming nobody', (raw) => {
    expect(verifyVpa(raw)).toEqual({ vpa: raw.trim(), status: 'INVALID', customer_name: null, mandate_details: { is_handle_supported: false } })
  })
})

describe('holderName', () => {
  it('names a first and a last name from its lists, and not the same person for every VPA', () => {
    const names = Array.from({ length: 50 }, (_, i) => holderName(`payer${i}@okhdfc`))
    for (const name of names) {
      const [first, last] = name.split(' ')
      expect(FIRST).toContain(first)
      expect(LAST).toContain(last)
    }
    expect(new Set(names.map((n) => n.split(' ')[0])).size).toBeGreaterThan(5)
    expect(new Set(names.map((n) => n.split(' ')[1])).size).toBeGreaterThan(5)
  })
})
