import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/input/registry.js';
import { runCli } from './run-cli.js';

describe('borrowscan formats', () => {
  it('lists every format with how it is detected and its user, session, client and time fields', async () => {
    const run = await runCli(['formats', '--format', 'json']);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { id: string; detectedBy: string; fields: Record<string, string> }[];
    expect(listed.map((f) => f.id)).toEqual(FORMATS.map((f) => f.id));
    for (const f of listed) {
      expect(f.detectedBy.length).toBeGreaterThan(10);
      for (const field of ['user', 'session', 'client', 'time']) expect(f.fields[field], `${f.id}.${field}`).toBeTruthy();
    }
    expect((await runCli(['formats'])).stdout).toMatch(/^okta {2}Okta System Log\n {4}reads/);
  });
});

describe('what an input lacks for correlation', () => {
  it('says when an access log has no session id, no user agent or no user, and what that means', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-gaps-'));
    const log = join(dir, 'access.jsonl');
    const line = (i: number) =>
      JSON.stringify({ timestamp: `2026-11-02T09:00:0${i}Z`, method: 'GET', path: `/x/${i}`, status: 200, ip: '198.51.100.1' });
    writeFileSync(log, [0, 1, 2].map(line).join('\n'));
    const report = JSON.parse((await runCli(['scan', log, '--format', 'json'])).stdout);
    const gaps: string[] = report.inputs[0].gaps;
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toMatch(/^all 3 events carry no session or token id: they join .* only by user, IP and time/);
    expect(gaps[1]).toMatch(/have no user agent: their clients cannot be classified/);
    expect(gaps[2]).toMatch(/name no user/);
  });

  it('reports no gap for an input that carries everything', async () => {
    const report = JSON.parse(
      (await runCli(['scan', 'fixtures/demo/api-gateway-access.jsonl', '--format', 'json', '--fail-on', 'none'])).stdout,
    );
    expect(report.inputs[0].gaps).toEqual([]);
  });
});
