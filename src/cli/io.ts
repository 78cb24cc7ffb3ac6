/** An output stream as the CLI uses it: a process stream, or a test's stand-in that only has `write`. */
export interface CliOutput {
  /** Node's streams call `callback` once the chunk is written, with the error if it could not be. */
  write(chunk: string, callback?: (error?: Error | null) => void): unknown;
  /** Node's streams report a failed write here too; without a listener the process dies with a stack trace. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What the CLI touches of the outside world, so that tests can run it in-process. */
export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** The directory relative paths are read from (default: the process's). */
  cwd?: string;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: () => new Date() };
}
