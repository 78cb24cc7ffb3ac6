/**
 * The network an address belongs to, coarsely: the /24 of an IPv4 address, the /64 of an
 * IPv6 one. Two addresses in one network are taken as "the same place" (one office, one home).
 */
export function networkOf(ip: string): string {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  const mapped = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.exec(ip);
  if (mapped) return networkOf(mapped[1]!);
  if (ip.includes(':')) {
    const groups = expandIpv6(ip);
    if (groups) return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return ip;
}

function expandIpv6(ip: string): string[] | undefined {
  const clean = ip.replace(/^\[|\]$/g, '').split('%')[0]!;
  const halves = clean.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
