import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { borrowedSessionLog, oktaEvent, CHROME_MAC } from './okta-lines.js';
import { runCli } from './run-cli.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'borrowscan-cli-'));
}

function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('borrowscan scan: exit codes and errors', () => {
  it('exits 1 and prints the finding when automation rides on a human session', async () => {
    const file = write(tempDir(), 'okta.ndjson', borrowedSessionLog());
    const run = await runCli(['scan', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('agent-on-human-session');
    expect(run.stdout).toContain('CRITICAL');
    expect(run.stderr).toBe('');
  });

  it('exits 0 with --fail-on none, and with --fail-on above the worst finding', async () => {
    const file = write(tempDir(), 'okta.ndjson', borrowedSessionLog('python-requests/2.32.3'));
    expect((await runCli(['scan', file, '--fail-on', 'none'])).code).toBe(0);
    const sameNet = write(tempDir(), 'okta.ndjson', borrowedSessionLog().replace('203.0.113.50', '198.51.100.8'));
    expect((await runCli(['scan', sameNet, '--fail-on', 'critical'])).code).toBe(0);
    expect((await runCli(['scan', sameNet, '--fail-on', 'high'])).code).toBe(1);
  });

  it('hides findings below --min-severity without changing the exit code', async () => {
    const file = write(tempDir(), 'okta.ndjson', borrowedSessionLog());
    const run = await runCli(['scan', file, '--min-severity', 'critical', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toHaveLength(1);
    const none = await runCli(['scan', file, '--min-severity', 'critical', '--format', 'json', '--since', '2026-11-02T09:30:00Z']);
    expect(JSON.parse(none.stdout).findings).toHaveLength(0);
  });

  it('exits 2 with one error line for a path that does not exist', async () => {
    const run = await runCli(['scan', '/no/such/file.json']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['borrowscan: error: cannot read /no/such/file.json: no such file or directory']);
    expect(run.stdout).toBe('');
  });

  it('exits 2 for an unknown flag value and names the allowed ones', async () => {
    const run = await runCli(['scan', '--format', 'xml', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are table, json, jsonl/);
  });

  it('exits 2 for an unreadable --since', async () => {
    const file = write(tempDir(), 'okta.ndjson', borrowedSessionLog());
    const run = await runCli(['scan', file, '--since', 'yesterday-ish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--since "yesterday-ish" is not a time/);
  });

  it('exits 2 when a file named on the command line is no known log, naming the supported formats', async () => {
    const file = write(tempDir(), 'notes.txt', 'dear diary\nnothing to see\n');
    const run = await runCli(['scan', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a log borrowscan can read .*supported formats: okta, entra-signin/);
  });

  it('lists a file in a scanned directory that is no known log as not read, and goes on', async () => {
    const dir = tempDir();
    write(dir, 'README.txt', 'not a log\n');
    write(dir, 'okta.ndjson', borrowedSessionLog());
    const run = await runCli(['scan', dir, '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    const readme = report.inputs.find((i: { path: string }) => i.path.endsWith('README.txt'));
    expect(readme.notRead).toMatch(/not a log format borrowscan knows/);
    expect(run.stderr).toMatch(/README.txt not read/);
  });

  it('reads a gzip file by its magic bytes, whatever its name', async () => {
    const file = write(tempDir(), 'export.dat', gzipSync(borrowedSessionLog()));
    const run = await runCli(['scan', file, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).inputs[0].format).toBe('okta');
  });

  it('expands a quoted glob pattern, in name order, and says when it matches nothing', async () => {
    const dir = tempDir();
    write(dir, 'b.ndjson', borrowedSessionLog());
    write(dir, 'a.ndjson', borrowedSessionLog('curl/8.7.1', '102other'));
    write(dir, 'notes.txt', 'not matched\n');
    const run = await runCli(['scan', join(dir, '*.ndjson'), '--format', 'json']);
    expect(JSON.parse(run.stdout).inputs.map((i: { path: string }) => i.path.split('/').pop())).toEqual(['a.ndjson', 'b.ndjson']);
    const none = await runCli(['scan', join(dir, '*.gz')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no file matches/);
  });

  it('lists a corrupt or truncated gzip file in a scanned directory as not read, and reads the rest', async () => {
    const dir = tempDir();
    write(dir, 'good.ndjson', borrowedSessionLog());
    write(dir, 'cut.json.gz', gzipSync(borrowedSessionLog()).subarray(0, 12));
    const run = await runCli(['scan', dir, '--format', 'json']);
    expect(run.code).toBe(1);
    const cut = JSON.parse(run.stdout).inputs.find((i: { path: string }) => i.path.endsWith('cut.json.gz'));
    expect(cut.notRead).toMatch(/gzip data is corrupt or truncated/);
  });

  it('reads standard input with -', async () => {
    const run = await runCli(['scan', '-', '--format', 'jsonl'], { stdin: borrowedSessionLog() });
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((f) => f.rule)).toEqual(['agent-on-human-session']);
  });

  it('writes the report to -o FILE and nothing to stdout', async () => {
    const dir = tempDir();
    const file = write(dir, 'okta.ndjson', borrowedSessionLog());
    const out = join(dir, 'report.json');
    const run = await runCli(['scan', file, '--format', 'json', '-o', out]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.findings).toBe(1);
  });

  it('exits 2 when the report cannot be written', async () => {
    const dir = tempDir();
    const file = write(dir, 'okta.ndjson', borrowedSessionLog());
    mkdirSync(join(dir, 'sub'));
    const run = await runCli(['scan', file, '-o', join(dir, 'sub')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write/);
  });

  it('never lets terminal escapes from log fields reach the table raw', async () => {
    const evil = 'python-requests/2.32.3 \x1b]0;pwned\x07\x1b[2J\u009b31m\u202e';
    const lines = [
      oktaEvent({
        published: '2026-11-02T09:00:00Z',
        eventType: 'user.session.start',
        user: 'mallory\x1b[31m@example.com',
        session: 's\x1b[1m',
        ua: CHROME_MAC,
        ip: '198.51.100.7',
      }),
      oktaEvent({
        published: '2026-11-02T09:05:00Z',
        eventType: 'user.authentication.sso',
        user: 'mallory\x1b[31m@example.com',
        session: 's\x1b[1m',
        ua: evil,
        ip: '198.51.100.7',
      }),
    ].map((e) => JSON.stringify(e));
    const file = write(tempDir(), 'okta\x1b[5m.ndjson', lines.join('\n'));
    const run = await runCli(['scan', file, '--no-color']);
    expect(run.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout).toContain('\\x1b]0;pwned');
    const json = await runCli(['scan', file, '--format', 'json']);
    // eslint-disable-next-line no-control-regex
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json.stdout).findings[0].client.userAgent).toBe(evil);
  });

  it('refuses to wait on a terminal when no path is given', async () => {
    const run = await runCli(['scan']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no input/);
  });
});

describe('borrowscan rules', () => {
  it('lists every rule with id, severity, description and references as JSON', async () => {
    const run = await runCli(['rules', '--format', 'json']);
    expect(run.code).toBe(0);
    const rules = JSON.parse(run.stdout);
    expect(rules.map((r: { id: string }) => r.id)).toEqual([
      'agent-on-human-session',
      'agent-signed-in-as-person',
      'unrecognized-client-on-human-session',
      'session-context-change',
      'inhuman-cadence',
      'scope-exceeded',
      'outside-task-window',
      'overlong-session',
      'undeclared-agent',
      'break-glass-use',
    ]);
    for (const r of rules) {
      expect(r.description.length).toBeGreaterThan(40);
      expect(r.references.length).toBeGreaterThan(0);
    }
  });

  it('prints the rules as text by default', async () => {
    const run = await runCli(['rules']);
    expect(run.stdout).toMatch(/^agent-on-human-session {2}\(high\)/);
  });
});

describe('borrowscan --help and --version', () => {
  it('documents every scan flag and the exit codes', async () => {
    const run = await runCli(['scan', '--help']);
    expect(run.code).toBe(0);
    for (const flag of [
      '--format',
      '--output',
      '--input-format',
      '--fail-on',
      '--min-severity',
      '--since',
      '--until',
      '--no-color',
      '--no-progress',
      '--quiet',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/Exit codes:/);
  });

  it('shows the usage on standard error and exits 2 when no command is given', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: borrowscan/);
  });

  it('prints the version', async () => {
    const run = await runCli(['--version']);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('help text', () => {
  it('wraps to the width of the terminal it is written to, not the process it runs in', async () => {
    const narrow = await runCli(['scan', '--help'], { columns: 72 });
    const wide = await runCli(['scan', '--help'], { columns: 200 });
    expect(narrow.code).toBe(0);
    const optionLines = (text: string) => text.split('\n').filter((l) => /^\s+(-|\[)/.test(l) || /^\s{10,}\S/.test(l));
    expect(Math.max(...optionLines(narrow.stdout).map((l) => l.length))).toBeLessThanOrEqual(72);
    expect(Math.max(...optionLines(wide.stdout).map((l) => l.length))).toBeGreaterThan(100);
  });
});
