import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDB, sqlString, type DuckConnection } from '../../duckdb/load.js';
import { ndjsonSink, readExportedNdjson } from '../../export/writers.js';
import type { AgentRegistry } from '../../config/registry.js';
import type { NormalizedEvent } from '../../model/event.js';
import type { Finding } from '../../model/finding.js';
import type { InputReport, ScanResult } from '../../model/report.js';
import { RULES } from '../../rules/index.js';
import type { EventSource } from '../../sql/events.js';
import { clientInputsQuery, detectionQuery, statsQuery, type QueryOptions } from '../../sql/query.js';
import { UsageError } from '../../shared/errors.js';
import { compareFindings } from '../findings.js';
import { openInputs, readInputs, type ReadTally } from '../read.js';
import { describeRules } from '../rule-catalog.js';
import type { ScanOptions } from '../scan.js';
import { summarize } from '../summary.js';
import { triage } from '../triage.js';
import { TOOL } from '../version.js';
import { CLIENT_TABLE_COLUMNS, createClientTable, type SignatureRow } from './client-table.js';
import { findingFromRow } from './finding-row.js';
import { roleOf } from './sources.js';

export const CLIENT_TABLE = 'bs_clients';

/**
 * `scan --engine duckdb`: the same detections as SQL, run embedded in DuckDB. Exported Parquet and NDJSON are read
 * in place; raw logs are normalized in-process (as `export` does) into a temporary NDJSON file first. The clients are
 * classified in JavaScript by the streaming engine's own client model and handed to DuckDB as a table.
 */
export async function scanWithDuckDB(options: ScanOptions): Promise<ScanResult> {
  const opened = await openInputs(options);
  const roles = await Promise.all(opened.files.map(roleOf));
  const dir = await mkdtemp(join(tmpdir(), 'borrowscan-duckdb-'));
  let db: DuckConnection | undefined;
  try {
    db = await openDuckDB('scan --engine duckdb', { tempDirectory: join(dir, 'spill') });
    const sources: EventSource[] = [];
    const inputs: InputReport[] = [];
    let tally: ReadTally | undefined;
    const raw = opened.files.filter((_, i) => roles[i] === 'raw');
    if (raw.length > 0) {
      const staging = join(dir, 'events.ndjson');
      const sink = ndjsonSink(staging);
      tally = await readInputs({ ...opened, files: raw }, options, options.registry, (event) => sink.add(event));
      await sink.close();
      sources.push({ kind: 'export', relation: readExportedNdjson(staging) });
    }
    for (const [i, file] of opened.files.entries()) {
      const role = roles[i];
      if (role === 'raw') {
        inputs.push(tally!.inputs[raw.indexOf(file)]!);
        continue;
      }
      const relation =
        role === 'parquet' ? await parquetRelation(db, file.path) : { kind: 'export' as const, relation: readExportedNdjson(file.path) };
      sources.push(relation);
      const [count] = await db.rows(`SELECT count(*) AS n FROM ${relation.relation}`);
      inputs.push({
        path: file.path,
        format: role === 'parquet' ? (relation.kind === 'export' ? 'borrowscan-ocsf-parquet' : 'ocsf-parquet') : 'borrowscan-ocsf-ndjson',
        events: Number(count?.n ?? 0),
        skipped: 0,
        errors: [],
        errorsNotListed: 0,
        gaps: [],
      });
    }
    const query: QueryOptions = {
      dialect: 'duckdb',
      sources,
      filters: { since: options.since, until: options.until },
      clientTable: CLIENT_TABLE,
      registry: options.registry,
      evidence: true,
    };
    const findings = sources.length === 0 ? [] : await detect(db, query);
    const stats = sources.length === 0 ? undefined : (await db.rows(statsQuery(query)))[0];
    const events = Number(stats?.events ?? 0);
    const readTally: ReadTally = {
      inputs,
      events,
      outsideTimeWindow: tally?.outsideTimeWindow ?? 0,
      ignoredByRegistry: (tally?.ignoredByRegistry ?? 0) + Number(stats?.all_events ?? 0) - events,
      first: events > 0 ? Number(stats!.first_t) : Infinity,
      last: events > 0 ? Number(stats!.last_t) : -Infinity,
    };
    const triaged = triage(findings, { baseline: options.baseline, suppressions: options.suppressions, now: options.now ?? Date.now() });
    return {
      tool: { ...TOOL },
      rules: describeRules(options.rules ?? RULES),
      inputs,
      summary: summarize(readTally, Number(stats?.sessions ?? 0), triaged.findings, options.registry !== undefined),
      findings: triaged.findings,
      staleSuppressions: triaged.stale,
      observedAgents: [],
    };
  } catch (err) {
    throw asUsageError(err);
  } finally {
    db?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What DuckDB refuses (a Parquet file without a column the query reads, a file it cannot open) is one error line,
 * as every other bad input is; borrowscan's own errors pass through.
 */
function asUsageError(err: unknown): unknown {
  if (err instanceof UsageError || !(err instanceof Error) || err.constructor.name === 'TypeError') return err;
  return new UsageError(`scan --engine duckdb: DuckDB could not run the query: ${err.message.split('\n')[0]}`);
}

/**
 * The findings of the SQL engine for events already normalized (tests compare the engines on generated events with
 * it): the events are written as export rows and queried as `scan --engine duckdb` queries them.
 */
export async function findingsOfEvents(events: Iterable<NormalizedEvent>, registry?: AgentRegistry): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'borrowscan-duckdb-'));
  const db = await openDuckDB('scan --engine duckdb', { tempDirectory: join(dir, 'spill') });
  try {
    const staging = join(dir, 'events.ndjson');
    const sink = ndjsonSink(staging);
    for (const event of events) sink.add(event);
    await sink.close();
    const sources: EventSource[] = [{ kind: 'export', relation: readExportedNdjson(staging) }];
    return await detect(db, { dialect: 'duckdb', sources, clientTable: CLIENT_TABLE, registry, evidence: true });
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Parquet file with the borrowscan struct is an export; one without is native OCSF (Security Lake). */
async function parquetRelation(db: DuckConnection, path: string): Promise<EventSource> {
  const relation = `read_parquet(${sqlString(path)})`;
  const columns = await db.rows(`SELECT name FROM parquet_schema(${sqlString(path)})`);
  return { kind: columns.some((c) => c.name === 'borrowscan') ? 'export' : 'native', relation };
}

/** Builds the client table from the events' distinct signatures, then runs the detection query. */
async function detect(db: DuckConnection, query: QueryOptions): Promise<Finding[]> {
  const signatures = (await db.rows(clientInputsQuery(query))) as SignatureRow[];
  const classify = createClientTable();
  await db.run(`CREATE TEMP TABLE ${CLIENT_TABLE} (${CLIENT_TABLE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`);
  const BATCH = 500;
  for (let i = 0; i < signatures.length; i += BATCH) {
    const rows = signatures.slice(i, i + BATCH).map((s) => {
      const row = classify(s);
      return `(${CLIENT_TABLE_COLUMNS.map(([c]) => literal(row[c])).join(', ')})`;
    });
    await db.run(`INSERT INTO ${CLIENT_TABLE} VALUES ${rows.join(', ')}`);
  }
  const rows = await db.rows(detectionQuery(query));
  const registryFile = query.registry?.file;
  return rows.map((r) => findingFromRow(r, registryFile)).sort(compareFindings);
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return sqlString(String(v));
}
