import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { ensureDataset } from '../../bench/generate.mjs';
import { scan } from '../../src/engine/scan.js';
import { addSample, newSamplePool, newTimeline, SAMPLE_BYTES, SAMPLE_MEMORY_VARIABLE } from '../../src/engine/timeline.js';
import type { Finding } from '../../src/model/finding.js';
import { UsageError } from '../../src/shared/errors.js';
import { fixtureCases } from '../lake/helpers.js';

const BIN = fileURLToPath(new URL('../../bin/borrowscan.js', import.meta.url));
/** Megabytes for a budget of four samples: every fourth sample spills a run. */
const FOUR_SAMPLES = String((4 * SAMPLE_BYTES) / 1024 / 1024);
const scratch = mkdtempSync(join(tmpdir(), 'sample-spill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `body` with the sample budget and temporary directory given (undefined: the default), then restores both. */
async function withEnv<T>(env: { budget?: string; tmp?: string }, body: () => Promise<T>): Promise<T> {
  const saved = { budget: process.env[SAMPLE_MEMORY_VARIABLE], tmp: process.env.TMPDIR };
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  set(SAMPLE_MEMORY_VARIABLE, env.budget);
  if (env.tmp !== undefined) set('TMPDIR', env.tmp);
  try {
    return await body();
  } finally {
    set(SAMPLE_MEMORY_VARIABLE, saved.budget);
    set('TMPDIR', saved.tmp);
  }
}

async function findings(paths: string[], options = {}, budget?: string): Promise<Finding[]> {
  return withEnv({ budget }, async () => [...(await scan({ ...options, paths, worker: 'never' })).findings]);
}

const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);

describe('request samples spilled to a temporary file', () => {
  it('give every fixture the same findings (ids, evidence, pacing numbers) as samples kept in memory', async () => {
    let paced = 0;
    for (const c of await fixtureCases()) {
      const inMemory = await findings(c.paths, c.options);
      paced += inMemory.filter((f) => f.rule === 'inhuman-cadence').length;
      expect(await findings(c.paths, c.options, FOUR_SAMPLES), c.name).toEqual(inMemory);
    }
    expect(paced, 'some fixture has browsers at machine pace').toBeGreaterThan(0);
  }, 120_000);

  it('give generated data the same findings whatever the order of its files, split and reversed', async () => {
    const data = ensureDataset({ dir: join(scratch, 'data'), events: 40_000 }) as { files: { path: string }[] };
    const paths = data.files.map((f) => f.path);
    // The access log cut in three, named last part first: each timeline then comes in several runs, out of order.
    const access = readFileSync(paths[1]!, 'utf8').split('\n').filter(Boolean);
    const third = Math.ceil(access.length / 3);
    const parts = [0, 1, 2].map((k) => {
      const file = join(scratch, `access-part-${k}.ndjson`);
      writeFileSync(file, `${access.slice(k * third, (k + 1) * third).join('\n')}\n`);
      return file;
    });
    const expected = await findings(paths);
    expect(expected.filter((f) => f.rule === 'inhuman-cadence').length, 'browsers at machine pace are planted').toBeGreaterThan(1);
    expect(await findings([...paths].reverse(), {}, '0.05')).toEqual(expected);
    // Evidence names the part files now: compared with the parts named in order, samples in memory.
    const inOrder = await findings([paths[0]!, ...parts]);
    expect(inOrder.map((f) => f.id)).toEqual(expected.map((f) => f.id));
    expect(await findings([parts[2]!, paths[0]!, parts[0]!, parts[1]!], {}, FOUR_SAMPLES)).toEqual(inOrder);
  }, 180_000);

  it('leave nothing behind in the temporary directory, and no file open', async () => {
    const dir = join(scratch, 'tmp');
    mkdirSync(dir);
    const before = openFiles();
    await withEnv({ budget: FOUR_SAMPLES, tmp: dir }, () =>
      scan({ paths: [fileURLToPath(new URL('../../fixtures/demo', import.meta.url))] }),
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(openFiles()).toBe(before);
  });

  it('stop the scan with a usage error that names the directory when it is not writable', async () => {
    const missing = join(scratch, 'no-such-dir');
    const demo = fileURLToPath(new URL('../../fixtures/demo', import.meta.url));
    const scanning = withEnv({ budget: FOUR_SAMPLES, tmp: missing }, () => scan({ paths: [demo] }));
    await expect(scanning).rejects.toThrow(UsageError);
    await expect(withEnv({ budget: FOUR_SAMPLES, tmp: missing }, () => scan({ paths: [demo] }))).rejects.toThrow(missing);
    // Within the default budget the demo never spills, so the same directory does not matter.
    await expect(withEnv({ tmp: missing }, () => scan({ paths: [demo] }))).resolves.toBeDefined();
  });

  it('make the CLI exit 2 with one line, not a stack, when the directory is not writable or the budget is no number', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, 'scan', 'fixtures/demo', '--no-progress'], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const unwritable = run({ [SAMPLE_MEMORY_VARIABLE]: FOUR_SAMPLES, TMPDIR: join(scratch, 'missing') });
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr.trim().split('\n')).toHaveLength(1);
    expect(unwritable.stderr).toMatch(/could not write request samples to a temporary file in .*missing \(ENOENT\)/);
    const notANumber = run({ [SAMPLE_MEMORY_VARIABLE]: 'lots' });
    expect(notANumber.status).toBe(2);
    expect(notANumber.stderr.trim().split('\n')).toHaveLength(1);
    expect(notANumber.stderr).toContain(`${SAMPLE_MEMORY_VARIABLE} must be a number of megabytes above 0`);
  });

  it('keep a pool within its budget in memory while it spills', () => {
    const pool = newSamplePool({ memoryBytes: 100 * SAMPLE_BYTES, dir: scratch });
    const t = newTimeline(pool);
    let most = 0;
    for (let k = 0; k < 10_000; k++) {
      addSample(t, k, k, 'f', k);
      most = Math.max(most, pool.size);
    }
    expect(most).toBeLessThanOrEqual(100);
    expect(readdirSync(scratch).filter((f) => f.startsWith('borrowscan-samples-'))).toEqual([]);
    pool.close();
  });
});
