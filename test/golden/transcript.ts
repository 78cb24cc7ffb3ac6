import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

/** The repository root, with a trailing slash. Golden runs use paths relative to it, as a user types them. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The clock of every golden run; no golden case uses a relative time (`--since 24h`), so none depends on it. */
export const GOLDEN_NOW = new Date('2026-11-03T00:00:00Z');

const TOOL_VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** An argument read from a file, shown in the transcript as the shell would pass it: `"$(cat PATH)"`. */
export interface FileArg {
  contentsOf: string;
}
export type Arg = string | FileArg;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `borrowscan <args>` in-process, as a pipe sees it: no terminal, an empty environment, no stdin. */
export async function runInProcess(args: Arg[], now: Date = GOLDEN_NOW): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from([]) as unknown as CliIO['stdin'];
  stdin.isTTY = true;
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin,
    env: {},
    now: () => now,
  };
  const argv = args.map((a) => (typeof a === 'string' ? a : readFileSync(join(REPO, a.contentsOf), 'utf8')));
  const code = await main(['node', 'borrowscan', ...argv], io);
  return { code, stdout, stderr };
}

/**
 * What a reviewer reads in a golden file: the command, its exit code, stderr and stdout, with the only volatile
 * parts replaced (see normalize).
 */
export function transcript(args: Arg[], run: Run): string {
  return normalize(
    [
      `$ borrowscan ${args.map(shellWord).join(' ')}`,
      `exit code: ${run.code}`,
      '--- stderr ---',
      `${stream(run.stderr)}--- stdout ---`,
      stream(run.stdout),
    ].join('\n'),
  );
}

/**
 * The volatile parts, and nothing else: the repository's absolute path (golden runs pass relative paths, so this
 * catches a change that starts printing absolute ones without tying the files to one checkout) and the tool version
 * where reports state it (JSON `tool.version`, SARIF `driver.version` and `semanticVersion`), so a release does not
 * rewrite every golden file.
 */
export function normalize(text: string): string {
  const version = new RegExp(`("(?:version|semanticVersion)": )"${escapeRegExp(TOOL_VERSION)}"`, 'g');
  // SARIF names the root as a file URI, percent-encoded where the path needs it: that form becomes <repo> too.
  const repoUrl = pathToFileURL(REPO).href.replace(/\/?$/, '/');
  return text
    .split(repoUrl)
    .join('file://<repo>/')
    .split(REPO)
    .join('<repo>/')
    .split(REPO.slice(0, -1))
    .join('<repo>')
    .replace(version, '$1"<version>"');
}

function stream(text: string): string {
  if (text === '' || text.endsWith('\n')) return text;
  return `${text}\n\\ no newline at end\n`;
}

function shellWord(arg: Arg): string {
  if (typeof arg !== 'string') return `"$(cat ${arg.contentsOf})"`;
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
