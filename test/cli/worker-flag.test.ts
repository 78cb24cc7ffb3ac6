import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'bin', 'borrowscan.js');
const built = existsSync(join(repo, 'dist', 'input', 'parallel', 'parse-worker.js'));
if (!built) console.warn('dist/ is not built (npm test builds it first): skipping the --worker CLI tests');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

describe('--worker', () => {
  it.skipIf(!built)('accepts always and never, and the demo report is the same with both', () => {
    const always = cli('scan', 'fixtures/demo', '--format', 'json', '--worker', 'always');
    const never = cli('scan', 'fixtures/demo', '--format', 'json', '--worker', 'never');
    expect([always.status, never.status]).toEqual([1, 1]);
    expect(always.stdout).toBe(never.stdout);
    expect(JSON.parse(always.stdout).findings.length).toBeGreaterThan(0);
  });

  it('rejects an unknown mode with exit code 2 and names the choices', async () => {
    const r = await runCli(['scan', 'fixtures/demo', '--worker', 'sometimes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--worker.*auto, always, never/);
  });
});
