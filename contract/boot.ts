import * as z from 'zod/mini'
import { SessionView } from './session'
import { BOOT_ELEMENT_ID } from './values'

export { BOOT_ELEMENT_ID }

/**
 * What the server embeds in the payment page's HTML (a non-executable JSON script element), so the
 * page renders from the document request alone. Absent in dev and on the client-secret path.
 */
export const BootPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), view: SessionView }),
  z.object({ kind: z.literal('error'), code: z.enum(['not_found', 'malformed']) }),
])
export type BootPayload = z.infer<typeof BootPayload>
