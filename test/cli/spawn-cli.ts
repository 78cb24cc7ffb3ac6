import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: spawned runs start there, as a user in a checkout would. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/borrowscan.js', import.meta.url));

export interface ShellRun {
  /** The exit code of borrowscan itself, not of the pipeline's last command. */
  code: number;
  stderr: string;
}

/**
 * Runs the built CLI (`bin/borrowscan.js`, so `npm run build` first: `npm test` does) in a real shell pipeline:
 * `borrowscan ARGS <redirect>`, where redirect is `> /dev/full`, `| true` (a reader that is gone before the first
 * write) or `| head -1`. stderr is captured; the exit code is borrowscan's own (PIPESTATUS).
 */
export function runInShell(args: string[], redirect: string, cwd = REPO): ShellRun {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `"${process.execPath}" "${BIN}" ${quoted} 2>&3 ${redirect}; exit \${PIPESTATUS[0]}`;
  // fd 3 carries borrowscan's stderr to ours, past the pipeline's own stdout.
  const run = spawnSync('bash', ['-c', `exec 3>&2; ${script}`], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: run.status ?? -1, stderr: run.stderr };
}
