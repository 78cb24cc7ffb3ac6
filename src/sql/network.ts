import type { Dialect } from './dialect.js';

/**
 * shared/network.ts's networkOf in SQL: the /24 of an IPv4 address (also IPv4-mapped IPv6), the /64 of an IPv6
 * address, else the value itself. Portable: split_part, translate and CASE only, computed over a few CTEs so that no
 * expression is written twice (nested, it would grow past what SQL parsers take in reasonable time). Assumes IPv6
 * groups are hex (the streaming engine also checks each group is 1-4 hex digits and returns the value unchanged).
 */
function isV4(ip: string): string {
  const parts = [1, 2, 3, 4].map((i) => `length(split_part(${ip}, '.', ${i})) BETWEEN 1 AND 3`);
  return `translate(${ip}, '0123456789', '') = '...' AND ${parts.join(' AND ')}`;
}

function v4Net(ip: string): string {
  return `concat(split_part(${ip}, '.', 1), '.', split_part(${ip}, '.', 2), '.', split_part(${ip}, '.', 3), '.0/24')`;
}

function groupCount(s: string): string {
  return `CASE WHEN ${s} = '' THEN 0 ELSE length(${s}) - length(replace(${s}, ':', '')) + 1 END`;
}

function stripZeros(g: string): string {
  return `CASE WHEN trim(LEADING '0' FROM ${g}) = '' THEN '0' ELSE trim(LEADING '0' FROM ${g}) END`;
}

/** CTEs from `name`0 to `name`, the last with columns (ip, net), over the distinct IPs of `ips` (a relation with `ip`). */
export function networkCtes(d: Dialect, name: string, ips: string): string[] {
  const colon = (s: string) => d.strpos(s, "'::'");
  const group = (i: number) =>
    `CASE WHEN ${i} <= hn THEN split_part(head, ':', ${i}) WHEN ${i} <= hn + 8 - hn - tn THEN '0' ELSE split_part(tail, ':', ${i} - (8 - tn)) END`;
  return [
    `${name}0 AS (SELECT ip, lower(split_part(ip, '%', 1)) AS clean, CASE WHEN ${isV4('ip')} THEN ${v4Net('ip')} ` +
      `WHEN lower(substr(ip, 1, 7)) = '::ffff:' AND ${isV4('substr(ip, 8)')} THEN ${v4Net('substr(ip, 8)')} END AS v4 FROM (SELECT DISTINCT ip FROM ${ips}) x)`,
    `${name}1 AS (SELECT ip, clean, v4, ${colon('clean')} > 0 AS compressed, ` +
      `CASE WHEN ${colon('clean')} > 0 THEN split_part(clean, '::', 1) ELSE clean END AS head, ` +
      `CASE WHEN ${colon('clean')} > 0 THEN split_part(clean, '::', 2) ELSE '' END AS tail, ` +
      `CASE WHEN ${colon('clean')} > 0 THEN ${d.strpos(`substr(clean, ${colon('clean')} + 2)`, "'::'")} = 0 ELSE TRUE END AS single FROM ${name}0)`,
    `${name}2 AS (SELECT ip, v4, compressed, single, head, tail, ${groupCount('head')} AS hn, ${groupCount('tail')} AS tn FROM ${name}1)`,
    `${name}3 AS (SELECT ip, v4, compressed, single, hn, tn, ${[1, 2, 3, 4].map((i) => `${stripZeros(`(${group(i)})`)} AS g${i}`).join(', ')} FROM ${name}2)`,
    `${name} AS (SELECT ip, CASE WHEN v4 IS NOT NULL THEN v4 WHEN ${d.strpos('ip', "':'")} = 0 THEN ip ` +
      `WHEN (compressed AND single AND 8 - hn - tn >= 0) OR (NOT compressed AND hn = 8) THEN concat(g1, ':', g2, ':', g3, ':', g4, '::/64') ` +
      `ELSE ip END AS net FROM ${name}3)`,
  ];
}
