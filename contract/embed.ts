import * as z from 'zod/mini'
import { OrderStatus } from './status'
import { EMBED_INSTANCE_PATTERN, EMBED_PROTOCOL, EMBED_VERSION } from './embed-protocol'
import { Appearance } from './appearance'

/**
 * The message protocol between the checkout page in a frame and the merchant page that hosts it.
 * Every message names the protocol, its version and the embed instance it belongs to; both sides
 * drop anything else.
 */

export { Theme, Appearance } from './appearance'

const envelope = {
  protocol: z.literal(EMBED_PROTOCOL),
  version: z.literal(EMBED_VERSION),
  instance: z.string().check(z.regex(EMBED_INSTANCE_PATTERN)),
}

/** The signed result a merchant verifies, as on the return_url redirect. */
export const SignedResult = z.object({
  order_id: z.string(),
  status: OrderStatus,
  status_id: z.string(),
  signature: z.string(),
  signature_algorithm: z.literal('HMAC-SHA256'),
})
export type SignedResult = z.infer<typeof SignedResult>

export const FrameToHost = z.discriminatedUnion('type', [
  z.object({
    ...envelope,
    type: z.literal('ready'),
    // The frame's title in the page's language (the session's, unless the customer chose another), for the host's <iframe title>.
    payload: z.object({ orderId: z.string(), language: z.string(), title: z.string() }),
  }),
  z.object({ ...envelope, type: z.literal('resize'), payload: z.object({ height: z.number().check(z.gte(0), z.lte(100_000)) }) }),
  z.object({ ...envelope, type: z.literal('step_changed'), payload: z.object({ step: z.string() }) }),
  z.object({
    ...envelope,
    type: z.literal('attempt_started'),
    payload: z.object({ attempt: z.int(), instrument: z.string(), channel: z.nullable(z.string()) }),
  }),
  z.object({
    ...envelope,
    type: z.literal('completed'),
    payload: z.object({ status: OrderStatus, statusId: z.int(), result: z.nullable(SignedResult) }),
  }),
  z.object({
    ...envelope,
    type: z.literal('failed'),
    payload: z.object({ status: OrderStatus, statusId: z.int(), reason: z.nullable(z.string()), result: z.nullable(SignedResult) }),
  }),
  z.object({ ...envelope, type: z.literal('expired'), payload: z.object({}) }),
  z.object({ ...envelope, type: z.literal('closed'), payload: z.object({}) }),
  z.object({ ...envelope, type: z.literal('error'), payload: z.object({ code: z.string(), message: z.string() }) }),
])
export type FrameToHost = z.infer<typeof FrameToHost>

export const HostToFrame = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('set_appearance'), payload: Appearance }),
  z.object({ ...envelope, type: z.literal('close'), payload: z.object({}) }),
])
export type HostToFrame = z.infer<typeof HostToFrame>

