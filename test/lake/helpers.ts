import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAgentRegistry } from '../../src/config/agents.js';
import { exportEvents } from '../../src/engine/lake/export.js';
import { scanWithDuckDB } from '../../src/engine/lake/scan-duckdb.js';
import { scan, type ScanOptions } from '../../src/engine/scan.js';
import type { Finding } from '../../src/model/finding.js';

export const REPO = new URL('../../', import.meta.url).pathname;

export function tempDir(prefix = 'lake-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** What both engines must agree on for every finding: its identity, severity, tie, client, times and count. */
export function core(f: Finding): string {
  return [f.id, f.rule, f.severity, f.user, f.session, f.correlation, f.client.class, f.firstSeen, f.lastSeen, f.count].join(' | ');
}

export function cores(findings: Iterable<Finding>): string[] {
  return [...findings].map(core);
}

export interface FixtureCase {
  name: string;
  options: Omit<ScanOptions, 'paths'>;
  paths: string[];
}

/** Every fixture case folder, with the flags its README asks for (as test/golden/cases.ts has them). */
export async function fixtureCases(): Promise<FixtureCase[]> {
  const cases: FixtureCase[] = [{ name: 'demo', options: {}, paths: [join(REPO, 'fixtures/demo')] }];
  const root = join(REPO, 'fixtures');
  for (const format of readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    if (format === 'demo') continue;
    for (const name of readdirSync(join(root, format), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()) {
      const dir = join(root, format, name);
      const files = readdirSync(dir)
        .filter((f) => f !== 'README.md' && f !== 'agents.yaml' && f !== 'log_format.conf')
        .sort();
      const options: FixtureCase['options'] = {};
      if (files.length === 0) continue;
      if (readdirSync(dir).includes('agents.yaml')) options.registry = await loadAgentRegistry(join(dir, 'agents.yaml'));
      if (readdirSync(dir).includes('log_format.conf')) options.logFormat = readFileSync(join(dir, 'log_format.conf'), 'utf8').trim();
      cases.push({ name: `${format}/${name}`, options, paths: files.map((f) => join(dir, f)) });
    }
  }
  return cases;
}

export async function streaming(paths: string[], options: FixtureCase['options']): Promise<Finding[]> {
  return [...(await scan({ ...options, paths, worker: 'never' })).findings];
}

export async function duckdb(paths: string[], options: FixtureCase['options']): Promise<Finding[]> {
  return [...(await scanWithDuckDB({ ...options, paths })).findings];
}

/** Exports the inputs (as `borrowscan export` does) and returns the file written. */
export async function exported(
  paths: string[],
  options: FixtureCase['options'],
  to: 'ocsf-parquet' | 'ocsf-ndjson',
  dir = tempDir(),
): Promise<string> {
  const output = join(dir, to === 'ocsf-parquet' ? 'events.parquet' : 'events.ndjson');
  await exportEvents({ paths, logFormat: options.logFormat, to, output, stdout: process.stdout, worker: 'never' });
  return output;
}
