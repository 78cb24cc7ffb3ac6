import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_MAC, oktaEvent } from './okta-lines.js';
import { runCli } from './run-cli.js';

function oktaFile(times: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-times-')), 'okta.ndjson');
  const lines = times.map((published, i) =>
    JSON.stringify(
      oktaEvent({
        published,
        eventType: 'user.session.start',
        user: `u${i}@example.com`,
        session: `102s${i}`,
        ua: CHROME_MAC,
        ip: '198.51.100.7',
      }),
    ),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('a record whose time cannot be', () => {
  it('is skipped with a reason that quotes the value, not read as another day', async () => {
    const path = oktaFile([
      '2026-11-02T09:00:00.000Z',
      '2026-02-30T09:00:00.000Z',
      '2026-11-02T09:00:00+99:99',
      '2026-11-02T09:05:00.000Z',
    ]);
    const run = await runCli(['scan', path, '--format', 'json']);
    const input = JSON.parse(run.stdout).inputs[0];
    expect(input.events).toBe(2);
    expect(input.errors).toEqual([
      { line: 2, reason: expect.stringContaining('2026-02-30T09:00:00.000Z') },
      { line: 3, reason: expect.stringContaining('+99:99') },
    ]);
  });
});

describe('--since and --until', () => {
  it('refuse an age too long ago to be a time: one line, exit 2 (it was taken, and matched nothing)', async () => {
    for (const flag of ['--until', '--since']) {
      const run = await runCli(['scan', oktaFile(['2026-11-02T09:00:00.000Z']), flag, '99999999999999d']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `borrowscan: error: ${flag} "99999999999999d" is too long ago to be a time: give an age such as 30m, 24h, 7d\n`,
      );
    }
  });

  it('refuse an age whose number is past what is exact', async () => {
    const run = await runCli(['scan', oktaFile(['2026-11-02T09:00:00.000Z']), '--since', '99999999999999999999s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/too long ago to be a time/);
  });

  it('refuse a day the month does not have', async () => {
    const run = await runCli(['scan', oktaFile(['2026-11-02T09:00:00.000Z']), '--since', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--since "2026-02-30" is not a time/);
  });

  it('take a long but real age', async () => {
    const run = await runCli(['scan', oktaFile(['2026-11-02T09:00:00.000Z']), '--since', '36500d', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.events).toBe(1);
  });
});
