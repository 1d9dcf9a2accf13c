import * as z from 'zod/mini'
import { VPA_PATTERN } from '../../../contract/attempt'
import type { UpiKey } from '../../i18n/upi-catalogs'
import type { WriteFailure } from '../../lib/write-result'

/** The collect form's one schema; its messages are catalog keys, shown in the active language. */
export const VpaFormSchema = z.object({
  vpa: z.string().check(
    z.trim(),
    z.minLength(1, { error: 'upi.collect.required' satisfies UpiKey }),
    z.maxLength(256, { error: 'upi.collect.format' satisfies UpiKey }),
    z.regex(VPA_PATTERN, { error: 'upi.collect.format' satisfies UpiKey }),
  ),
})
export type VpaFormValues = z.infer<typeof VpaFormSchema>

const FIELD_MESSAGES: readonly UpiKey[] = ['upi.collect.required', 'upi.collect.format', 'upi.collect.invalid', 'upi.collect.noAutopay']

/** A field error's message as a catalog key; anything unexpected reads as a format error. */
export const fieldMessageKey = (message: string | undefined): UpiKey =>
  FIELD_MESSAGES.find((key) => key === message) ?? 'upi.collect.format'

/** Server refusals that belong on the UPI ID field. */
export function fieldFailure(failure: WriteFailure): UpiKey | null {
  switch (failure) {
    case 'vpa_invalid':
      return 'upi.collect.invalid'
    case 'handle_not_supported':
      return 'upi.collect.noAutopay'
    case 'vpa_required':
      return 'upi.collect.required'
    default:
      return null
  }
}
