import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { borrowedSessionLog } from './okta-lines.js';
import { runCli } from './run-cli.js';

function file(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-empty-')), name);
  writeFileSync(path, content);
  return path;
}

describe('an empty input: a quiet day has no events', () => {
  for (const [what, content] of [
    ['an empty file', ''],
    ['a file of blank lines', '\n \r\n\t\n'],
    ['an empty gzip file', gzipSync('')],
  ] as const) {
    it(`${what} named on the command line is read as 0 events with a warning, exit 0 (it was "not a log", exit 2)`, async () => {
      const path = file('okta-2026-11-02.ndjson', content);
      const run = await runCli(['scan', path, '--format', 'json']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`borrowscan: warning: ${path}: empty file: no events\n`);
      const report = JSON.parse(run.stdout);
      expect(report.inputs).toEqual([
        { path, format: null, events: 0, skipped: 0, errors: [], errorsNotListed: 0, gaps: [], warning: 'empty file: no events' },
      ]);
      expect(report.summary).toMatchObject({ files: 1, filesNotRead: 0, events: 0 });
    });
  }

  it('on standard input, the same', async () => {
    const run = await runCli(['scan', '-', '--format', 'json'], { stdin: '' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).inputs[0].warning).toBe('empty file: no events');
  });

  it('beside other files: they are read as usual and the table says the empty one was empty', async () => {
    const empty = file('empty.log', '');
    const log = file('okta.ndjson', borrowedSessionLog());
    const run = await runCli(['scan', empty, log]);
    expect(run.code).toBe(1);
    const inputs = run.stdout.slice(run.stdout.indexOf('Inputs'));
    expect(inputs).toMatch(/\n {2}\S+ +warning: empty file: no events\n/);
    expect(inputs).toMatch(/ okta +2 events/);
    expect(run.stderr).toBe('');
  });
});
