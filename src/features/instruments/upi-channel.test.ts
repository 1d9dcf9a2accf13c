import { describe, expect, it } from 'vitest'
import type { DeviceClass, UpiChannel, UpiChannelPolicy } from '../../../contract/instrument'
import { deviceClass, pickUpiChannel, upiChannelOverride } from './upi-channel'

describe('deviceClass', () => {
  it.each([
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36', 0, 'android'],
    ['Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36', 5, 'android'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 5, 'ios'],
    ['Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', 5, 'ios'],
    ['Mozilla/5.0 (iPod touch; CPU iPhone OS 12_5 like Mac OS X) AppleWebKit/605.1.15', 5, 'ios'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 5, 'ios'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 0, 'desktop'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36', 0, 'desktop'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36', 0, 'desktop'],
    ['', 0, 'desktop'],
  ] as const)('%s (touch points %i) is %s', (userAgent, touchPoints, expected) => {
    expect(deviceClass(userAgent, touchPoints)).toBe(expected)
  })
})

const demo: UpiChannelPolicy = { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['intent', 'qr', 'collect'] }
const noCollect: UpiChannelPolicy = { android: 'intent', ios: 'intent', desktop: 'qr', allowed: ['intent', 'qr'] }
const defaultNotAllowed: UpiChannelPolicy = { android: 'intent', ios: 'collect', desktop: 'qr', allowed: ['qr', 'intent'] }
const qrOnly: UpiChannelPolicy = { android: 'intent', ios: 'intent', desktop: 'qr', allowed: ['qr'] }
const nothing: UpiChannelPolicy = { android: 'intent', ios: 'intent', desktop: 'qr', allowed: [] }

describe('pickUpiChannel', () => {
  it.each<[string, UpiChannelPolicy, DeviceClass, UpiChannel | null, UpiChannel | null]>([
    ['demo android default', demo, 'android', null, 'intent'],
    ['demo ios default', demo, 'ios', null, 'collect'],
    ['demo desktop default', demo, 'desktop', null, 'qr'],
    ['allowed override wins', demo, 'desktop', 'collect', 'collect'],
    ['allowed override on android', demo, 'android', 'qr', 'qr'],
    ['override outside policy is ignored', noCollect, 'desktop', 'collect', 'qr'],
    ['ios default intent where collect is not allowed', noCollect, 'ios', null, 'intent'],
    ['default not allowed falls back to the first allowed', defaultNotAllowed, 'ios', null, 'qr'],
    ['default not allowed, bad override, first allowed', defaultNotAllowed, 'ios', 'collect', 'qr'],
    ['qr only on android', qrOnly, 'android', null, 'qr'],
    ['qr only with intent override', qrOnly, 'android', 'intent', 'qr'],
    ['no channel allowed', nothing, 'desktop', 'qr', null],
  ])('%s', (_name, policy, device, override, expected) => {
    expect(pickUpiChannel(policy, device, override)).toBe(expected)
  })
})

describe('upiChannelOverride', () => {
  it.each<[string, UpiChannel | null]>([
    ['', null],
    ['?upi_channel=collect', 'collect'],
    ['?upi_channel=qr', 'qr'],
    ['?upi_channel=intent', 'intent'],
    ['?lang=hi&upi_channel=QR', 'qr'],
    ['?upi_channel=%20collect%20', 'collect'],
    ['?upi_channel=', null],
    ['?upi_channel=nfc', null],
    ['?upi_channel=collect&upi_channel=qr', 'collect'],
    ['?channel=qr', null],
  ])('%s → %s', (search, expected) => {
    expect(upiChannelOverride(search)).toBe(expected)
  })
})
