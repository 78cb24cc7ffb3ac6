import { Command, CommanderError, InvalidArgumentError, Option } from './commander.js';
import { formatIds, MAPPABLE_FIELDS, TOOL, WORKER_MODES, type WorkerMode } from '../engine/option-values.js';
import { UsageError } from '../shared/errors.js';
import { SEVERITIES } from '../model/severity.js';
import { escapeTerminal } from '../report/escape.js';
import { FILE_REPORTS, REPORT_FORMATS } from '../report/formats.js';
import { DEFAULT_LIST_LIMIT } from '../report/listing-cap.js';
import { DEFAULT_HTML_TIMELINES } from '../report/html-defaults.js';
import { EXIT } from './exit-codes.js';
import { GuardedOutput } from './guarded-output.js';
import { processIO, type CliIO } from './io.js';
import { addLakeCommands } from './lake-commands.js';
import type { ScanFlags } from './scan-command.js';
import { describeWriteError, isClosedPipe } from './write-error.js';
import { parseRecordSize, parseSampleMemory } from './size-arg.js';

// Each command's implementation (and what it needs of the engine, the reports and the config loaders) is imported
// when that command runs, so that start-up loads only the options and help of every command.

const EXIT_HELP = `
Exit codes:
  0  nothing new at or above --fail-on
  1  new findings at or above --fail-on (or stale suppressions with --fail-on-stale)
  2  bad usage, unreadable path, invalid option or config, or a report that could
     not be written (a closed pipe on standard output is not an error)
  3  the input could not be trusted: more unreadable records than --max-errors`;

/** `an html report`, `an ocsf-findings report`, `a json report`: as the format's name is read aloud. */
function article(format: string): string {
  return /^(html|ocsf)/.test(format) ? 'an' : 'a';
}

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

/** Options that say what to read; shared by scan and baseline. */
function addInputOptions(cmd: Command): Command {
  return cmd
    .argument('[paths...]', 'files, directories (read recursively) or - for standard input; gzip is detected by content')
    .addOption(new Option('--input-format <name>', 'force an input format instead of detecting it per file').choices(formatIds()))
    .option(
      '--log-format <spec>',
      'read text logs laid out by this nginx log_format string (\'$remote_addr - $remote_user [$time_local] "$request" ...\')',
    )
    .option('--session-cookies <names>', 'with --log-format: the $cookie_<name> names that hold a session, comma-separated', (v: string) =>
      v
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    )
    .option(
      '--map <field=path>',
      `read FIELD from PATH in JSON/CSV records (repeatable); FIELD: ${MAPPABLE_FIELDS.join(', ')}`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--max-record-size <size>',
      'skip (and list) a line, JSON record or CSV row larger than SIZE, e.g. 512KB, 64MB (default: 16MB)',
      parseRecordSize,
    )
    .option('--since <time>', 'only events at or after TIME: ISO 8601, or an age such as 30m, 24h, 7d')
    .option('--until <time>', 'only events at or before TIME: ISO 8601, or an age such as 30m, 24h, 7d')
    .addOption(
      new Option(
        '--worker <mode>',
        'share parsing with a second thread (same report): auto (inputs of 32 MB or more, while a core is idle, it pays and the scan holds under 512 MiB), always, never',
      )
        .choices([...WORKER_MODES])
        .default('auto'),
    )
    .option(
      '--sample-memory <size>',
      'keep up to SIZE of request samples (pacing analysis) in memory, the rest in a temporary file (default: 8MB)',
      parseSampleMemory,
    )
    .option('--max-sessions <n>', 'stop with an error past N sessions (about 0.5 KB of memory each; default 2000000)', count)
    .option('--max-clients <n>', 'stop with an error past N clients over all sessions (default 4000000)', count)
    .option('--progress', 'draw the progress bar even when not on a terminal or in CI')
    .option('--no-progress', 'never draw the progress bar (default: only when stderr is a terminal and CI is unset)')
    .option('-q, --quiet', 'no progress and no warnings on standard error; errors still print');
}

