import type { CliOutput } from './io.js';

/**
 * Standard output or error, written so that a failed write never kills the process with a stack trace: the first
 * error is kept (and the rest of the output dropped) for the CLI to judge once the command is done. A closed pipe
 * (`| head -1`) ends the output quietly; a full disk is one error line and exit 2.
 *
 * On a Node stream every write waits for the stream to take it, so a slow reader slows the report down instead of
 * the report piling up in memory; a test's stand-in (no `on`) is written to directly.
 */
export class GuardedOutput implements CliOutput {
  private failure: Error | undefined;
  private last: Promise<void> = Promise.resolve();
  private readonly isStream: boolean;

  constructor(private readonly stream: CliOutput) {
    this.isStream = typeof stream.on === 'function';
    stream.on?.('error', (error) => this.fail(error));
  }

  get isTTY(): boolean | undefined {
    return this.stream.isTTY;
  }

  get columns(): number | undefined {
    return this.stream.columns;
  }

  /** The error that ended this output, if one did. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Never throws and never rejects: callers that do not wait (commander's help, the progress bar) are safe too. */
  write(chunk: string): Promise<void> | undefined {
    if (this.failure !== undefined) return undefined;
    if (!this.isStream) {
      this.stream.write(chunk);
      return undefined;
    }
    const written = new Promise<void>((resolve) => {
      try {
        this.stream.write(chunk, (error) => {
          if (error) this.fail(error);
          resolve();
        });
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        resolve();
      }
    });
    this.last = written;
    return written;
  }

  /** Resolves once everything written so far has been taken by the stream (or failed). */
  settle(): Promise<void> {
    return this.last;
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }
}
