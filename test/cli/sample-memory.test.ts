import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const DEMO = 'fixtures/demo';
const findingsOf = (json: string) => (JSON.parse(json) as { findings: unknown[] }).findings;

/** Runs `body` with TMPDIR pointing at `dir`, then restores it (the spill file goes to os.tmpdir()). */
async function withTmpdir<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('--sample-memory', () => {
  it('spills request samples past a small budget and reports the same findings as the default budget', async () => {
    const inMemory = await runCli(['scan', DEMO, '--format', 'json']);
    const spilled = await runCli(['scan', DEMO, '--format', 'json', '--sample-memory', '1KB']);
    expect(spilled.code).toBe(inMemory.code);
    const findings = findingsOf(spilled.stdout);
    expect(findings.some((f) => (f as { rule: string }).rule === 'inhuman-cadence')).toBe(true);
    expect(findings).toEqual(findingsOf(inMemory.stdout));
  });

  it('is the budget the scan keeps to: 1KB spills the demo (an unwritable TMPDIR then fails), the default does not', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'borrowscan-sample-memory-')), 'missing');
    const small = await withTmpdir(missing, () => runCli(['scan', DEMO, '--sample-memory', '1KB']));
    expect(small.code).toBe(2);
    expect(small.stderr.trim().split('\n')).toHaveLength(1);
    expect(small.stderr).toContain('could not write request samples to a temporary file');
    expect(small.stderr).toContain('--sample-memory');
    const byDefault = await withTmpdir(missing, () => runCli(['scan', DEMO]));
    expect(byDefault.code).toBe(1);
  });

  it.each([['lots'], ['0'], ['512'], ['64TB']])('rejects %s with one usage line and exit 2', async (value) => {
    const run = await runCli(['scan', DEMO, '--sample-memory', value]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--sample-memory/);
  });
});
