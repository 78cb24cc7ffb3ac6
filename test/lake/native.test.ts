import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDuckDB, sqlString } from '../../src/duckdb/load.js';
import { CLIENT_TABLE_COLUMNS, createClientTable, type SignatureRow } from '../../src/engine/lake/client-table.js';
import { findingFromRow } from '../../src/engine/lake/finding-row.js';
import { clientInputsQuery, detectionQuery, type QueryOptions } from '../../src/sql/query.js';
import { cores, REPO, streaming } from './helpers.js';

/**
 * The native projection (sql/events.ts): OCSF rows that borrowscan did not write, as Security Lake stores them, read by
 * the SQL the way the `ocsf` input format reads OCSF JSON. Here DuckDB reads the fixtures' OCSF JSON in place, with the
 * columns a Security Lake table has (typed, none inferred), and must find what the streaming engine finds.
 */
const NATIVE_COLUMNS = {
  class_uid: 'INTEGER',
  activity_id: 'INTEGER',
  type_name: 'VARCHAR',
  time: 'VARCHAR',
  time_dt: 'VARCHAR',
  status: 'VARCHAR',
  status_id: 'INTEGER',
  logon_type_id: 'INTEGER',
  metadata: 'STRUCT(product STRUCT(name VARCHAR))',
  actor:
    'STRUCT("user" STRUCT(name VARCHAR, email_addr VARCHAR, uid VARCHAR, credential_uid VARCHAR), session STRUCT(uid VARCHAR, credential_uid VARCHAR), app_uid VARCHAR)',
  user: 'STRUCT(name VARCHAR, email_addr VARCHAR, uid VARCHAR)',
  src_endpoint: 'STRUCT(ip VARCHAR)',
  http_request: 'STRUCT(user_agent VARCHAR, http_method VARCHAR, url STRUCT(path VARCHAR))',
  http_response: 'STRUCT(code INTEGER)',
  api: 'STRUCT(operation VARCHAR)',
  unmapped: 'MAP(VARCHAR, VARCHAR)',
};

/** A Security Lake table's `time` is epoch milliseconds and `time_dt` a timestamp: the fixtures' JSON, typed so. */
function nativeRelation(file: string): string {
  const columns = `{${Object.entries(NATIVE_COLUMNS)
    .map(([k, t]) => `"${k}": '${t}'`)
    .join(', ')}}`;
  return (
    `(SELECT * REPLACE (TRY_CAST(time AS BIGINT) AS time, TRY_CAST(time_dt AS TIMESTAMP) AS time_dt) ` +
    `FROM read_json(${sqlString(file)}, columns = ${columns}))`
  );
}

describe('native OCSF tables', () => {
  for (const name of ['security-lake-cloudtrail/security-lake-2026-11-02.ndjson', 'mixed-classes-array/ocsf-export.json']) {
    it(`${name}: the SQL finds what the streaming engine finds`, async () => {
      const file = join(REPO, 'fixtures/ocsf', name);
      const expected = cores(await streaming([file], {}));
      // The Security Lake fixture has a console session reused by a CLI: the comparison is not of empty lists.
      if (name.startsWith('security-lake')) expect(expected.length).toBeGreaterThan(0);
      const db = await openDuckDB('test');
      try {
        const query: QueryOptions = {
          dialect: 'duckdb',
          sources: [{ kind: 'native', relation: nativeRelation(file) }],
          clientTable: 'bs_clients',
        };
        const classify = createClientTable();
        const signatures = (await db.rows(clientInputsQuery(query))) as SignatureRow[];
        expect(signatures.length).toBeGreaterThan(0);
        await db.run(`CREATE TABLE bs_clients (${CLIENT_TABLE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`);
        for (const s of signatures) {
          const row = classify(s);
          await db.run(
            `INSERT INTO bs_clients VALUES (${CLIENT_TABLE_COLUMNS.map(([c]) => (row[c] === null ? 'NULL' : typeof row[c] === 'boolean' ? String(row[c]) : sqlString(String(row[c])))).join(', ')})`,
          );
        }
        const found = (await db.rows(detectionQuery(query))).map((r) => findingFromRow(r, undefined));
        expect(cores(found)).toEqual(expected);
      } finally {
        db.close();
      }
    });
  }
});
