import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { borrowedSessionLog } from './okta-lines.js';
import { runInShell } from './spawn-cli.js';

const DEMO = ['scan', 'fixtures/demo'];
const haveDevFull = existsSync('/dev/full');

/** A log with `n` borrowed sessions: a report of some megabytes, more than a pipe holds. */
function manySessions(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bs-write-errors-'));
  const file = join(dir, 'okta.ndjson');
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(borrowedSessionLog('python-requests/2.32.3', `102s${i}`).replace(/bob@/g, `user${i}@`));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('standard output that cannot be written', () => {
  it.skipIf(!haveDevFull)('on a full disk is one error line and exit 2, not a stack trace', () => {
    const run = runInShell(DEMO, '> /dev/full');
    expect(run.stderr).toBe('borrowscan: error: cannot write to standard output: no space left on device\n');
    expect(run.code).toBe(2);
  });

  it.skipIf(!haveDevFull)('on a full disk for the other commands too (rules, --help)', () => {
    for (const args of [['rules'], ['scan', '--help']]) {
      const run = runInShell(args, '> /dev/full');
      expect(run.stderr).toBe('borrowscan: error: cannot write to standard output: no space left on device\n');
      expect(run.code).toBe(2);
    }
  });

  it('closed by its reader ends quietly with the exit code the scan would have had', () => {
    // `true` has exited before borrowscan writes anything: every write meets a closed pipe.
    const closed = runInShell([...DEMO, '--format', 'json'], '| true');
    expect(closed).toEqual({ code: 1, stderr: '' });
    const quiet = runInShell([...DEMO, '--fail-on', 'none'], '| true');
    expect(quiet).toEqual({ code: 0, stderr: '' });
  });

  it('closed by `head -1` in the middle of a large report ends quietly', () => {
    const log = manySessions(3000);
    for (const format of ['json', 'table', 'csv']) {
      expect(runInShell(['scan', log, '--format', format, '--table-limit', '0'], '| head -1 > /dev/null')).toEqual({ code: 1, stderr: '' });
    }
  });

  it('closed while commander prints help ends quietly with exit 0', () => {
    expect(runInShell(['scan', '--help'], '| true')).toEqual({ code: 0, stderr: '' });
    expect(runInShell(['--version'], '| true')).toEqual({ code: 0, stderr: '' });
  });

  it('closed by its reader still lets the report files be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-write-errors-'));
    const run = runInShell([...DEMO, '--json', join(dir, 'r.json'), '--markdown', join(dir, 'r.md')], '| true');
    expect(run).toEqual({ code: 1, stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).summary.findings).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^## borrowscan/);
  });
});

describe('a report file that cannot be written', () => {
  it.skipIf(!haveDevFull)('does not stop the reports after it; the run says which file failed and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-write-errors-'));
    const run = runInShell([...DEMO, '--json', '/dev/full', '--markdown', join(dir, 'r.md'), '--csv', join(dir, 'r.csv')], '> /dev/null');
    expect(run.stderr).toBe('borrowscan: error: cannot write /dev/full: no space left on device\n');
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^## borrowscan/);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toMatch(/^id,status,severity/);
  });

  it('in a folder that does not exist: one line per file, every other report written, exit 2 even with findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-write-errors-'));
    const run = runInShell(
      [...DEMO, '--sarif', join(dir, 'missing/r.sarif'), '--jsonl', join(dir, 'r.jsonl'), '-o', join(dir, 'missing/table.txt')],
      '> /dev/null',
    );
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `borrowscan: error: cannot write ${join(dir, 'missing/table.txt')}: no such file or directory`,
      `borrowscan: error: cannot write ${join(dir, 'missing/r.sarif')}: no such file or directory`,
    ]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'r.jsonl'), 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });

  it('as the baseline is one error line and exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-write-errors-'));
    const run = runInShell(['baseline', 'fixtures/demo', '-o', join(dir, 'missing/b.json')], '> /dev/null');
    expect(run.stderr).toBe(`borrowscan: error: cannot write ${join(dir, 'missing/b.json')}: no such file or directory\n`);
    expect(run.code).toBe(2);
  });
});