function scanFlags(opts: Record<string, unknown>): ScanFlags {
  const reports: ScanFlags['reports'] = {};
  for (const name of FILE_REPORTS) {
    // commander names the value of --ocsf-findings `ocsfFindings`.
    const value = opts[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
    if (typeof value === 'string') reports[name] = value;
  }
  return {
    format: (opts.format as string | undefined) ?? 'table',
    output: opts.output as string | undefined,
    reports,
    inputFormat: opts.inputFormat as string | undefined,
    map: (opts.map as string[] | undefined) ?? [],
    logFormat: opts.logFormat as string | undefined,
    sessionCookies: opts.sessionCookies as string[] | undefined,
    failOn: (opts.failOn as ScanFlags['failOn'] | undefined) ?? 'low',
    minSeverity: (opts.minSeverity as ScanFlags['minSeverity'] | undefined) ?? 'info',
    since: opts.since as string | undefined,
    until: opts.until as string | undefined,
    baseline: opts.baseline as string | undefined,
    agents: opts.agents as string | undefined,
    showKnown: opts.showKnown === true,
    ignoreFile: opts.ignoreFile as string | undefined,
    showSuppressed: opts.showSuppressed === true,
    failOnStale: opts.failOnStale === true,
    maxErrors: opts.maxErrors as number | undefined,
    tableLimit: opts.tableLimit as number | undefined,
    sarifRoot: opts.sarifRoot as string | undefined,
    sarifCategory: opts.sarifCategory as string | undefined,
    markdownLimit: opts.markdownLimit as number | undefined,
    htmlTimelines: opts.htmlTimelines as number | undefined,
    maxRecordSize: opts.maxRecordSize as number | undefined,
    color: opts.color as boolean | undefined,
    progress: opts.progress as boolean | undefined,
    worker: (opts.worker as WorkerMode | undefined) ?? 'auto',
    maxSessions: opts.maxSessions as number | undefined,
    maxClients: opts.maxClients as number | undefined,
    sampleMemory: opts.sampleMemory as number | undefined,
    engine: (opts.engine as ScanFlags['engine'] | undefined) ?? 'streaming',
    quiet: opts.quiet === true,
  };
}

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('borrowscan')
    .description('Find AI agents and automation riding on human sessions, from identity-provider and access logs.')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Help wraps to the terminal it is written to (the injected one, not the process's), else 80 columns.
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
      // commander's messages quote what was typed (an unknown option, a bad choice): escaped, as log fields are, and
      // joined into the one error line every usage error is (its "Did you mean" hint comes on a line of its own).
      outputError: (s, write) => write(`borrowscan: ${oneErrorLine(s)} (run with --help for usage)\n`),
    });

  const scanCmd = addInputOptions(
    program.command('scan').description('Read log files, tie events into sessions, and report automation riding on human sessions.'),
  )
    .addOption(new Option('--format <format>', 'report format on standard output').choices(REPORT_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the report to FILE instead of standard output');
  for (const name of FILE_REPORTS) scanCmd.option(`--${name} <file>`, `also write ${article(name)} ${name} report to FILE`);
  scanCmd
    .option(
      '--sarif-root <dir>',
      'SARIF artifact URIs are relative to DIR, the repository root code scanning maps them to (default: the working directory)',
    )
    .option('--sarif-category <name>', "SARIF runs[0].automationDetails.id: the category code scanning keeps this tool's alerts under");
  scanCmd
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a new finding is at or above LEVEL').choices(['none', ...SEVERITIES]).default('low'),
    )
    .addOption(
      new Option('--min-severity <level>', 'show only findings at or above LEVEL (the exit code does not change)')
        .choices([...SEVERITIES])
        .default('info'),
    )
    .option('--baseline <file>', 'an earlier JSON report: its findings are known, shown apart and do not fail the run')
    .option('--agents <file>', 'agent registry (YAML or JSON): check declared agents against their task scope and windows')
    .option('--show-known', 'list known (baseline) findings in full')
    .option('--ignore-file <file>', 'suppression file (default: .borrowscan-ignore.yaml in the working directory, if present)')
    .option('--show-suppressed', 'list suppressed findings in full')
    .option('--fail-on-stale', 'exit 1 when a suppression expired or matched nothing')
    .option('--max-errors <n>', 'exit 3 when more than N records could not be read', count)
    .option(
      '--table-limit <n>',
      `the table lists N findings per rule and severity and counts the rest; 0 lists all (default ${DEFAULT_LIST_LIMIT})`,
      count,
    )
    .option(
      '--markdown-limit <n>',
      `the Markdown report lists N findings per rule and severity; 0 lists all, within 1 MiB (default ${DEFAULT_LIST_LIMIT})`,
      count,
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'streaming (default), or duckdb: the same detections as SQL in embedded DuckDB (needs @duckdb/node-api); reads exported Parquet too',
      )
        .choices(['streaming', 'duckdb'])
        .default('streaming'),
    )
    .option(
      '--html-timelines <n>',
      `the HTML report draws the timelines of N findings and lists the rest; 0 draws all (default ${DEFAULT_HTML_TIMELINES})`,
      count,
    )
    .option('--color', 'color the table even when not on a terminal or in CI')
    .option('--no-color', 'never color the table (also: NO_COLOR)')
    .addHelpText(
      'after',
      `
Input formats (detected from content, never from the file name): ${formatIds().join(', ')}
${EXIT_HELP}

Examples:
  borrowscan scan fixtures/demo
  borrowscan scan okta-export.json.gz access-logs/ --format json -o report.json
  borrowscan scan exports/ --baseline baseline.json --sarif borrowscan.sarif --markdown summary.md
  cat signins.json | borrowscan scan - --since 24h --fail-on high`,
    )
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runScanCommand } = await import('./scan-command.js');
      setExit(await runScanCommand(paths, scanFlags(opts), io));
    });

  addInputOptions(
    program.command('baseline').description('Write or update a baseline: a JSON report of every finding now, for scan --baseline.'),
  )
    .requiredOption('-o, --output <file>', 'the baseline file to write (an existing one is updated)')
    .option('--prune', 'drop findings of an existing baseline that this run did not see')
    .option('--agents <file>', 'agent registry, as for scan --agents')
    .addHelpText('after', '\nExample:\n  borrowscan baseline exports/ -o .borrowscan-baseline.json')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runBaselineCommand } = await import('./baseline-command.js');
      setExit(await runBaselineCommand(paths, scanFlags(opts), { output: opts.output as string, prune: opts.prune === true }, io));
    });

  addInputOptions(
    program
      .command('agents')
      .description(
        'Every agent the logs show (named by the identity provider or a token, recognized by its client, or declared in ' +
          "--agents) and how it acted: its own identity, a delegation, or a person's session; with --agents, also what " +
          'each declared agent did: sessions, clients, requests in and out of scope, first and last activity.',
      ),
  )
    .option('--agents <file>', 'the agent registry (YAML or JSON): also show what each declared agent did')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  borrowscan agents exports/\n  borrowscan agents --agents agents.yaml exports/ --format json')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { runAgentsCommand } = await import('./agents-command.js');
      setExit(await runAgentsCommand(paths, scanFlags({ ...opts, format: 'table' }), opts.format as string, io));
    });

  addLakeCommands(program, io, setExit, addInputOptions, scanFlags);
  addInputOptions(
    program
      .command('explain')
      .description(
        'One finding or session as a timeline in the terminal: a row per client with its activity over time, times, ' +
          'request counts and rate, networks, sign-in and sign-out, then the evidence lines; read again from the logs ' +
          'or from a saved JSON report (--report).',
      )
      .argument('<id>', 'a finding id (bs-...) or a session id'),
  )
    .option('--report <file>', 'read the finding or session from this saved JSON report instead of scanning logs')
    .option('--agents <file>', 'agent registry, as for scan --agents (task windows on the timeline)')
    .option('--color', 'colour and block characters even when not on a terminal')
    .option('--no-color', 'plain ASCII text, no colour (also: NO_COLOR; the default when not on a terminal)')
    .addHelpText(
      'after',
      '\nExamples:\n  borrowscan explain bs-6f3f294f47f27ff1 fixtures/demo\n  borrowscan explain 102M563ER58EZ8E-FwuGpl3Lt --report borrowscan.json',
    )
    .action(async (id: string, paths: string[], opts: Record<string, unknown>) => {
      const { runExplainCommand } = await import('./explain-command.js');
      setExit(await runExplainCommand(id, paths, opts.report as string | undefined, scanFlags(opts), io));
    });

  const reportCmd = program
    .command('report')
    .description(
      'Render a saved JSON report (scan --json FILE) again, in any report format: HTML with its timelines, the table, SARIF, OCSF findings.',
    )
    .argument('<report>', 'a JSON report written by borrowscan scan --json FILE (or --format json)')
    .addOption(new Option('--format <format>', 'report format on standard output').choices(REPORT_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the report to FILE instead of standard output');
  for (const name of FILE_REPORTS) reportCmd.option(`--${name} <file>`, `write ${article(name)} ${name} report to FILE`);
  reportCmd
    .addOption(new Option('--min-severity <level>', 'show only findings at or above LEVEL').choices([...SEVERITIES]).default('info'))
    .option('--show-known', 'list known (baseline) findings in full')
    .option('--show-suppressed', 'list suppressed findings in full')
    .option('--table-limit <n>', `the table lists N findings per rule and severity; 0 lists all (default ${DEFAULT_LIST_LIMIT})`, count)
    .option(
      '--markdown-limit <n>',
      `the Markdown report lists N findings per rule and severity; 0 lists all (default ${DEFAULT_LIST_LIMIT})`,
      count,
    )
    .option(
      '--html-timelines <n>',
      `the HTML report draws the timelines of N findings and lists the rest; 0 draws all (default ${DEFAULT_HTML_TIMELINES})`,
      count,
    )
    .option('--sarif-category <name>', 'SARIF runs[0].automationDetails.id')
    .option('--color', 'color the table even when not on a terminal or in CI')
    .option('--no-color', 'never color the table (also: NO_COLOR)')
    .option('-q, --quiet', 'no warnings on standard error; errors still print')
    .addHelpText(
      'after',
      '\nExamples:\n  borrowscan report borrowscan.json --html report.html\n  borrowscan report borrowscan.json --min-severity high',
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const flags = scanFlags(opts);
      const { runReportCommand } = await import('./report-command.js');
      setExit(
        await runReportCommand(
          file,
          {
            format: flags.format,
            output: flags.output,
            reports: flags.reports,
            minSeverity: flags.minSeverity,
            showKnown: flags.showKnown,
            showSuppressed: flags.showSuppressed,
            tableLimit: flags.tableLimit,
            markdownLimit: flags.markdownLimit,
            htmlTimelines: flags.htmlTimelines,
            sarifCategory: flags.sarifCategory,
            color: flags.color,
            quiet: flags.quiet,
          },
          io,
        ),
      );
    });

  program
    .command('init')
    .description('Write a commented starter agent registry (agents.yaml) for scan --agents.')
    .option('-o, --output <file>', 'where to write it (- for standard output)', 'agents.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (opts: { output: string; force?: boolean }) => {
      const { runInitCommand } = await import('./init-command.js');
      setExit(await runInitCommand({ output: opts.output, force: opts.force === true }, io));
    });

  program
    .command('formats')
    .description('List every input format: how it is detected and the fields it uses for user, session, client and time.')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { format: string }) => {
      const { runFormatsCommand } = await import('./formats-command.js');
      setExit(runFormatsCommand(opts.format, io));
    });

  program
    .command('rules')
    .description('List every detection rule: id, severity, description and references.')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: { format: string }) => {
      const { runRulesCommand } = await import('./rules-command.js');
      setExit(runRulesCommand(opts.format, io));
    });

  program.addHelpText('after', EXIT_HELP);
  return program;
}

