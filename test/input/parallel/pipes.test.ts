import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { borrowedSessionLog } from '../../cli/okta-lines.js';

// The worker thread runs the built JavaScript: these tests drive bin/ (npm test builds it first).
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repo, 'bin', 'borrowscan.js');
const built = existsSync(join(repo, 'dist', 'input', 'parallel', 'parse-worker.js'));
const haveMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const haveBash = spawnSync('bash', ['-c', 'true']).status === 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a shell command line in its own process group, all of it killed after `ms`: a scan that waits forever on a
 * pipe fails here, not at the test timeout, and leaves nothing running.
 */
function sh(command: string, ms = 10_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', command], { cwd: repo, env: { ...process.env, CI: 'true' }, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const log = (() => {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-pipes-')), 'okta.ndjson');
  writeFileSync(path, borrowedSessionLog());
  return path;
})();
const scan = (input: string, worker: string) => `node ${JSON.stringify(bin)} scan ${input} --format json --worker ${worker}`;

/** The report with the input's name taken out: a pipe's name differs from run to run. */
function report(run: Run): unknown {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const parsed = JSON.parse(run.stdout) as { inputs: { path: string }[] };
  for (const input of parsed.inputs) input.path = '<input>';
  return parsed;
}

describe.skipIf(!built || !haveBash)('--worker always on a file that is no regular file is read on one thread', () => {
  it('a process substitution, <(cat f): the report of --worker never (it failed with an internal error)', async () => {
    const always = await sh(scan(`<(cat ${JSON.stringify(log)})`, 'always'));
    const never = await sh(scan(`<(cat ${JSON.stringify(log)})`, 'never'));
    expect(report(always)).toEqual(report(never));
  });

  it.skipIf(!haveMkfifo)('a named pipe: read once, to its end, the report of --worker never (it waited forever)', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'borrowscan-fifo-')), 'okta.pipe');
    spawnSync('mkfifo', [fifo]);
    const feed = (worker: string) =>
      sh(`cat ${JSON.stringify(log)} > ${JSON.stringify(fifo)} & ${scan(JSON.stringify(fifo), worker)}; code=$?; wait; exit $code`);
    const always = await feed('always');
    const never = await feed('never');
    expect(report(always)).toEqual(report(never));
  });
});
