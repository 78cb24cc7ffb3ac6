import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('--sarif-root and --sarif-category', () => {
  it('URIs are relative to the working directory by default, and to --sarif-root when given', async () => {
    const plain = JSON.parse((await runCli(['scan', 'fixtures/demo', '--format', 'sarif'])).stdout);
    expect(plain.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(process.cwd()).href}/`);
    expect(plain.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^fixtures\/demo\//);

    const rooted = JSON.parse((await runCli(['scan', 'fixtures/demo', '--format', 'sarif', '--sarif-root', 'fixtures'])).stdout);
    expect(rooted.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(resolve('fixtures')).href}/`);
    expect(rooted.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^demo\//);
  });

  it('--sarif-category reaches the SARIF file written with --sarif FILE', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bs-sarif-')), 'r.sarif');
    const run = await runCli(['scan', 'fixtures/demo', '--sarif', file, '--sarif-category', 'borrowscan-nightly']);
    expect(run.code).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].automationDetails).toEqual({ id: 'borrowscan-nightly/' });
  });

  it('a --sarif-root that is no directory is one error line, exit 2, before reading any log', async () => {
    const run = await runCli(['scan', 'fixtures/demo', '--sarif-root', 'no/such/dir']);
    expect(run).toMatchObject({ code: 2, stderr: 'borrowscan: error: --sarif-root no/such/dir: no such file or directory\n', stdout: '' });
    const file = await runCli(['scan', 'fixtures/demo', '--sarif-root', 'README.md']);
    expect(file.stderr).toBe('borrowscan: error: --sarif-root README.md: not a directory\n');
  });
});
