import { describe, expect, it } from 'vitest'
import { batchedLines, jsonLogger, redact } from './log'

describe('redact', () => {
  it.each([
    ['cs_ABCDEFGHIJKLMNOPQRSTUVWX_secret_abcdefghijklmnopqrstuvwxyz012345', 'cs_ABCDE…'],
    ['tkn_0123456789abcdef0123456789abcdef', 'tkn_0123…'],
    ['/orders/ordeh_0123456789abcdef0123456789abcdef/payment-page', '/orders/ordeh_01…/payment-page'],
    ['/simulator/upi/0123456789abcdef0123456789abcdef/approve', '/simulator/upi/0123…/approve'],
    ['/simulator/bank/0123456789abcdef0123456789abcdef', '/simulator/bank/0123…'],
    ['Authorization: Basic ZGVtb19hcGlfa2V5Og==', 'Authorization: Basic [redacted]'],
    ['Bearer demo_api_key', 'Bearer [redacted]'],
    ['authorization: bearer demo_api_key', 'authorization: bearer [redacted]'],
    ['BASIC ZGVtb19hcGlfa2V5Og==', 'BASIC [redacted]'],
    ['{"path":"/v1/checkout/sessions/cs_ABCDEFGHIJKLMNOPQRSTUVWX_secret_abc"}', '{"path":"/v1/checkout/sessions/cs_ABCDE…"}'],
  ])('hides %s', (input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it('leaves text with nothing secret in it as it is', () => {
    const line = '{"level":"info","event":"request","method":"POST","path":"/session","status":200,"ms":0.3}'
    expect(redact(line)).toBe(line)
  })

  it('applies to every log line', () => {
    const lines: string[] = []
    jsonLogger((l) => lines.push(l)).info('x', { path: '/orders/ordeh_0123456789abcdef0123456789abcdef/payment-page' })
    expect(lines.join('')).not.toContain('0123456789abcdef0123456789abcdef')
  })
})

describe('batchedLines', () => {
  it('writes the lines of one turn together, in order, on the next turn', async () => {
    const chunks: string[] = []
    const write = batchedLines({ write: (chunk: string) => chunks.push(chunk) })
    write('{"a":1}')
    write('{"b":2}')
    expect(chunks).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(chunks).toEqual(['{"a":1}\n{"b":2}\n'])
    write('{"c":3}')
    await new Promise((resolve) => setImmediate(resolve))
    expect(chunks).toEqual(['{"a":1}\n{"b":2}\n', '{"c":3}\n'])
  })
})
