import type { Command } from 'commander';
import { Option } from './commander.js';
import { DIALECTS, EXPORT_TARGETS, type DialectName, type ExportTarget } from '../engine/option-values.js';
import { UsageError } from '../shared/errors.js';
import { escapeTerminal } from '../report/escape.js';
import { EXIT } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { ScanFlags } from './scan-command.js';

/**
 * The data-lake commands (README, "At data-lake scale"): `export` (inputs as OCSF rows), `sql` (the detections as SQL
 * for DuckDB, Trino/Athena or Spark) and `clients` (the client table those engines join). `scan --engine duckdb`
 * is wired in main.ts.
 */
export function addLakeCommands(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  withInputOptions: (cmd: Command) => Command,
  flagsOf: (opts: Record<string, unknown>) => ScanFlags,
): void {
  withInputOptions(
    program
      .command('export')
      .description(
        'Write every input event as an OCSF row (Authentication 3002, HTTP Activity 4002, API Activity 6003): Parquet or NDJSON, streamed.',
      ),
  )
    .addOption(new Option('--to <target>', 'what to write').choices([...EXPORT_TARGETS]).makeOptionMandatory())
    .requiredOption('-o, --output <file>', 'the file to write (- for standard output, NDJSON only)')
    .addHelpText(
      'after',
      '\nExamples:\n  borrowscan export exports/ --to ocsf-parquet -o events.parquet\n  borrowscan export okta.json --to ocsf-ndjson -o -',
    )
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const [{ scanOptions }, { exportEvents }] = await Promise.all([import('./scan-command.js'), lake()]);
      const options = await scanOptions(paths, flagsOf(opts), io);
      const result = await exportEvents({ ...options, to: opts.to as ExportTarget, output: opts.output as string, stdout: io.stdout });
      if (opts.quiet !== true) {
        io.stderr.write(
          `borrowscan: exported ${result.rows} event(s) from ${result.inputs.length} file(s) to ${escapeTerminal(opts.output as string)}` +
            `${result.skipped > 0 ? `; ${result.skipped} unreadable record(s) skipped` : ''}\n`,
        );
      }
      setExit(EXIT.ok);
    });

  program
    .command('sql')
    .description('Print the detections as SQL for DuckDB, Trino (Athena) or Spark, over OCSF tables as Amazon Security Lake names them.')
    .addOption(new Option('--dialect <name>', 'SQL dialect').choices([...DIALECTS]).makeOptionMandatory())
    .option('--table <name>', "an OCSF table (Security Lake's), read as the ocsf format reads OCSF (repeatable)", collect, [])
    .option('--export-table <name>', 'a table of borrowscan export files (repeatable)', collect, [])
    .option('--client-table <name>', 'the client table (the output of borrowscan clients)', 'borrowscan_clients')
    .addOption(new Option('--stage <stage>', 'which query').choices(['detect', 'clients', 'shard-key']).default('detect'))
    .option('--agents <file>', 'agent registry: compiled into the query (the declared-agent rules)')
    .option('--eventday <from[..to]>', 'eventday partition filter, YYYYMMDD (Security Lake source version 1)')
    .option('--region <name>', 'region partition filter (repeatable)', collect, [])
    .option('--accountid <id>', 'accountid partition filter (repeatable)', collect, [])
    .option('--since <time>', 'only events at or after TIME (ISO 8601 or an age: 24h, 7d)')
    .option('--until <time>', 'only events at or before TIME')
    .addHelpText(
      'after',
      '\nThree steps on Trino or Spark: run --stage clients, classify its output with borrowscan clients, load that as the ' +
        'client table, run --stage detect.\n\nExample:\n  borrowscan sql --dialect trino --table amazon_security_lake_glue_db_us_east_1.amazon_security_lake_table_us_east_1_cloud_trail_mgmt_2_0 --eventday 20261101..20261107',
    )
    .action(async (opts: Record<string, unknown>) => {
      const tables = opts.table as string[];
      const exportTables = opts.exportTable as string[];
      if (tables.length + exportTables.length === 0)
        throw new UsageError('sql needs a table: give --table NAME (OCSF) or --export-table NAME (borrowscan export files)');
      if (opts.stage === 'shard-key' && exportTables.length !== 1)
        throw new UsageError('--stage shard-key needs exactly one --export-table');
      const flags = flagsOf({ ...opts, agents: opts.agents, since: opts.since, until: opts.until });
      // The registry and times load as scan loads them; no log is read.
      const [{ scanOptions }, { sqlText }] = await Promise.all([import('./scan-command.js'), lake()]);
      const loaded = await scanOptions(['-'], flags, io);
      const [from, to] = eventdays(opts.eventday as string | undefined);
      io.stdout.write(
        sqlText({
          dialect: opts.dialect as DialectName,
          tables,
          exportTables,
          clientTable: opts.clientTable as string,
          registry: loaded.registry,
          stage: opts.stage as 'detect' | 'clients' | 'shard-key',
          filters: {
            eventdayFrom: from,
            eventdayTo: to,
            regions: opts.region as string[],
            accountIds: opts.accountid as string[],
            since: loaded.since,
            until: loaded.until,
          },
        }),
      );
      setExit(EXIT.ok);
    });

  program
    .command('clients')
    .description(
      'Classify the output of `borrowscan sql --stage clients` (CSV or NDJSON) into the client table (CSV) that the detection query joins.',
    )
    .argument('<input>', 'the distinct client signatures, as the engine wrote them')
    .requiredOption('-o, --output <file>', 'the client table to write (CSV with a header row)')
    .action(async (input: string, opts: { output: string }) => {
      const { rows } = await (await lake()).classifyFile(input, opts.output);
      io.stderr.write(`borrowscan: classified ${rows} client signature(s) into ${escapeTerminal(opts.output)}\n`);
      setExit(EXIT.ok);
    });
}

/** The engine's data-lake door, loaded when one of these commands runs. */
function lake(): Promise<typeof import('../engine/lake/index.js')> {
  return import('../engine/lake/index.js');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function eventdays(value: string | undefined): [string | undefined, string | undefined] {
  if (value === undefined) return [undefined, undefined];
  const [from, to = from] = value.split('..');
  for (const d of [from, to])
    if (!/^\d{8}$/.test(d ?? '')) throw new UsageError(`--eventday ${value}: give YYYYMMDD or YYYYMMDD..YYYYMMDD`);
  return [from, to];
}
