import { describe, expect, it } from 'vitest';
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import { loadAgentRegistry } from '../../src/config/agents.js';
import { sqlText, type SqlTextOptions } from '../../src/engine/lake/sql-text.js';
import { detectionParts } from '../../src/sql/query.js';
import { REPO } from './helpers.js';

/**
 * The Trino and Spark texts are never run here (no cluster reaches this machine): they are parsed with the engines'
 * own grammars (dt-sql-parser's TrinoSQL and SparkSQL, built from Trino's and Spark's ANTLR grammars), and checked for
 * the constructs each rejects or runs badly.
 */
const registry = await loadAgentRegistry(`${REPO}fixtures/agents/task-scope/agents.yaml`);
const SL = 'amazon_security_lake_glue_db_us_east_1.amazon_security_lake_table_us_east_1_cloud_trail_mgmt_2_0';

function text(dialect: 'trino' | 'spark' | 'duckdb', stage: SqlTextOptions['stage'] = 'detect', withRegistry = true): string {
  return sqlText({
    dialect,
    tables: stage === 'shard-key' ? [] : [SL],
    exportTables: ['borrowscan_events'],
    clientTable: 'borrowscan_clients',
    filters: {
      eventdayFrom: '20261101',
      eventdayTo: '20261107',
      regions: ['us-east-1'],
      accountIds: ['123456789012'],
      since: 1_700_000_000_000,
    },
    registry: withRegistry ? registry : undefined,
    stage,
  });
}

const parsers = { trino: new TrinoSQL(), spark: new SparkSQL() } as const;

/** Each CTE's body and the final SELECT as statements of their own (a CTE name reads as a table name). */
function statements(dialect: 'trino' | 'spark'): { name: string; sql: string }[] {
  const { ctes, select } = detectionParts({
    dialect,
    sources: [
      { kind: 'native', relation: SL },
      { kind: 'export', relation: 'borrowscan_events' },
    ],
    filters: { eventdayFrom: '20261101', regions: ['us-east-1'] },
    clientTable: 'borrowscan_clients',
    registry,
  });
  return [
    ...ctes.map((c) => {
      const m = /^(\w+) AS \(([\s\S]*)\)$/.exec(c)!;
      return { name: m[1]!, sql: m[2]! };
    }),
    { name: 'final select', sql: select },
  ];
}

describe.each(['trino', 'spark'] as const)('%s text', (dialect) => {
  it(`--stage detect parses with the ${dialect} grammar, CTE by CTE`, () => {
    const parts = statements(dialect);
    expect(parts.length).toBeGreaterThan(40);
    const failures = parts.flatMap(({ name, sql }) =>
      parsers[dialect].validate(sql).map((e) => `${name} ${e.startLine}:${e.startColumn} ${e.message}`),
    );
    expect(failures).toEqual([]);
  }, 600_000);

  for (const stage of ['clients', 'shard-key'] as const) {
    it(`--stage ${stage} parses with the ${dialect} grammar`, () => {
      const sql = text(dialect, stage).replace(/;\s*$/, '');
      const errors = parsers[dialect].validate(sql);
      expect(errors.map((e) => `${e.startLine}:${e.startColumn} ${e.message}`)).toEqual([]);
    }, 120_000);
  }

  it('a broken text does not parse (the check can fail)', () => {
    expect(parsers[dialect].validate(text(dialect, 'clients').replace('SELECT DISTINCT', 'SELECT DISTINCT FROM')).length).toBeGreaterThan(
      0,
    );
  }, 120_000);

  it('has no COUNT(DISTINCT ...) OVER, no ASOF join, no MATERIALIZED CTE', () => {
    const sql = text(dialect);
    expect(sql).not.toMatch(/count\s*\(\s*distinct[^)]*\)\s*over/i);
    expect(sql).not.toMatch(/\basof\b/i);
    expect(sql).not.toMatch(/\bmaterialized\b/i);
  });

  it('matches globs without any regex function', () => {
    const sql = text(dialect);
    expect(sql).not.toMatch(/\b(regexp_like|regexp_full_match|regexp_matches|rlike|regexp)\b/i);
    expect(sql).toContain('LIKE');
  });

  it('carries the partition filters and the tables', () => {
    const sql = text(dialect);
    for (const part of [
      "eventday >= '20261101'",
      "eventday <= '20261107'",
      "region IN ('us-east-1')",
      "accountid IN ('123456789012')",
      SL,
      'borrowscan_events',
      'borrowscan_clients',
    ]) {
      expect(sql).toContain(part);
    }
  });
});

describe('spark text', () => {
  it('never gives Spark a LIKE with two % (Spark runs those through a backtracking regex)', () => {
    const likes = [...text('spark').matchAll(/LIKE '((?:[^']|'')*)'/g)].map((m) => m[1]!);
    expect(likes.length).toBeGreaterThan(5);
    for (const pattern of likes) expect((pattern.match(/(?<!!)%/g) ?? []).length, pattern).toBeLessThanOrEqual(1);
  });

  it('spells the string type STRING', () => {
    expect(text('spark')).not.toMatch(/AS VARCHAR\)/);
  });
});

describe('duckdb text', () => {
  it('matches globs with RE2 (regexp_full_match) and counts distinct values in a window directly', () => {
    const sql = text('duckdb');
    expect(sql).toContain('regexp_full_match');
    expect(sql).toMatch(/COUNT\(DISTINCT res\) OVER/);
  });
});
