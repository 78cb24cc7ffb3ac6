import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, type Arg } from './transcript.js';

/** One golden run: the CLI arguments and the golden file (under `__golden__/`) its transcript is compared with. */
export interface GoldenCase {
  golden: string;
  args: Arg[];
}

/** Report formats of `scan --format`, each with the flag that also writes it to a file. */
export const DEMO_FORMATS = [
  { format: 'table', fileFlag: undefined },
  { format: 'json', fileFlag: '--json' },
  { format: 'jsonl', fileFlag: '--jsonl' },
  { format: 'sarif', fileFlag: '--sarif' },
  { format: 'csv', fileFlag: '--csv' },
  { format: 'markdown', fileFlag: '--markdown' },
  { format: 'html', fileFlag: '--html' },
  { format: 'ocsf-findings', fileFlag: '--ocsf-findings' },
] as const;

/** The demo scan in every report format. The table is what a pipe gets: no colour (stdout is no terminal). */
export const DEMO_CASES: GoldenCase[] = DEMO_FORMATS.map(({ format }) => ({
  golden: `demo/scan.${format}.txt`,
  args: ['scan', 'fixtures/demo', '--format', format],
}));

/** Files in a case folder that are no log: the README, and what a case's flags read. */
const NOT_LOGS = new Set(['README.md']);

/** Cases whose README says they need flags; the files those flags name are not scanned as logs. */
const CASE_FLAGS: Record<string, { flagFiles: string[]; args: (dir: string) => Arg[] }> = {
  // The lines were written by the nginx log_format in log_format.conf; --log-format reads it as written.
  'log-format/agent-headers': {
    flagFiles: ['log_format.conf'],
    args: (dir) => ['--log-format', { contentsOf: `${dir}/log_format.conf` }],
  },
  // The registry rules only run with --agents; agents.yaml is the registry, not a log.
  'agents/task-scope': { flagFiles: ['agents.yaml'], args: (dir) => ['--agents', `${dir}/agents.yaml`] },
  'agents/mcp-scope': { flagFiles: ['agents.yaml'], args: (dir) => ['--agents', `${dir}/agents.yaml`] },
};

function subfolders(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function filesIn(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

/** Every `fixtures/<format>/<case>/` folder (the demo has no case folders), scanned by file name as JSON. */
export const FIXTURE_CASES: GoldenCase[] = subfolders('fixtures').flatMap((format) =>
  subfolders(`fixtures/${format}`).map((name) => {
    const id = `${format}/${name}`;
    const dir = `fixtures/${id}`;
    const flags = CASE_FLAGS[id];
    const skip = new Set([...NOT_LOGS, ...(flags?.flagFiles ?? [])]);
    const logs = filesIn(dir).filter((file) => !skip.has(file));
    return {
      golden: `fixtures/${id}.json.txt`,
      args: ['scan', ...logs.map((file) => `${dir}/${file}`), ...(flags?.args(dir) ?? []), '--format', 'json'],
    };
  }),
);

/** Case ids the flags table names, so a renamed fixture folder cannot silently lose its flags. */
export const CASES_WITH_FLAGS = Object.keys(CASE_FLAGS);

const TASK_SCOPE = 'fixtures/agents/task-scope';
const AGENTS_ARGS = [
  'agents',
  '--agents',
  `${TASK_SCOPE}/agents.yaml`,
  `${TASK_SCOPE}/okta-system-log.ndjson`,
  `${TASK_SCOPE}/api-access.jsonl`,
];

/** The listing commands, the agent inventory and the help texts. */
export const COMMAND_CASES: GoldenCase[] = [
  { golden: 'commands/rules.table.txt', args: ['rules'] },
  { golden: 'commands/rules.json.txt', args: ['rules', '--format', 'json'] },
  { golden: 'commands/formats.table.txt', args: ['formats'] },
  { golden: 'commands/formats.json.txt', args: ['formats', '--format', 'json'] },
  { golden: 'commands/agents-task-scope.table.txt', args: AGENTS_ARGS },
  { golden: 'commands/agents-task-scope.json.txt', args: [...AGENTS_ARGS, '--format', 'json'] },
  { golden: 'commands/help.txt', args: ['--help'] },
  { golden: 'commands/scan-help.txt', args: ['scan', '--help'] },
  { golden: 'commands/report-help.txt', args: ['report', '--help'] },
  { golden: 'commands/explain-help.txt', args: ['explain', '--help'] },
  // One finding and one session of the demo, as `explain` prints them where standard output is no terminal.
  { golden: 'commands/explain-finding.txt', args: ['explain', 'bs-6f3f294f47f27ff1', 'fixtures/demo'] },
  { golden: 'commands/explain-session.txt', args: ['explain', '102S_sx9TpXRSrj_REJqa4uiJ', 'fixtures/demo'] },
];

export const ALL_CASES: GoldenCase[] = [...DEMO_CASES, ...FIXTURE_CASES, ...COMMAND_CASES];
