import { BadUserInputError } from '@ideagora/subgraph-kit';
import { createRequire } from 'node:module';
import { checkWebhookUrl, NON_PUBLIC_RANGES, nonPublicRange, systemLookup, type AddressLookup } from './webhook.url-policy';

/** The ipaddr.js that request-filtering-agent refuses connections with (anything but `unicast`). */
interface IpaddrFamily {
  prototype: { SpecialRanges: Record<string, [{ toString(): string }, number] | [{ toString(): string }, number][]> };
}
const agentIpaddr = createRequire(require.resolve('request-filtering-agent'))('ipaddr.js') as {
  parse(address: string): { range(): string };
  fromByteArray(bytes: number[]): { toString(): string };
  IPv4: IpaddrFamily;
  IPv6: IpaddrFamily;
};

/** A resolver with fixed answers (names outside the table do not resolve). */
function lookupOf(table: Record<string, string[]>): AddressLookup {
  return async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address }));
  };
}

const DNS = lookupOf({
  'hooks.partner.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.partner.example': ['10.1.2.3'],
  'mixed.partner.example': ['93.184.215.14', '192.168.1.20'],
  'v6-local.partner.example': ['fd12:3456:789a::1'],
  'mapped.partner.example': ['::ffff:127.0.0.1'],
  'metadata.partner.example': ['169.254.169.254'],
  'cgnat.partner.example': ['100.64.0.7'],
  'nothing.partner.example': [],
});

async function refusal(url: string, production: boolean, lookup: AddressLookup = DNS): Promise<string | null> {
  try {
    await checkWebhookUrl(url, { production, lookup });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).field).toBe('url');
    return (error as Error).message;
  }
}

describe('webhook URL policy', () => {
  it('outside production: http and https, localhost and 127.0.0.1 included (local receivers)', async () => {
    for (const url of ['http://localhost:4010/hook', 'http://127.0.0.1:9/x', 'https://hooks.partner.example/ideagora', 'http://[::1]:8080/']) {
      expect(await refusal(url, false)).toBeNull();
    }
    expect(await checkWebhookUrl('  https://Hooks.Partner.Example/a b'.replace(' b', ''), { production: false, lookup: DNS })).toBe('https://hooks.partner.example/a');
  });

  it('everywhere: a URL, http(s), at most 2048 characters, no credentials, no fragment', async () => {
    for (const [url, message] of [
      ['', /required/],
      ['not a url', /valid URL/],
      ['hooks.partner.example/x', /valid URL/],
      ['ftp://hooks.partner.example/x', /https/],
      ['javascript:alert(1)', /https/],
      ['https://user:pw@hooks.partner.example/x', /credentials/],
      ['https://user@hooks.partner.example/x', /credentials/],
      ['https://hooks.partner.example/x#frag', /fragment/],
      [`https://hooks.partner.example/${'a'.repeat(2048)}`, /2048/],
      ['https://hooks.partner.example/a\nb', /valid URL/],
    ] as const) {
      expect([url.slice(0, 60), await refusal(url, false)]).toEqual([url.slice(0, 60), expect.stringMatching(message)]);
    }
  });

  it('in production: https only, to a host name that resolves to public addresses only', async () => {
    expect(await refusal('https://hooks.partner.example/ideagora', true)).toBeNull();
    for (const [url, message] of [
      ['http://hooks.partner.example/ideagora', /https/],
      ['http://localhost:4010/hook', /https/],
      ['https://127.0.0.1/hook', /IP address/],
      ['https://10.0.0.1/hook', /IP address/],
      ['https://[::1]/hook', /IP address/],
      ['https://93.184.215.14/hook', /IP address/],
      // WHATWG URL reads these as IPv4 addresses (127.0.0.1, 10.0.0.1).
      ['https://2130706433/hook', /IP address/],
      ['https://0x0a.0.0.1/hook', /IP address/],
      ['https://internal.partner.example/hook', /non-public address \(private\)/],
      ['https://mixed.partner.example/hook', /non-public address \(private\)/],
      ['https://v6-local.partner.example/hook', /uniqueLocal/],
      ['https://mapped.partner.example/hook', /ipv4Mapped|loopback/],
      ['https://metadata.partner.example/hook', /linkLocal/],
      ['https://cgnat.partner.example/hook', /carrierGradeNat/],
      ['https://unknown.partner.example/hook', /could not be resolved/],
      ['https://nothing.partner.example/hook', /could not be resolved/],
    ] as const) {
      expect([url, await refusal(url, true)]).toEqual([url, expect.stringMatching(message)]);
    }
  });

  it('in production: localhost is refused through the system resolver (it resolves to loopback)', async () => {
    expect(await refusal('https://localhost/hook', true, systemLookup)).toMatch(/non-public address \(loopback\)/);
  });

  it('names the range of every non-public address as ipaddr.js does, and none of a public one', () => {
    const cases: [string, string | null][] = [
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['::1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.5.4', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.1', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['fe80::1', 'linkLocal'],
      ['fc00::1', 'uniqueLocal'],
      ['fd00:ec2::254', 'uniqueLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['100.127.255.255', 'carrierGradeNat'],
      ['224.0.0.1', 'multicast'],
      ['ff02::1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['192.0.2.10', 'reserved'],
      ['240.0.0.1', 'reserved'],
      ['::ffff:10.0.0.1', 'ipv4Mapped'],
      ['64:ff9b::a00:1', 'rfc6052'],
      ['2002:a00:1::', '6to4'],
      ['8.8.8.8', null],
      ['93.184.215.14', null],
      ['172.32.0.1', null],
      ['100.128.0.1', null],
      ['2606:4700:4700::1111', null],
      ['not-an-ip', 'invalid'],
    ];
    for (const [address, range] of cases) expect([address, nonPublicRange(address)]).toEqual([address, range]);
  });

  it('refuses at create time what request-filtering-agent refuses at connect time: every range of its ipaddr.js', () => {
    // Each of its special ranges (all but `unicast` are refused by the agent), first and last address: ours too.
    const families = [agentIpaddr.IPv4, agentIpaddr.IPv6];
    let ranges = 0;
    for (const family of families) {
      for (const [name, value] of Object.entries(family.prototype.SpecialRanges)) {
        const subnets = (Array.isArray(value[0]) ? value : [value]) as [{ toString(): string }, number][];
        for (const [network, bits] of subnets) {
          ranges += 1;
          const first = network.toString();
          const last = lastAddress(first, bits);
          expect([name, first, nonPublicRange(first)]).toEqual([name, first, expect.any(String)]);
          expect([name, last, nonPublicRange(last)]).toEqual([name, last, expect.any(String)]);
        }
      }
    }
    expect(ranges).toBeGreaterThan(30);
    // And our table holds nothing the agent would let through.
    for (const cidrs of Object.values(NON_PUBLIC_RANGES)) for (const cidr of cidrs) expect([cidr, agentIpaddr.parse(cidr.split('/')[0]).range()]).not.toEqual([cidr, 'unicast']);
    for (const address of ['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450:4007:80e::200e']) {
      expect([address, agentIpaddr.parse(address).range(), nonPublicRange(address)]).toEqual([address, 'unicast', null]);
    }
  });
});

/** The last address of a subnet (every host bit set). */
function lastAddress(network: string, bits: number): string {
  const parsed = agentIpaddr.parse(network) as unknown as { toByteArray(): number[] };
  const bytes = parsed.toByteArray();
  for (let bit = bits; bit < bytes.length * 8; bit += 1) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return agentIpaddr.fromByteArray(bytes).toString();
}
