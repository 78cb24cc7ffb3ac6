import { Command, CommanderError, Option } from 'commander';
import { TOOL } from '../engine/version.js';
import { UsageError } from '../input/errors.js';
import { FORMATS } from '../input/registry.js';
import { SEVERITIES } from '../model/severity.js';
import { escapeTerminal } from '../report/escape.js';
import { REPORTERS } from '../report/index.js';
import { EXIT } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { runRulesCommand } from './rules-command.js';
import { runScanCommand, type ScanFlags } from './scan-command.js';

const EXIT_HELP = `
Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  bad usage, unreadable path, invalid option or config`;

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('borrowscan')
    .description('Find AI agents and automation riding on human sessions, from identity-provider and access logs.')
    .version(TOOL.version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`borrowscan: ${s.replace(/^error: /, 'error: ')}`),
    });

  program
    .command('scan')
    .description('Read log files, tie events into sessions, and report automation riding on human sessions.')
    .argument('[paths...]', 'files, directories (read recursively) or - for standard input; gzip is detected by content')
    .addOption(new Option('--format <format>', 'report format').choices(Object.keys(REPORTERS)).default('table'))
    .option('-o, --output <file>', 'write the report to FILE instead of standard output')
    .addOption(new Option('--input-format <name>', 'force an input format instead of detecting it per file').choices(FORMATS.map((f) => f.id)))
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when any finding is at or above LEVEL').choices(['none', ...SEVERITIES]).default('low'),
    )
    .addOption(
      new Option('--min-severity <level>', 'show only findings at or above LEVEL (the exit code does not change)')
        .choices([...SEVERITIES])
        .default('info'),
    )
    .option('--since <time>', 'only events at or after TIME: ISO 8601, or an age such as 30m, 24h, 7d')
    .option('--until <time>', 'only events at or before TIME: ISO 8601, or an age such as 30m, 24h, 7d')
    .option('--no-color', 'never color the table')
    .option('--no-progress', 'never draw the progress bar (it is drawn only when stderr is a terminal)')
    .option('-q, --quiet', 'no progress and no warnings on standard error; errors still print')
    .addHelpText('after', `
Input formats (detected from content, never from the file name): ${FORMATS.map((f) => f.id).join(', ')}
${EXIT_HELP}

Examples:
  borrowscan scan fixtures/demo
  borrowscan scan okta-export.json.gz access-logs/ --format json -o report.json
  cat signins.json | borrowscan scan - --since 24h --fail-on high`)
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const flags: ScanFlags = {
        format: opts.format as string,
        output: opts.output as string | undefined,
        inputFormat: opts.inputFormat as string | undefined,
        failOn: opts.failOn as ScanFlags['failOn'],
        minSeverity: opts.minSeverity as ScanFlags['minSeverity'],
        since: opts.since as string | undefined,
        until: opts.until as string | undefined,
        color: opts.color !== false,
        progress: opts.progress !== false,
        quiet: opts.quiet === true,
      };
      setExit(await runScanCommand(paths, flags, io));
    });

  program
    .command('rules')
    .description('List every detection rule: id, severity, description and references.')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((opts: { format: string }) => setExit(runRulesCommand(opts.format, io)));

  program.addHelpText('after', EXIT_HELP);
  return program;
}

/** Runs the CLI and returns its exit code; argv is process.argv-shaped (node, script, ...args). */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return EXIT.ok;
      }
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`borrowscan: error: ${escapeTerminal(err.message)}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr.write(`borrowscan: internal error (please report it): ${escapeTerminal(message)}\n`);
    return EXIT.usage;
  }
}
