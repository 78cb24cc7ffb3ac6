import { describe, expect, it } from 'vitest';
import { cores, duckdb, exported, fixtureCases, streaming } from './helpers.js';

/**
 * The proof of the SQL engine: on every fixture case, the findings of `scan --engine duckdb`, on the raw logs
 * (normalized in-process into NDJSON, then queried) and on the same logs after `export --to ocsf-parquet`, are the
 * streaming engine's: the same ids, rules, severities, users, sessions, ties, client classes, times and counts. The
 * id the SQL text computes itself (what Trino and Spark output) is the same id too.
 */
const cases = await fixtureCases();
let compared = 0;

describe.concurrent('DuckDB engine and streaming engine agree on every fixture', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const expected = cores(await streaming(c.paths, c.options));
      const direct = await duckdb(c.paths, c.options);
      expect(cores(direct), 'raw logs').toEqual(expected);
      for (const f of direct) expect(f.details.sqlId, 'the id the SQL computes').toBe(f.id);
      const parquet = await exported(c.paths, c.options, 'ocsf-parquet');
      expect(cores(await duckdb([parquet], c.options)), 'after export to Parquet').toEqual(expected);
      compared += expected.length;
    }, 120_000);
  }
});

describe('the comparison is not of empty lists', () => {
  it('covers every fixture case, and the fixtures have findings of most rules', async () => {
    expect(cases.length).toBeGreaterThan(40);
    const rules = new Set<string>();
    for (const c of cases) for (const f of await streaming(c.paths, c.options)) rules.add(f.rule);
    expect(compared).toBeGreaterThanOrEqual(15);
    expect([...rules].sort()).toEqual(
      expect.arrayContaining([
        'agent-on-human-session',
        'scope-exceeded',
        'outside-task-window',
        'overlong-session',
        'undeclared-agent',
        'break-glass-use',
      ]),
    );
  });

  it('an export read back as NDJSON gives the same findings as the raw logs', async () => {
    const c = cases.find((x) => x.name === 'agents/task-scope')!;
    const ndjson = await exported(c.paths, c.options, 'ocsf-ndjson');
    expect(cores(await duckdb([ndjson], c.options))).toEqual(cores(await streaming(c.paths, c.options)));
  }, 60_000);
});
