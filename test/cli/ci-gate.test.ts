import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { borrowedSessionLog } from './okta-lines.js';
import { runCli } from './run-cli.js';

function setup(): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'borrowscan-gate-'));
  const log = join(dir, 'okta.ndjson');
  writeFileSync(log, borrowedSessionLog());
  return { dir, log };
}

async function findingId(log: string): Promise<string> {
  return JSON.parse((await runCli(['scan', log, '--format', 'json'])).stdout).findings[0].id;
}

describe('CI gate', () => {
  it('writes several reports from one run, next to the table on stdout', async () => {
    const { dir, log } = setup();
    const out = (name: string) => join(dir, name);
    const run = await runCli([
      'scan',
      log,
      '--json',
      out('r.json'),
      '--jsonl',
      out('r.jsonl'),
      '--sarif',
      out('r.sarif'),
      '--csv',
      out('r.csv'),
      '--markdown',
      out('r.md'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('agent-on-human-session');
    const id = JSON.parse(readFileSync(out('r.json'), 'utf8')).findings[0].id;
    expect(JSON.parse(readFileSync(out('r.jsonl'), 'utf8').trim()).id).toBe(id);
    expect(Object.values(JSON.parse(readFileSync(out('r.sarif'), 'utf8')).runs[0].results[0].partialFingerprints)).toEqual([id]);
    expect((parse(readFileSync(out('r.csv'), 'utf8'), { columns: true }) as { id: string }[])[0]!.id).toBe(id);
    expect(readFileSync(out('r.md'), 'utf8')).toMatch(/^## borrowscan/);
  });

  it('does not fail on findings that are in the baseline, and shows them apart', async () => {
    const { dir, log } = setup();
    const baseline = join(dir, 'baseline.json');
    expect((await runCli(['baseline', log, '-o', baseline])).code).toBe(0);
    const run = await runCli(['scan', log, '--baseline', baseline]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No new findings\./);
    expect(run.stdout).toMatch(/Known findings \(in the baseline\): 1/);
    expect(run.stdout).not.toContain('python-requests/2.32.3 [http-library]');
    const full = await runCli(['scan', log, '--baseline', baseline, '--show-known']);
    expect(full.stdout).toContain('python-requests/2.32.3 [http-library]');
  });

  it('refuses a baseline that is not a borrowscan report, with exit 2', async () => {
    const { dir, log } = setup();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"findings": "nope"}');
    const run = await runCli(['scan', log, '--baseline', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a borrowscan JSON report/);
  });

  it('suppresses with a reason, lists suppressed findings on request, and fails on stale entries with --fail-on-stale', async () => {
    const { dir, log } = setup();
    const id = await findingId(log);
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(
      ignore,
      `suppressions:\n  - id: ${id}\n    reason: accepted test rig\n  - id: bs-ffffffffffffffff\n    reason: old entry\n`,
    );
    const run = await runCli(['scan', log, '--ignore-file', ignore]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Suppressed findings: 1/);
    expect(run.stdout).toMatch(/ignore\.yaml:4 {2}matched nothing: old entry/);
    expect((await runCli(['scan', log, '--ignore-file', ignore, '--show-suppressed'])).stdout).toMatch(/suppressed accepted test rig/);
    expect((await runCli(['scan', log, '--ignore-file', ignore, '--fail-on-stale'])).code).toBe(1);
  });

  it('stops suppressing after an entry expires, and reports the expired entry', async () => {
    const { dir, log } = setup();
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(ignore, `suppressions:\n  - id: ${await findingId(log)}\n    reason: temporary\n    expires: 2026-11-01\n`);
    const run = await runCli(['scan', log, '--ignore-file', ignore, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings[0].status).toBe('new');
    expect(report.staleSuppressions).toMatchObject([{ why: 'expired', line: 2 }]);
  });

  it('exits 2 with file:line:column for an invalid suppression file', async () => {
    const { dir, log } = setup();
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(ignore, 'suppressions:\n  - id: bs-0123456789abcdef\n    reson: typo\n');
    const run = await runCli(['scan', log, '--ignore-file', ignore]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ignore\.yaml:2:5: /);
  });

  it('exits 3 when more records are unreadable than --max-errors allows, and not without the flag', async () => {
    const { dir, log } = setup();
    writeFileSync(log, `${borrowedSessionLog()}\n{broken\nnot json either\n`);
    expect((await runCli(['scan', log, '--max-errors', '1'])).code).toBe(3);
    expect((await runCli(['scan', log, '--max-errors', '2'])).code).toBe(1);
    expect((await runCli(['scan', log])).code).toBe(1);
    expect((await runCli(['scan', log, '--max-errors', 'many'])).code).toBe(2);
    void dir;
  });

  it('draws no color and no progress when CI is set, unless asked for', async () => {
    const { log } = setup();
    const ci = await runCli(['scan', log], { tty: true, env: { CI: 'true' } });
    expect(ci.stdout).not.toContain('\x1b[');
    expect(ci.stderr).toBe('');
    const forced = await runCli(['scan', log, '--color'], { tty: true, env: { CI: 'true' } });
    expect(forced.stdout).toContain('\x1b[');
    const local = await runCli(['scan', log], { tty: true, env: {} });
    expect(local.stdout).toContain('\x1b[');
  });
});
