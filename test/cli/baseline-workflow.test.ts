import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { borrowedSessionLog, CHROME_MAC, oktaEvent } from './okta-lines.js';
import { runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'bin', 'borrowscan.js');

/** The commands of the README's "The baseline workflow" block, as argument lists. */
function readmeWorkflow(): string[][] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const section = readme.split('### The baseline workflow')[1]!;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.length > 0)
    .map((l) => {
      const [cmd, ...args] = l.split(/\s+/);
      expect(cmd).toBe('borrowscan');
      return args;
    });
}

function humanOnly(user: string, session: string): string {
  return [
    oktaEvent({ published: '2026-11-02T08:00:00Z', eventType: 'user.session.start', user, session, ua: CHROME_MAC, ip: '198.51.100.3' }),
    oktaEvent({
      published: '2026-11-02T08:05:00Z',
      eventType: 'user.authentication.sso',
      user,
      session,
      ua: CHROME_MAC,
      ip: '198.51.100.3',
    }),
  ]
    .map((e) => JSON.stringify(e))
    .join('\n');
}

const built = existsSync(join(repo, 'dist', 'cli', 'main.js'));
if (!built) console.warn('dist/ is not built (npm test builds it first): skipping the README baseline workflow test');

describe('the README baseline workflow', () => {
  it.skipIf(!built)('writes a baseline, passes on the same data, fails on one new borrowed session only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'borrowscan-workflow-'));
    mkdirSync(join(dir, 'exports', 'day1'), { recursive: true });
    mkdirSync(join(dir, 'exports', 'day2'), { recursive: true });
    const day1 = `${borrowedSessionLog('python-requests/2.32.3', '102known')}\n${humanOnly('dave@example.com', '102dave')}\n`;
    writeFileSync(join(dir, 'exports', 'day1', 'okta.ndjson'), day1);
    // Day 2: yesterday's export again (the window grew), plus a new borrowed session.
    writeFileSync(join(dir, 'exports', 'day2', 'okta-1.ndjson'), day1);
    writeFileSync(join(dir, 'exports', 'day2', 'okta-2.ndjson'), borrowedSessionLog('curl/8.7.1', '102fresh').replaceAll('bob@', 'erin@'));

    const steps = readmeWorkflow();
    expect(steps).toHaveLength(3);
    const runs = steps.map((args) =>
      spawnSync(process.execPath, [bin, ...args, ...(args[0] === 'scan' ? ['--format', 'json'] : [])], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      }),
    );

    expect(runs.map((r) => r.status)).toEqual([0, 0, 1]);
    expect(runs[0]!.stderr).toMatch(/baseline \.borrowscan-baseline\.json: 1 finding/);
    const second = JSON.parse(runs[1]!.stdout);
    expect([second.summary.new, second.summary.known]).toEqual([0, 1]);
    const third = JSON.parse(runs[2]!.stdout);
    const fresh = third.findings.filter((f: { status: string }) => f.status === 'new');
    expect(fresh.map((f: { user: string; session: string }) => [f.user, f.session])).toEqual([['erin@example.com', '102fresh']]);
    expect(third.summary.known).toBe(1);
  });
});

describe('borrowscan baseline writes what a baseline needs', () => {
  it('leaves out the timelines a scan report carries for drawing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'borrowscan-baseline-')), 'baseline.json');
    expect((await runCli(['baseline', 'fixtures/demo', '-o', file])).code).toBe(0);
    const findings = JSON.parse(readFileSync(file, 'utf8')).findings as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f).not.toHaveProperty('timeline');
  });
});
