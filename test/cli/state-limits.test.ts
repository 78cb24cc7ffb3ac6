import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** An access log of `sessions` sessions, `clients` distinct user agents on the first. */
function accessLog(sessions: number, clientsOnFirst = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'borrowscan-limits-'));
  const lines: string[] = [];
  for (let i = 0; i < sessions; i++) {
    lines.push(
      JSON.stringify({
        timestamp: `2026-11-02T09:00:${String(i % 60).padStart(2, '0')}Z`,
        'http.request.method': 'GET',
        'url.path': '/api/x',
        'http.response.status_code': 200,
        'user_agent.original': 'python-requests/2.32.3',
        'session.id': `s-${i}`,
      }),
    );
  }
  for (let c = 1; c < clientsOnFirst; c++) {
    lines.push(
      JSON.stringify({
        timestamp: '2026-11-02T09:30:00Z',
        'http.request.method': 'GET',
        'url.path': '/api/x',
        'http.response.status_code': 200,
        'user_agent.original': `Tool${c}/1.0`,
        'session.id': 's-0',
      }),
    );
  }
  const path = join(dir, 'access.ndjson');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('ceilings on the state a scan keeps', () => {
  it('stops with one error line that names --max-sessions when a scan holds more sessions, and reports nothing', async () => {
    const run = await runCli(['scan', accessLog(30), '--max-sessions', '20', '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^borrowscan: error: more than 20 sessions in this scan \(--max-sessions\): raise --max-sessions/);
  });

  it('counts clients over all sessions against --max-clients', async () => {
    const run = await runCli(['scan', accessLog(2, 12), '--max-clients', '10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/more than 10 clients in this scan \(--max-clients\)/);
  });

  it('scans normally within the ceilings', async () => {
    const run = await runCli(['scan', accessLog(20), '--max-sessions', '20', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.sessions).toBe(20);
  });
});
