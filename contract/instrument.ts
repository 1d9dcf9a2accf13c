import * as z from 'zod/mini'
import { Rail } from './rail'


/** Whether this instrument registers a mandate: always, at the customer's choice, or never. */
export const InstrumentMandate = z.enum(['required', 'optional', 'none'])
export type InstrumentMandate = z.infer<typeof InstrumentMandate>

export const UNAVAILABLE_REASONS = [
  'onetime_upi_only',
  'upi_max_amount_exceeded',
  'enach_max_amount_exceeded',
  'enach_frequency_unsupported',
] as const
export const UnavailableReason = z.enum(UNAVAILABLE_REASONS)
export type UnavailableReason = z.infer<typeof UnavailableReason>

export const INSTRUMENT_NOTICES = ['upi_extra_approval_above_limit'] as const
export const InstrumentNotice = z.enum(INSTRUMENT_NOTICES)
export type InstrumentNotice = z.infer<typeof InstrumentNotice>

/**
 * One rail as offered on this session. With create_mandate=REQUIRED a rule that fails makes the
 * instrument unavailable; with OPTIONAL it only withdraws the mandate opt-in (mandate becomes 'none')
 * and `unavailableReason` says why the opt-in is missing.
 */
export const Instrument = z.object({
  rail: Rail,
  mandate: InstrumentMandate,
  available: z.boolean(),
  unavailableReason: z.nullable(UnavailableReason),
  notices: z.array(InstrumentNotice),
})
export type Instrument = z.infer<typeof Instrument>

export const UPI_CHANNELS = ['intent', 'qr', 'collect'] as const
export const UpiChannel = z.enum(UPI_CHANNELS)
export type UpiChannel = z.infer<typeof UpiChannel>

export const DEVICE_CLASSES = ['android', 'ios', 'desktop'] as const
export const DeviceClass = z.enum(DEVICE_CLASSES)
export type DeviceClass = z.infer<typeof DeviceClass>

/** Per-merchant UPI channel policy: the default channel per device class and which channels may be offered at all. */
export const UpiChannelPolicy = z.object({
  android: UpiChannel,
  ios: UpiChannel,
  desktop: UpiChannel,
  allowed: z.array(UpiChannel),
})
export type UpiChannelPolicy = z.infer<typeof UpiChannelPolicy>
