import { BlockList, isIP } from 'node:net'

/**
 * What kind of address a webhook host resolved to. Only `public` is sent to; `loopback` too when
 * the merchant's webhookUrls.loopback allows it; every other kind is refused whatever the name.
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'multicast'
  | 'unspecified'
  | 'shared'
  | 'reserved'
  | 'not an IP address'

type Range = readonly [network: string, prefix: number]

/**
 * The ranges per kind, checked in this order (metadata before the link-local and private ranges
 * that hold it). IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match the IPv4 ranges: BlockList
 * checks them as the IPv4 address they carry.
 */
const RANGES: readonly (readonly [AddressKind, { v4: readonly Range[]; v6: readonly Range[] }])[] = [
  ['metadata', { v4: [['169.254.169.254', 32]], v6: [['fd00:ec2::254', 128]] }],
  ['unspecified', { v4: [['0.0.0.0', 8]], v6: [['::', 128]] }],
  ['loopback', { v4: [['127.0.0.0', 8]], v6: [['::1', 128]] }],
  ['private', { v4: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]], v6: [['fc00::', 7], ['fec0::', 10]] }],
  ['link-local', { v4: [['169.254.0.0', 16]], v6: [['fe80::', 10]] }],
  ['shared', { v4: [['100.64.0.0', 10]], v6: [] }],
  ['multicast', { v4: [['224.0.0.0', 4]], v6: [['ff00::', 8]] }],
  [
    'reserved',
    {
      // IETF protocol assignments, documentation, benchmarking, class E and broadcast.
      v4: [['192.0.0.0', 24], ['192.0.2.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['240.0.0.0', 4]],
      // IPv4-compatible (::a.b.c.d), NAT64, Teredo, 6to4 and documentation: each can lead to an IPv4 address unchecked.
      v6: [['::', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['2001::', 32], ['2002::', 16], ['2001:db8::', 32]],
    },
  ],
]

const LISTS: readonly (readonly [AddressKind, BlockList])[] = RANGES.map(([kind, { v4, v6 }]) => {
  const list = new BlockList()
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4')
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6')
  return [kind, list] as const
})

/** The kind of one address as a resolver returns it (no brackets, no zone). */
export function classifyAddress(address: string): AddressKind {
  const family = isIP(address)
  if (family === 0) return 'not an IP address'
  const type = family === 4 ? 'ipv4' : 'ipv6'
  for (const [kind, list] of LISTS) if (list.check(address, type)) return kind
  return 'public'
}

/** Why an address may not be sent to, or null when it may. */
export function addressRefusal(address: string, policy: { loopback: boolean }): string | null {
  const kind = classifyAddress(address)
  if (kind === 'public' || (kind === 'loopback' && policy.loopback)) return null
  if (kind === 'loopback') return "resolves to a loopback address, which this merchant's webhookUrls.loopback does not allow"
  return `resolves to a ${kind} address, which webhooks are never sent to`
}
