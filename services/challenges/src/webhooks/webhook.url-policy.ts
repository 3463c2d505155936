import { BadUserInputError, textProblem } from '@ideagora/subgraph-kit';
import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { WEBHOOK_URL_MAX } from './webhook.domain';

/**
 * Where a webhook endpoint may point (SSRF). Outside production: any http(s) URL, http://localhost and 127.0.0.1
 * included (tests and local receivers). In production: https only, a host name (no IP literal), and every address
 * the name resolves to (all A and AAAA records, as the connection's own lookup sees them) must be public. At connect
 * time the delivery's agent (request-filtering-agent) applies the same rule to the address actually used, so a name
 * that later resolves elsewhere (DNS rebinding) is refused then too.
 */

/**
 * The address ranges that are not public, named as ipaddr.js names them (the library request-filtering-agent refuses
 * every range but `unicast` with, at connect time): the same list here, at create time. RFC 6890 and successors.
 */
export const NON_PUBLIC_RANGES: Readonly<Record<string, readonly string[]>> = {
  // IPv4
  unspecified: ['0.0.0.0/8'],
  broadcast: ['255.255.255.255/32'],
  multicast: ['224.0.0.0/4'],
  linkLocal: ['169.254.0.0/16', 'fe80::/10'],
  loopback: ['127.0.0.0/8', '::1/128'],
  carrierGradeNat: ['100.64.0.0/10'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  reserved: [
    '192.0.0.0/24',
    '192.0.2.0/24',
    '192.88.99.0/24',
    '198.18.0.0/15',
    '198.51.100.0/24',
    '203.0.113.0/24',
    '240.0.0.0/4',
    '2001::/23',
    '2001:db8::/32',
    '3fff::/20',
  ],
  as112: ['192.175.48.0/24', '192.31.196.0/24', '2001:4:112::/48', '2620:4f:8000::/48'],
  amt: ['192.52.193.0/24', '2001:3::/32'],
  // IPv6
  unspecifiedV6: ['::/128'],
  multicastV6: ['ff00::/8'],
  uniqueLocal: ['fc00::/7'],
  ipv4Mapped: ['::ffff:0:0/96'],
  deprecatedSiteLocal: ['fec0::/10'],
  discard: ['100::/64'],
  rfc6145: ['::ffff:0:0:0/96'],
  rfc6052: ['64:ff9b::/96', '64:ff9b:1::/48'],
  '6to4': ['2002::/16'],
  teredo: ['2001::/32'],
  benchmarking: ['2001:2::/48'],
  deprecatedOrchid: ['2001:10::/28'],
  orchid2: ['2001:20::/28'],
  droneRemoteIdProtocolEntityTags: ['2001:30::/28'],
  segmentRouting: ['5f00::/16'],
};

/**
 * One BlockList per range and family. Node's BlockList compares across families (an IPv6 rule ::ffff:0:0/96 matches
 * every IPv4 address checked as IPv4), so an address is only checked against the rules of its own family.
 */
const RANGES: { name: string; family: 'ipv4' | 'ipv6'; list: BlockList }[] = Object.entries(NON_PUBLIC_RANGES).flatMap(([name, cidrs]) =>
  (['ipv4', 'ipv6'] as const).flatMap((family) => {
    const own = cidrs.filter((cidr) => (isIP(cidr.split('/')[0]) === 6 ? 'ipv6' : 'ipv4') === family);
    if (own.length === 0) return [];
    const list = new BlockList();
    for (const cidr of own) {
      const [network, bits] = cidr.split('/');
      list.addSubnet(network, Number(bits), family);
    }
    return [{ name: name.replace(/V6$/, ''), family, list }];
  }),
);

/** The non-public range an IP address falls in (ipaddr.js's name), or null when it is a public unicast address. */
export function nonPublicRange(address: string): string | null {
  const version = isIP(address);
  if (version === 0) return 'invalid';
  const family = version === 6 ? 'ipv6' : 'ipv4';
  return RANGES.find((range) => range.family === family && range.list.check(address, family))?.name ?? null;
}

/** Every address a host name resolves to (A and AAAA, the system resolver's view: what the connection would use). */
export type AddressLookup = (hostname: string) => Promise<readonly { address: string }[]>;

export const systemLookup: AddressLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface WebhookUrlPolicy {
  production: boolean;
  lookup: AddressLookup;
}

function refuse(message: string): never {
  throw new BadUserInputError('url', message);
}

/**
 * The endpoint's URL as stored (WHATWG-serialised), or BAD_USER_INPUT `url`: at most WEBHOOK_URL_MAX characters, an
 * absolute http(s) URL without credentials or fragment; in production https, a host name, publicly resolvable only.
 */
export async function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): Promise<string> {
  if (typeof raw !== 'string' || raw.trim() === '') refuse('is required');
  const text = raw.trim();
  if (text.length > WEBHOOK_URL_MAX) refuse(`must be at most ${WEBHOOK_URL_MAX} characters`);
  if (textProblem(text, 'single-line') || /\s/.test(text)) refuse('is not a valid URL');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    refuse('is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse('must be an https:// URL');
  if (url.username || url.password) refuse('must not contain credentials (user:password@)');
  if (url.hash) refuse('must not contain a fragment (#...)');
  if (!url.hostname) refuse('is not a valid URL');
  if (url.href.length > WEBHOOK_URL_MAX) refuse(`must be at most ${WEBHOOK_URL_MAX} characters`);
  if (!policy.production) return url.href;

  if (url.protocol !== 'https:') refuse('must be an https:// URL');
  // WHATWG URL has already turned every IPv4 spelling (decimal, octal, hex) into dotted form; IPv6 stays in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0) refuse('must name a host, not an IP address');
  let addresses: readonly { address: string }[];
  try {
    addresses = await policy.lookup(host);
  } catch {
    refuse(`the host ${host} could not be resolved`);
  }
  if (addresses.length === 0) refuse(`the host ${host} could not be resolved`);
  for (const { address } of addresses) {
    const range = nonPublicRange(address);
    if (range) refuse(`the host ${host} resolves to a non-public address (${range}): webhooks are only sent to the public internet`);
  }
  return url.href;
}
