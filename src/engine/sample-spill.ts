import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../shared/errors.js';

/**
 * One sample as a spill file stores it: six 32-bit words, time last so that it is 8-byte aligned
 * (tag, resource, line, file, time).
 */
export const RECORD_WORDS = 6;
export const RECORD_BYTES = RECORD_WORDS * 4;

/** Record buffers with two views of the same bytes: words and, for the time, 64-bit floats. */
export class RecordBuffer {
  readonly bytes: Uint8Array;
  readonly words: Uint32Array;
  readonly floats: Float64Array;
  constructor(readonly records: number) {
    const buffer = new ArrayBuffer(records * RECORD_BYTES);
    this.bytes = new Uint8Array(buffer);
    this.words = new Uint32Array(buffer);
    this.floats = new Float64Array(buffer);
  }
}

function spillError(dir: string, error: unknown, doing = 'write request samples to'): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  return new UsageError(
    `could not ${doing} a temporary file in ${dir} (${code}): point TMPDIR at a writable directory with ` +
      'free space, or keep more samples in memory (--sample-memory, e.g. 256MB).',
  );
}

/**
 * The temporary file request samples spill to, written and read with plain sync calls at explicit positions. On POSIX it
 * is unlinked as soon as it is open, so that it goes away with the process however the process ends; where that is
 * not allowed (Windows) it is removed on close or at exit.
 */
export class SpillFile {
  private fd: number;
  private path: string | undefined;
  private readonly removeAtExit = () => this.close();
  /** Bytes written so far: the next write goes there. */
  size = 0;

  constructor(readonly dir: string = tmpdir()) {
    const path = join(dir, `borrowscan-samples-${process.pid}-${randomBytes(6).toString('hex')}.bin`);
    try {
      this.fd = openSync(path, 'wx+', 0o600);
    } catch (error) {
      throw spillError(dir, error);
    }
    try {
      unlinkSync(path);
    } catch {
      this.path = path;
      process.on('exit', this.removeAtExit);
    }
  }

  /** Appends `length` bytes; returns where they start. */
  append(bytes: Uint8Array, length: number): number {
    const at = this.size;
    let done = 0;
    try {
      while (done < length) done += writeSync(this.fd, bytes, done, length - done, at + done);
    } catch (error) {
      throw spillError(this.dir, error);
    }
    this.size += length;
    return at;
  }

  /** Reads up to `length` bytes from `position` into the start of `bytes`; returns how many. */
  read(bytes: Uint8Array, length: number, position: number): number {
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(this.fd, bytes, done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
    } catch (error) {
      throw spillError(this.dir, error, 'read request samples back from');
    }
    return done;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.remove();
  }

  private remove(): void {
    if (this.path === undefined) return;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone.
    }
    this.path = undefined;
    process.off('exit', this.removeAtExit);
  }
}
