import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './spawn-cli.js';

// Start-up is module loading (issue 12): each command loads what it runs and no more. These tests run the built CLI
// (npm test builds it) under a resolve hook and look at which files it loaded; they time nothing. The bin runs the
// bundle (dist/bundle/, scripts/bundle.mjs): a chunk's source map names the src/ modules it holds, and loading a chunk
// runs all of them, so those are the modules a command loaded.

const HOOK = fileURLToPath(new URL('../helpers/record-modules.mjs', import.meta.url));
const BIN = join(REPO, 'bin', 'borrowscan.js');
const work = mkdtempSync(join(tmpdir(), 'borrowscan-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Loaded {
  /** Files read, relative to the repository (`dist/bundle/main.js`), and package names (`zod`). */
  files: string[];
  /** The src/ modules in the bundle files read (`src/report/table.ts`), and the package names. */
  modules: string[];
}

let runs = 0;
/** What `borrowscan ARGS` loaded. */
function loadedBy(args: string[]): Loaded {
  const log = join(work, `modules-${runs++}.txt`);
  const run = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, BORROWSCAN_MODULE_LOG: log, CI: 'true' },
  });
  expect(run.status, run.stderr).not.toBeNull();
  const paths = [...new Set(readFileSync(log, 'utf8').split('\n'))]
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  const files = paths.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? relative(REPO, path));
  const modules = paths.flatMap((path, i) => (files[i]!.startsWith('dist/bundle/') ? sourcesOf(path) : [files[i]!]));
  return { files: [...new Set(files)].sort(), modules: [...new Set(modules)].sort() };
}

/** The src/ modules a bundle file holds, from its source map. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => relative(REPO, resolve(dirname(file), source)));
}

function modulesLoadedBy(args: string[]): string[] {
  return loadedBy(args).modules;
}

// The names --help lists (export targets, SQL dialects) are modules of their own, without the code behind them.
const LAKE = /^src\/sql\/(?!dialect\.ts)|^src\/duckdb\/|^src\/engine\/lake\/|^src\/export\/(?!targets\.ts)/;
const CONFIG_PARSERS = ['zod', 'yaml', 'dt-sql-parser', '@duckdb/node-api'];
const OTHER_REPORTERS = ['json', 'jsonl', 'sarif', 'csv', 'markdown', 'html', 'ocsf-findings', 'explain'].map((r) => `src/report/${r}.ts`);

describe('what a command loads at start-up', () => {
  const demo = loadedBy(['scan', 'fixtures/demo', '--no-progress']);
  const demoScan = demo.modules;

  it('the bin runs the bundle: a few files, none of the per-module build', () => {
    expect(demo.files).toContain('dist/bundle/main.js');
    expect(demo.files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/'))).toEqual([]);
    expect(demo.files.length * 5).toBeLessThan(demoScan.length);
  });

  it('the demo scan (table report, no config file) loads no SQL, DuckDB, export or data-lake module', () => {
    expect(demoScan).toContain('src/engine/scan.ts');
    expect(demoScan.filter((m) => LAKE.test(m))).toEqual([]);
  });

  it('the demo scan loads neither zod nor yaml: the config loaders load only for a config file', () => {
    expect(demoScan.filter((m) => CONFIG_PARSERS.includes(m))).toEqual([]);
    expect(demoScan.filter((m) => m.startsWith('src/config/') && /(agents|suppressions|saved-report|yaml)/.test(m))).toEqual([]);
  });

  it('a table report loads the table reporter and no other', () => {
    expect(demoScan).toContain('src/report/table.ts');
    expect(demoScan.filter((m) => OTHER_REPORTERS.includes(m))).toEqual([]);
  });

  it('the other commands are not loaded by a scan', () => {
    const commands = ['agents', 'baseline', 'explain', 'report', 'init', 'formats', 'rules'].map((c) => `src/cli/${c}-command.ts`);
    expect(demoScan.filter((m) => commands.includes(m))).toEqual([]);
  });

  it('--help loads no command implementation: no scan engine, rule, reporter or config loader', () => {
    const help = modulesLoadedBy(['--help']);
    expect(help).toContain('commander');
    expect(help.filter((m) => /^src\/(engine\/scan|rules\/|report\/table|config\/)/.test(m) || LAKE.test(m))).toEqual([]);
    expect(help.filter((m) => m.endsWith('-command.ts'))).toEqual([]);
  });

  it('rules loads the rule catalog without the scan engine', () => {
    const rules = modulesLoadedBy(['rules']);
    expect(rules).toContain('src/cli/rules-command.ts');
    expect(rules).not.toContain('src/engine/scan.ts');
    expect(rules.filter((m) => LAKE.test(m) || CONFIG_PARSERS.includes(m))).toEqual([]);
  });

  it('scan --format sarif loads the SARIF reporter when asked for', () => {
    const sarif = modulesLoadedBy(['scan', 'fixtures/demo', '--no-progress', '--format', 'sarif']);
    expect(sarif).toContain('src/report/sarif.ts');
    expect(sarif).not.toContain('src/report/html.ts');
  });
});
