import * as z from 'zod/mini'
import { SessionView } from './session'
import { BOOT_ELEMENT_ID, EMBED_BOOT_ELEMENT_ID, HOST_ORIGIN_PATTERN } from './values'

export { BOOT_ELEMENT_ID, EMBED_BOOT_ELEMENT_ID }

/**
 * What the server embeds in the payment page's HTML (a non-executable JSON script element), so the
 * page renders from the document request alone. Absent in dev and on the client-secret path.
 */
export const BootPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), view: SessionView }),
  z.object({ kind: z.literal('error'), code: z.enum(['not_found', 'malformed']) }),
])
export type BootPayload = z.infer<typeof BootPayload>

/**
 * The embedding the server accepted for this document, in its own data element on both entry
 * paths: the host origin the embed script named (`embed_origin`), present only when it is one of
 * the merchant's framing origins, in which case the document's `frame-ancestors` is narrowed to
 * exactly that origin. The page posts its messages to this origin and to no other.
 */
export const EmbedBoot = z.object({
  hostOrigin: z.string().check(z.regex(HOST_ORIGIN_PATTERN)),
  /** The merchant's `embed.navigateTopOnComplete`: after a result, offer to take the whole window to return_url. */
  navigateTopOnComplete: z.boolean(),
})
export type EmbedBoot = z.infer<typeof EmbedBoot>
