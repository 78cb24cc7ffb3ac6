import type { Dialect } from './dialect.js';

/**
 * shared/network.ts's networkOf in SQL: the /24 of an IPv4 address (also IPv4-mapped IPv6), the /64 of an IPv6
 * address, else the value itself. Portable: split_part, translate and CASE only. Assumes IPv6 groups are hex
 * (the streaming engine also checks each group is 1-4 hex digits and returns the value unchanged when not).
 */
function isV4(ip: string): string {
  const parts = [1, 2, 3, 4].map((i) => `length(split_part(${ip}, '.', ${i})) BETWEEN 1 AND 3`);
  return `(translate(${ip}, '0123456789', '') = '...' AND ${parts.join(' AND ')})`;
}

function v4Net(ip: string): string {
  return `concat(split_part(${ip}, '.', 1), '.', split_part(${ip}, '.', 2), '.', split_part(${ip}, '.', 3), '.0/24')`;
}

function groupCount(s: string): string {
  return `(CASE WHEN ${s} = '' THEN 0 ELSE length(${s}) - length(replace(${s}, ':', '')) + 1 END)`;
}

function stripZeros(g: string): string {
  return `(CASE WHEN trim(LEADING '0' FROM ${g}) = '' THEN '0' ELSE trim(LEADING '0' FROM ${g}) END)`;
}

function v6Net(d: Dialect, ip: string): string {
  const clean = `lower(split_part(${ip}, '%', 1))`;
  const compressed = `(${d.strpos(clean, "'::'")} > 0)`;
  const head = `(CASE WHEN ${compressed} THEN split_part(${clean}, '::', 1) ELSE ${clean} END)`;
  const tail = `(CASE WHEN ${compressed} THEN split_part(${clean}, '::', 2) ELSE '' END)`;
  const hn = groupCount(head);
  const tn = groupCount(tail);
  const missing = `(8 - ${hn} - ${tn})`;
  const group = (i: number) =>
    stripZeros(
      `(CASE WHEN ${i} <= ${hn} THEN split_part(${head}, ':', ${i}) WHEN ${i} <= ${hn} + ${missing} THEN '0' ` +
        `ELSE split_part(${tail}, ':', ${i} - ${hn} - ${missing}) END)`,
    );
  const valid = `(CASE WHEN ${compressed} THEN ${missing} >= 0 AND ${d.strpos(`substr(${clean}, ${d.strpos(clean, "'::'")} + 2)`, "'::'")} = 0 ELSE ${hn} = 8 END)`;
  return `(CASE WHEN ${valid} THEN concat(${group(1)}, ':', ${group(2)}, ':', ${group(3)}, ':', ${group(4)}, '::/64') ELSE ${ip} END)`;
}

export function networkSql(d: Dialect, ip: string): string {
  const mapped = `substr(${ip}, 8)`;
  return (
    `(CASE WHEN ${isV4(ip)} THEN ${v4Net(ip)} ` +
    `WHEN lower(substr(${ip}, 1, 7)) = '::ffff:' AND ${isV4(mapped)} THEN ${v4Net(mapped)} ` +
    `WHEN ${d.strpos(ip, "':'")} > 0 THEN ${v6Net(d, ip)} ELSE ${ip} END)`
  );
}
