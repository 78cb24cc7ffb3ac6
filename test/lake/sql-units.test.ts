import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowPattern } from '../../src/config/allow-pattern.js';
import { compilePattern } from '../../src/config/pattern.js';
import { openDuckDB, sqlString, type DuckConnection } from '../../src/duckdb/load.js';
import { PACING } from '../../src/rules/pacing.js';
import { networkOf } from '../../src/shared/network.js';
import { DUCKDB, TRINO } from '../../src/sql/dialect.js';
import { matchLoose, matchPath, parseLooseGlob, parsePathGlob } from '../../src/sql/glob.js';
import { networkCtes } from '../../src/sql/network.js';
import { SQL_PACING } from '../../src/sql/rules.js';

let db: DuckConnection;
beforeAll(async () => {
  db = await openDuckDB('test');
});
afterAll(() => db.close());

async function matches(predicate: (expr: string) => string, values: string[]): Promise<boolean[]> {
  const rows = values.map((v, i) => `SELECT ${i} AS i, ${sqlString(v)} AS v`).join(' UNION ALL ');
  const out = await db.rows(`SELECT i, ${predicate('v')} AS m FROM (${rows}) t ORDER BY i`);
  return out.map((r) => r.m === true);
}

describe('networks in SQL', () => {
  it('are networkOf, for IPv4, mapped IPv4, IPv6 (compressed, full, zoned) and non-addresses', async () => {
    const ips = [
      '192.0.2.55',
      '10.1.2.3',
      '::ffff:198.51.100.7',
      '2001:db8::1',
      '2001:0db8:0000:0042:0000:8a2e:0370:7334',
      'fe80::1%eth0',
      '::1',
      '2001:db8:abcd:12::',
      'AWS Internal',
      '1.2.3',
      'not:an::ip::x',
    ];
    const ctes = networkCtes(DUCKDB, 'nets', `(SELECT * FROM (VALUES ${ips.map((ip) => `(${sqlString(ip)})`).join(', ')}) v(ip))`);
    const rows = await db.rows(`WITH ${ctes.join(', ')} SELECT ip, net FROM nets`);
    const got = Object.fromEntries(rows.map((r) => [r.ip, r.net]));
    for (const ip of ips.filter((x) => x !== 'not:an::ip::x')) expect(got[ip], ip).toBe(networkOf(ip));
  });
});

describe('globs in SQL match as the registry matches them', () => {
  const text = fc.stringMatching(/^[a-cA-C/.*? ]{0,12}$/);
  const glob = fc.stringMatching(/^[a-cA-C/.*?]{0,6}$/);

  it('user-agent globs: RE2 in DuckDB and LIKE (as Trino gets it) agree with config/pattern.ts', async () => {
    await fc.assert(
      fc.asyncProperty(glob, fc.array(text, { minLength: 1, maxLength: 8 }), async (g, values) => {
        const parsed = parseLooseGlob(g, { questionMark: true, caseInsensitive: true });
        const js = values.map((v) => compilePattern(g).test(v));
        expect(await matches((e) => matchLoose(DUCKDB, e, parsed), values)).toEqual(js);
        expect(await matches((e) => matchLoose(TRINO, e, parsed), values)).toEqual(js);
      }),
      { numRuns: 60 },
    );
  });

  it('path globs: RE2 in DuckDB agrees with config/allow-pattern.ts', async () => {
    const segment = fc.constantFrom('a', 'b', '*', '**', 'a*', '*b', 'x*y', 'ab');
    const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'xqy', '', 'ba'), { maxLength: 5 }).map((s) => `/${s.join('/')}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.array(path, { minLength: 1, maxLength: 8 }),
        async (segs, paths) => {
          const pattern = parseAllowPattern(`GET /${segs.join('/')}`);
          if (typeof pattern === 'string' || pattern.kind !== 'http') return;
          const glob = parsePathGlob(pattern.text.slice(4));
          const js = paths.map((p) => pattern.path.test(p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p));
          expect(await matches((e) => matchPath(DUCKDB, e, glob), paths)).toEqual(js);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an adversarial allow pattern matches 200 paths of 60 segments in well under a second (RE2 is linear)', async () => {
    const glob = parsePathGlob(`/${Array(12).fill('**').join('/')}/c`.replace(/\/\*\*\/\*\*/g, '/**/x/**'));
    const paths = Array.from({ length: 200 }, (_, i) => `/${Array(60).fill(`s${i}`).join('/')}`);
    const t0 = performance.now();
    await matches((e) => matchPath(DUCKDB, e, glob), paths);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('pacing thresholds', () => {
  it("are the streaming engine's", () => {
    expect(SQL_PACING).toEqual(PACING);
  });
});
