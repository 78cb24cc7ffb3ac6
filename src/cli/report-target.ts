import { open, type FileHandle } from 'node:fs/promises';
import type { ReportSink } from '../report/sink.js';
import type { GuardedOutput } from './guarded-output.js';

/** Ends a report whose destination failed; carries why. */
export class WriteFailed extends Error {
  override readonly name = 'WriteFailed';
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Where a report's text goes: standard output or a file. `write` throws WriteFailed once it cannot go on. */
export interface ReportTarget {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Standard output. Its failures are judged once, when the command ends (see GuardedOutput). */
export function stdoutTarget(stdout: GuardedOutput): ReportTarget {
  return {
    async write(text) {
      await stdout.write(text);
      if (stdout.failed) throw new WriteFailed(stdout.failed);
    },
    async close() {
      await stdout.settle();
      if (stdout.failed) throw new WriteFailed(stdout.failed);
    },
  };
}

/** A report file, created or truncated when the report starts. */
export async function fileTarget(path: string): Promise<ReportTarget> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'w');
  } catch (err) {
    throw new WriteFailed(err);
  }
  let closed = false;
  return {
    async write(text) {
      const bytes = Buffer.from(text);
      try {
        for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at)).bytesWritten;
      } catch (err) {
        throw new WriteFailed(err);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await handle.close();
      } catch (err) {
        throw new WriteFailed(err);
      }
    },
  };
}

/** Chunks that reach this size go on to the target in one write. */
const FLUSH_CHARS = 64 * 1024;

/** Gathers a reporter's small writes into pieces of about 64 KB for its target: memory stays at one piece. */
export class BufferedSink implements ReportSink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly target: ReportTarget) {}

  write(chunk: string): Promise<void> | undefined {
    this.parts.push(chunk);
    this.size += chunk.length;
    return this.size >= FLUSH_CHARS ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.target.write(text);
  }
}