/** Escapes each line of a message, keeping its line breaks. */
function oneErrorLine(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeTerminal(line).trim())
    .filter((line) => line !== '')
    .join(' ');
}

/**
 * Runs the CLI and returns its exit code; argv is process.argv-shaped (node, script, ...args). Standard output and
 * error are guarded (see GuardedOutput): once the command is done, a failed write to standard output is one error
 * line and exit 2, except a closed pipe (`| head -1`), which keeps the exit code the command had.
 */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const stdout = new GuardedOutput(io.stdout);
  const stderr = new GuardedOutput(io.stderr);
  const code = await runCommand(argv, { ...io, stdout, stderr });
  await stdout.settle();
  if (stdout.failed !== undefined && !isClosedPipe(stdout.failed)) {
    void stderr.write(`borrowscan: error: cannot write to standard output: ${describeWriteError(stdout.failed)}\n`);
    await stderr.settle();
    return EXIT.writeFailed;
  }
  await stderr.settle();
  // Standard error that cannot be written cannot say so; the exit code still does.
  if (stderr.failed !== undefined && !isClosedPipe(stderr.failed)) return EXIT.writeFailed;
  return code;
}

async function runCommand(argv: string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error.
      const asked = ['commander.helpDisplayed', 'commander.version'];
      return asked.includes(err.code) ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      for (const line of err.message.split('\n')) io.stderr.write(`borrowscan: error: ${escapeTerminal(line)}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr.write(`borrowscan: internal error (please report it): ${escapeTerminal(message)}\n`);
    return EXIT.usage;
  }
}
