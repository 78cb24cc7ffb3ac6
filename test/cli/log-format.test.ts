import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = fileURLToPath(new URL('../../fixtures/log-format/agent-headers/', import.meta.url));
const spec = readFileSync(`${dir}log_format.conf`, 'utf8');

describe('scan --log-format', () => {
  it('reads text lines in a custom nginx layout and never reports credentials', async () => {
    const run = await runCli(['scan', `${dir}access.log`, '--log-format', spec, '--format', 'json', '--fail-on', 'none']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.inputs[0]).toMatchObject({ format: 'log-format', events: 5, skipped: 3 });
    expect(run.stdout).not.toMatch(/Bearer|access_token|Basic /);
  });

  it('exits 2 with the reason for a log_format it cannot use', async () => {
    const run = await runCli(['scan', `${dir}access.log`, '--log-format', '$remote_addr $status']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^borrowscan: error: invalid --log-format: it has no time variable/);
  });
});
