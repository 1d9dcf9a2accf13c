import * as z from 'zod/mini'
import { inr } from './values'

export { inr }

/** Money is an integer of minor units (paise for INR) plus an ISO 4217 code. Floats never cross the contract. */
export const Money = z.object({
  minor: z.int().check(z.nonnegative()),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
})
export type Money = z.infer<typeof Money>

