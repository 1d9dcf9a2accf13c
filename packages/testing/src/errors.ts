import * as z from 'zod/mini'
import { CheckoutError, JuspayError } from '../../../contract/errors'

export type { CheckoutError, JuspayError }

/** The sandbox refused a call: its HTTP status and the body as it came, whatever its shape. */
export class SandboxApiError extends Error {
  constructor(
    /** The call, e.g. `POST /session`. */
    readonly call: string,
    readonly status: number,
    readonly body: unknown,
    message = `${call} answered ${status}: ${JSON.stringify(body)}`,
  ) {
    super(message)
    this.name = 'SandboxApiError'
  }
}

/** A refusal in Juspay's envelope (the Juspay dialect and the QA API): `error_info.fields[]` names each field at fault. */
export class JuspayApiError extends SandboxApiError {
  constructor(call: string, status: number, readonly envelope: JuspayError) {
    super(call, status, envelope, `${call} answered ${status}: ${envelope.error_code}: ${envelope.error_message}`)
    this.name = 'JuspayApiError'
  }
}

/** A refusal in the checkout-session dialect's envelope: `error.type`, `error.code`, `error.param`. */
export class CheckoutApiError extends SandboxApiError {
  constructor(call: string, status: number, readonly envelope: CheckoutError) {
    super(call, status, envelope, `${call} answered ${status}: ${envelope.error.code}: ${envelope.error.message}`)
    this.name = 'CheckoutApiError'
  }
}

export type Dialect = 'juspay' | 'checkout'

/** The typed error for a refusal in this dialect's envelope; a body in no known envelope stays a plain SandboxApiError. */
export function refusal(dialect: Dialect, call: string, status: number, body: unknown): SandboxApiError {
  if (dialect === 'juspay') {
    const parsed = z.safeParse(JuspayError, body)
    if (parsed.success) return new JuspayApiError(call, status, parsed.data)
  } else {
    const parsed = z.safeParse(CheckoutError, body)
    if (parsed.success) return new CheckoutApiError(call, status, parsed.data)
  }
  return new SandboxApiError(call, status, body)
}
