import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `borrowscan <args>`, with captured output and an optional stdin. */
export async function runCli(
  args: string[],
  options: { stdin?: string | Buffer; tty?: boolean; env?: NodeJS.ProcessEnv; columns?: number } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as unknown as CliIO['stdin'];
  if (options.stdin === undefined) stdin.isTTY = true;
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, columns: options.columns },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin,
    env: options.env ?? {},
    now: () => new Date('2026-11-03T00:00:00Z'),
  };
  const code = await main(['node', 'borrowscan', ...args], io);
  return { code, stdout, stderr };
}
