import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './spawn-cli.js';

// Start-up is module loading (issue 12): each command loads what it runs and no more. These tests run the built CLI
// (npm test builds it) under a resolve hook and look at which modules it loaded; they time nothing.

const HOOK = fileURLToPath(new URL('../helpers/record-modules.mjs', import.meta.url));
const BIN = join(REPO, 'bin', 'borrowscan.js');
const work = mkdtempSync(join(tmpdir(), 'borrowscan-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** The modules `borrowscan ARGS` loaded: dist/ paths (`dist/report/table.js`) and package names (`zod`). */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(work, `modules-${runs++}.txt`);
  const run = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, BORROWSCAN_MODULE_LOG: log, CI: 'true' },
  });
  expect(run.status, run.stderr).not.toBeNull();
  const names = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => {
      const path = fileURLToPath(url);
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      return pkg ? pkg[1]! : path.slice(REPO.length);
    });
  return [...new Set(names)].sort();
}

// The names --help lists (export targets, SQL dialects) are modules of their own, without the code behind them.
const LAKE = /^dist\/sql\/(?!dialect\.js)|^dist\/duckdb\/|^dist\/engine\/lake\/|^dist\/export\/(?!targets\.js)/;
const CONFIG_PARSERS = ['zod', 'yaml', 'dt-sql-parser', '@duckdb/node-api'];
const OTHER_REPORTERS = ['json', 'jsonl', 'sarif', 'csv', 'markdown', 'html', 'ocsf-findings', 'explain'].map((r) => `dist/report/${r}.js`);

describe('what a command loads at start-up', () => {
  const demoScan = modulesLoadedBy(['scan', 'fixtures/demo', '--no-progress']);

  it('the demo scan (table report, no config file) loads no SQL, DuckDB, export or data-lake module', () => {
    expect(demoScan).toContain('dist/engine/scan.js');
    expect(demoScan.filter((m) => LAKE.test(m))).toEqual([]);
  });

  it('the demo scan loads neither zod nor yaml: the config loaders load only for a config file', () => {
    expect(demoScan.filter((m) => CONFIG_PARSERS.includes(m))).toEqual([]);
    expect(demoScan.filter((m) => m.startsWith('dist/config/') && /(agents|suppressions|saved-report|yaml)/.test(m))).toEqual([]);
  });

  it('a table report loads the table reporter and no other', () => {
    expect(demoScan).toContain('dist/report/table.js');
    expect(demoScan.filter((m) => OTHER_REPORTERS.includes(m))).toEqual([]);
  });

  it('the other commands are not loaded by a scan', () => {
    const commands = ['agents', 'baseline', 'explain', 'report', 'init', 'formats', 'rules'].map((c) => `dist/cli/${c}-command.js`);
    expect(demoScan.filter((m) => commands.includes(m))).toEqual([]);
  });

  it('--help loads no command implementation: no scan engine, rule, reporter or config loader', () => {
    const help = modulesLoadedBy(['--help']);
    expect(help).toContain('commander');
    expect(help.filter((m) => /^dist\/(engine\/scan|rules\/|report\/table|config\/)/.test(m) || LAKE.test(m))).toEqual([]);
    expect(help.filter((m) => m.endsWith('-command.js'))).toEqual([]);
  });

  it('rules loads the rule catalog without the scan engine', () => {
    const rules = modulesLoadedBy(['rules']);
    expect(rules).toContain('dist/cli/rules-command.js');
    expect(rules).not.toContain('dist/engine/scan.js');
    expect(rules.filter((m) => LAKE.test(m) || CONFIG_PARSERS.includes(m))).toEqual([]);
  });

  it('scan --format sarif loads the SARIF reporter when asked for', () => {
    const sarif = modulesLoadedBy(['scan', 'fixtures/demo', '--no-progress', '--format', 'sarif']);
    expect(sarif).toContain('dist/report/sarif.js');
    expect(sarif).not.toContain('dist/report/html.js');
  });
});
