import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordSize } from '../../src/cli/size-arg.js';
import { CHROME_MAC, oktaEvent } from './okta-lines.js';
import { runCli } from './run-cli.js';

function file(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-size-')), name);
  writeFileSync(path, content);
  return path;
}

const event = (i: number, pad = '') =>
  JSON.stringify({
    ...oktaEvent({
      published: `2026-11-02T09:0${i}:00.000Z`,
      eventType: 'user.session.start',
      user: `u${i}@example.com`,
      session: `102s${i}`,
      ua: CHROME_MAC,
      ip: '198.51.100.7',
    }),
    ...(pad ? { pad } : {}),
  });

const nginxLine = readFileSync(new URL('../../fixtures/combined-log/nginx-combined/access.log', import.meta.url), 'utf8').split('\n')[0]!;

describe('--max-record-size', () => {
  it('skips a record larger than SIZE with its line and a reason that names the flag; the rest is read', async () => {
    const ndjson = file('okta.ndjson', [event(1), event(2, 'x'.repeat(8000)), event(3)].join('\n'));
    const array = file(
      'okta.json',
      JSON.stringify([JSON.parse(event(1)), JSON.parse(event(2, 'x'.repeat(8000))), JSON.parse(event(3))], null, 2),
    );
    const run = await runCli(['scan', ndjson, array, '--max-record-size', '4KB', '--format', 'json']);
    const inputs = JSON.parse(run.stdout).inputs;
    expect(inputs.map((i: { events: number }) => i.events)).toEqual([2, 2]);
    expect(inputs[0].errors).toEqual([{ line: 2, reason: 'record larger than 4 KB (--max-record-size), skipped' }]);
    expect(inputs[1].errors).toEqual([{ line: expect.any(Number), reason: 'record larger than 4 KB (--max-record-size), skipped' }]);
    expect(run.stderr).toMatch(/1 line\(s\) skipped/);
  });

  it('is 16 MB by default: a text log line of 17 MB is skipped, the lines around it read', async () => {
    const long = nginxLine.replace('GET /app/dashboard', `GET /${'a'.repeat(17 * 1024 * 1024)}`);
    const path = file('access.log', `${nginxLine}\n${long}\n${nginxLine}\n`);
    const run = await runCli(['scan', path, '--format', 'json']);
    const input = JSON.parse(run.stdout).inputs[0];
    expect(input).toMatchObject({ format: 'combined-log', events: 2, skipped: 1 });
    expect(input.errors).toEqual([{ line: 2, reason: 'record larger than 16 MB (--max-record-size), skipped' }]);
  });

  it('refuses a size it cannot take: one line, exit 2', async () => {
    for (const bad of ['12XB', '0', '100', '1GB', '-5MB', '']) {
      const run = await runCli(['scan', file('okta.ndjson', event(1)), '--max-record-size', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr.trim().split('\n')[0], bad).toMatch(
        /^borrowscan: error: option '--max-record-size <size>' argument '.*' is invalid\. expected a size/,
      );
    }
  });

  it('reads sizes in binary units', () => {
    expect(parseRecordSize('16MB')).toBe(16 * 1024 * 1024);
    expect(parseRecordSize('512kb')).toBe(512 * 1024);
    expect(parseRecordSize('1.5 MiB')).toBe(1.5 * 1024 * 1024);
    expect(parseRecordSize('2048')).toBe(2048);
    expect(parseRecordSize('256M')).toBe(256 * 1024 * 1024);
  });
});
