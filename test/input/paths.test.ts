import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths, type PathFs } from '../../src/input/paths.js';
import { runCli } from '../cli/run-cli.js';
import { borrowedSessionLog } from '../cli/okta-lines.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'borrowscan-paths-'));
}

const fixtureLog = readFileSync(new URL('../../fixtures/combined-log/nginx-combined/access.log', import.meta.url));
const relativeTo = (dir: string) => (p: string) => p.slice(dir.length + 1);

async function scanJson(...args: string[]) {
  const run = await runCli(['scan', ...args, '--format', 'json']);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
}

describe('reading a folder', () => {
  it('follows a symbolic link to a log (it used to give 0 events, without a word)', async () => {
    const dir = folder();
    const elsewhere = folder();
    writeFileSync(join(elsewhere, 'access.log'), fixtureLog);
    symlinkSync(join(elsewhere, 'access.log'), join(dir, 'today.log'));
    const { code, report } = await scanJson(dir);
    expect(code).not.toBe(2);
    expect(report.inputs).toHaveLength(1);
    expect(report.inputs[0]).toMatchObject({ path: join(dir, 'today.log'), format: 'combined-log' });
    expect(report.inputs[0].events).toBeGreaterThan(0);
  });

  it('reads a file once when links in the folder point at it, under a name that is no symbolic link, and lists the others', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'z-2026-11-02.log'), fixtureLog);
    symlinkSync('z-2026-11-02.log', join(dir, 'a-latest.log'));
    linkSync(join(dir, 'z-2026-11-02.log'), join(dir, 'm-hardlink.log'));
    const files = await expandPaths([dir]);
    expect(files.map((f) => [relativeTo(dir)(f.path), f.notRead])).toEqual([
      // A hard link is as much the file's name as the first: the first in name order is read.
      ['a-latest.log', `the same file as ${join(dir, 'm-hardlink.log')} (read once)`],
      ['m-hardlink.log', undefined],
      ['z-2026-11-02.log', `the same file as ${join(dir, 'm-hardlink.log')} (read once)`],
    ]);
  });

  it('follows a link to a folder, and a link that loops back ends: the folder is read once', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'access.log'), fixtureLog);
    symlinkSync('..', join(dir, 'logs', 'up'));
    const files = await expandPaths([dir]);
    expect(files.map((f) => [relativeTo(dir)(f.path), f.notRead])).toEqual([
      ['logs/access.log', undefined],
      ['logs/up', `the same folder as ${dir} (read once)`],
    ]);
  });

  it('lists a broken link and a link loop as not read, with why, and reads the rest', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'okta.ndjson'), borrowedSessionLog());
    symlinkSync(join(dir, 'gone.log'), join(dir, 'broken.log'));
    symlinkSync('self.log', join(dir, 'self.log'));
    const { code, report } = await scanJson(dir);
    expect(code).toBe(1);
    const notRead = Object.fromEntries(report.inputs.map((i: { path: string; notRead?: string }) => [relativeTo(dir)(i.path), i.notRead]));
    expect(notRead).toEqual({
      'broken.log': 'a symbolic link to nothing: its target does not exist',
      'okta.ndjson': undefined,
      'self.log': 'a symbolic link that loops back on itself',
    });
    expect(report.summary.filesNotRead).toBe(2);
  });

  it('lists a folder that cannot be read as not read, and the scan goes on (it used to stop with exit 2)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'secret.log'), fixtureLog);
    writeFileSync(join(dir, 'okta.ndjson'), borrowedSessionLog());
    const locked = join(dir, 'locked');
    const denied: PathFs = {
      ...nodeFs,
      readdir: async (path, options) => {
        if (path === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
        return nodeFs.readdir(path, options);
      },
    };
    const files = await expandPaths([dir], denied);
    expect(files.map((f) => [relativeTo(dir)(f.path), f.notRead])).toEqual([
      ['locked', 'folder could not be read: permission denied'],
      ['okta.ndjson', undefined],
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('really: a folder without read permission (as a user; root reads every folder)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'okta.ndjson'), borrowedSessionLog());
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const { code, report, stderr } = await scanJson(dir);
      expect(code).toBe(1);
      expect(report.inputs.find((i: { path: string }) => i.path.endsWith('locked')).notRead).toBe(
        'folder could not be read: permission denied',
      );
      expect(stderr).toMatch(/locked not read: folder could not be read: permission denied/);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  it('lists a named pipe in a folder as not read instead of waiting on it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'okta.ndjson'), borrowedSessionLog());
    const made = spawnSync('mkfifo', [join(dir, 'pipe')]);
    if (made.status !== 0) return;
    const files = await expandPaths([dir]);
    expect(files.find((f) => f.path.endsWith('pipe'))?.notRead).toMatch(/^a named pipe, not a file/);
  });
});

describe('paths named on the command line', () => {
  it('that cannot be read stay an error: one line, exit 2', async () => {
    const dir = folder();
    const run = await runCli(['scan', join(dir, 'missing.log')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`borrowscan: error: cannot read ${join(dir, 'missing.log')}: no such file or directory\n`);
  });

  it('that cannot be read because of a link are an error too', async () => {
    const dir = folder();
    symlinkSync(join(dir, 'gone'), join(dir, 'link.log'));
    const run = await runCli(['scan', join(dir, 'link.log')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('named twice, or as a file inside a folder also named, are read once without a word', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'okta.ndjson'), borrowedSessionLog());
    const files = await expandPaths([join(dir, 'okta.ndjson'), dir, join(dir, 'okta.ndjson'), dir]);
    expect(files).toEqual([{ path: join(dir, 'okta.ndjson'), explicit: true, size: borrowedSessionLog().length }]);
  });
});
