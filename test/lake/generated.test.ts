import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { ensureDataset } from '../../bench/generate.mjs';
import { openDuckDB, sqlString } from '../../src/duckdb/load.js';
import { readExportedNdjson } from '../../src/export/writers.js';
import { shardKeyQuery } from '../../src/sql/shard.js';
import { cores, duckdb, exported, streaming, tempDir } from './helpers.js';

/**
 * A generated data set (the benchmark's generator: an Okta System Log and an API access log of people's sessions,
 * with agents on human sessions, replays from other networks, sessions carried to another browser and browsers at
 * machine pace planted among quiet look-alikes), on both engines, directly, after export, and in 4 shards.
 */
const dir = tempDir('lake-generated-');
const data = ensureDataset({ dir: join(dir, 'data'), events: 40_000 }) as { files: { path: string }[] };
const paths = data.files.map((f) => f.path);

describe('a generated data set', () => {
  it('gives the same findings on both engines, directly and after export to Parquet', async () => {
    const expected = cores(await streaming(paths, {}));
    expect(expected.length).toBeGreaterThan(20);
    const rules = new Set(expected.map((line) => line.split(' | ')[1]));
    expect([...rules].sort()).toEqual(['agent-on-human-session', 'inhuman-cadence', 'session-context-change']);
    expect(cores(await duckdb(paths, {}))).toEqual(expected);
    expect(cores(await duckdb([await exported(paths, {}, 'ocsf-parquet', dir)], {}))).toEqual(expected);
  }, 180_000);

  it('is shardable: 4 shards by the shard key, concatenated, give the findings of the whole', async () => {
    const whole = await exported(paths, {}, 'ocsf-ndjson', tempDir());
    const db = await openDuckDB('test');
    const shards: string[] = [];
    try {
      const keyed = `(${shardKeyQuery(readExportedNdjson(whole))})`;
      for (let i = 0; i < 4; i++) {
        const file = join(dir, `shard-${i}.ndjson`);
        await db.run(
          `COPY (SELECT * EXCLUDE (k_session, k_token, k_user, k_root, k_t, k_file, k_line, k_sid, shard_key) FROM ${keyed} k ` +
            `WHERE hash(shard_key) % 4 = ${i}) TO ${sqlString(file)} (FORMAT json)`,
        );
        shards.push(file);
      }
      const sizes = await Promise.all(
        shards.map(async (s) => Number((await db.rows(`SELECT count(*) AS n FROM ${readExportedNdjson(s)}`))[0]!.n)),
      );
      expect(Math.min(...sizes), 'every shard has a share of the events').toBeGreaterThan(1000);
    } finally {
      db.close();
    }
    const together = (await Promise.all(shards.map((s) => duckdb([s], {})))).flat();
    const expected = cores(await duckdb([whole], {}));
    expect(cores(together).sort()).toEqual([...expected].sort());
    expect(new Set(shards.map((_, i) => i)).size).toBe(4);
  }, 180_000);
});
