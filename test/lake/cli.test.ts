import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDuckDB } from '../../src/duckdb/load.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from './helpers.js';

describe('borrowscan export', () => {
  it('writes one OCSF row per event to standard output', async () => {
    const r = await runCli(['export', 'fixtures/demo', '--to', 'ocsf-ndjson', '-o', '-', '-q']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { class_uid: number; borrowscan: { format: string } });
    expect(rows).toHaveLength(1089);
    expect(new Set(rows.map((x) => x.class_uid))).toEqual(new Set([3002, 4002]));
    expect(rows.every((x) => typeof x.borrowscan.format === 'string')).toBe(true);
  });

  it('refuses Parquet on standard output with one line and exit 2', async () => {
    const r = await runCli(['export', 'fixtures/demo', '--to', 'ocsf-parquet', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--to ocsf-parquet writes a file');
  });

  it('writes Parquet that scan --engine duckdb reads in place, with the same findings as the raw logs', async () => {
    const file = join(tempDir(), 'demo.parquet');
    expect((await runCli(['export', 'fixtures/demo', '--to', 'ocsf-parquet', '-o', file, '-q'])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('PAR1');
    const raw = JSON.parse((await runCli(['scan', 'fixtures/demo', '--format', 'json'])).stdout) as { findings: { id: string }[] };
    const lake = await runCli(['scan', '--engine', 'duckdb', file, '--format', 'json']);
    expect(lake.code).toBe(1);
    expect((JSON.parse(lake.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)).toEqual(raw.findings.map((f) => f.id));
  });
});

describe('scan --engine duckdb on a Parquet file it cannot read', () => {
  it('is one error line and exit 2 (an OCSF file without the columns the query reads)', async () => {
    const file = join(tempDir(), 'native.parquet');
    const { openDuckDB } = await import('../../src/duckdb/load.js');
    const db = await openDuckDB('test');
    await db.run(`COPY (SELECT 3002 AS class_uid) TO '${file}' (FORMAT parquet)`);
    db.close();
    const r = await runCli(['scan', '--engine', 'duckdb', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('DuckDB could not run the query');
  });
});

describe('without DuckDB installed', () => {
  it('is one usage error that names the install command', async () => {
    await expect(loadDuckDB('scan --engine duckdb', '@duckdb/not-installed-package')).rejects.toThrow(
      'scan --engine duckdb needs DuckDB, which is not installed: run `npm install @duckdb/node-api`',
    );
  });
});

describe('borrowscan sql', () => {
  it('needs a table', async () => {
    const r = await runCli(['sql', '--dialect', 'trino']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sql needs a table');
  });

  it('prints each stage for each dialect', async () => {
    for (const dialect of ['duckdb', 'trino', 'spark']) {
      for (const stage of ['clients', 'detect']) {
        const r = await runCli([
          'sql',
          '--dialect',
          dialect,
          '--table',
          'ocsf_events',
          '--stage',
          stage,
          '--eventday',
          '20261101..20261102',
        ]);
        expect(r.code).toBe(0);
        expect(r.stdout.startsWith('WITH')).toBe(true);
        expect(r.stdout).toContain("eventday >= '20261101'");
      }
    }
  });

  it('compiles --agents into the detection query, and rejects a bad --eventday', async () => {
    const r = await runCli(['sql', '--dialect', 'trino', '--export-table', 'ev', '--agents', 'fixtures/agents/task-scope/agents.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("'scope-exceeded'");
    const bad = await runCli(['sql', '--dialect', 'trino', '--table', 't', '--eventday', '2026-11-01']);
    expect(bad.code).toBe(2);
  });
});

describe('borrowscan clients', () => {
  it("classifies the clients stage's CSV into the client table", async () => {
    const dir = tempDir();
    const input = join(dir, 'signatures.csv');
    const header =
      'sig,ua_raw,aws,hint_browser,hint_os,hint_app,agent_kind,agent_name,agent_obo,agent_proof,h_signature_agent,h_web_bot_auth,h_platform_hint,h_stainless_lang,h_stainless_version,h_mcp_method,h_mcp_name,h_mcp_protocol_version,h_mcp_session_id';
    writeFileSync(
      input,
      `${header}\nS1,python-requests/2.32.3,false,,,,,,,,,,,,,,,,\nS2,"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",false,,,,,,,,,,,,,,,,\n`,
    );
    const output = join(dir, 'clients.csv');
    const r = await runCli(['clients', input, '-o', output]);
    expect(r.code).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]!.split(',').slice(0, 5)).toEqual(['sig', 'ua_event', 'hint_text', 'ckey', 'cclass']);
    expect(lines[1]).toContain('S1,python-requests/2.32.3,,http-library:python-requests,http-library');
    expect(lines[2]).toContain('browser:chrome:macos,browser');
  });
});
