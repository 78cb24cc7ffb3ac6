import { closeSync, openSync, readSync } from 'node:fs';
import { hasGzipMagic } from '../open.js';
import { DEFAULT_MAX_RECORD_BYTES } from '../records/limit.js';

const NEWLINE = 0x0a;
const MAX_FREE_BUFFERS = 16;

/** A block of whole lines, or one line that was too long to hold, dropped as it was read. */
export type BlockRead = { block: Uint8Array; bytesRead: number } | { overlongLine: true; bytesRead: number };

/**
 * A file's bytes in blocks that end at a line end (the last may not), so that each block can be decoded and
 * parsed on its own. A block holds about `blockBytes`; a longer line makes its block longer, up to `maxLineBytes`:
 * a line longer than that is not held but read through to its end and reported as one overlong line (its UTF-8
 * text, as decoded, is at least as long, so a read on one thread skips it too). A UTF-8 byte-order mark at the
 * start is dropped. Each block is a view of its own buffer in shared memory, which nothing else uses, so that a
 * worker can read it where it is.
 */
export class BlockReader {
  private fd: number | undefined;
  private carry: Uint8Array = new Uint8Array(0);
  private atStart = true;
  /** Inside a line too long to hold: bytes are dropped up to its end. */
  private dropping = false;
  /** Buffers given back once their block was read, reused so that blocks do not keep allocating memory. */
  private readonly free: SharedArrayBuffer[] = [];

  constructor(
    path: string,
    private readonly blockBytes: number,
    private readonly maxLineBytes = DEFAULT_MAX_RECORD_BYTES,
  ) {
    this.fd = openSync(path, 'r');
  }

  /** The next block, and how many bytes of the file were read for it; undefined at the end of the file. */
  next(): BlockRead | undefined {
    let bytesRead = 0;
    let data = this.carry;
    while (this.fd !== undefined) {
      if (this.dropping) return this.dropLine(bytesRead);
      // A line longer than a block: read as much again as is held, so that a long line costs a few reads.
      const want = Math.max(this.blockBytes, Math.min(data.length, this.maxLineBytes + 2));
      const buffer = this.buffer(data.length + want);
      buffer.set(data);
      const n = readSync(this.fd, buffer, data.length, want, null);
      bytesRead += n;
      if (n === 0) {
        this.close();
        break;
      }
      data = buffer.subarray(0, data.length + n);
      if (this.atStart) {
        data = dropByteOrderMark(data);
        this.atStart = false;
      }
      const end = data.lastIndexOf(NEWLINE);
      if (end >= 0) {
        // The block keeps the buffer (it may be transferred whole); the carried partial line is copied out.
        this.carry = new Uint8Array(data.subarray(end + 1));
        return { block: data.subarray(0, end + 1), bytesRead };
      }
      // All that is held is one line, over the limit even if its last byte is the CR of a CRLF: stop holding it.
      if (data.length > this.maxLineBytes + 1) {
        this.dropping = true;
        data = this.carry = new Uint8Array(0);
      }
    }
    this.carry = new Uint8Array(0);
    // The last line, without a newline, as long as what is held may be.
    if (data.length > this.maxLineBytes + 1) return { overlongLine: true, bytesRead };
    return data.length > 0 ? { block: data, bytesRead } : undefined;
  }

  /** Reads on to the end of the overlong line (or of the file); what follows it is carried to the next block. */
  private dropLine(bytesRead: number): BlockRead {
    const buffer = this.buffer(this.blockBytes);
    try {
      for (;;) {
        const n = readSync(this.fd!, buffer, 0, this.blockBytes, null);
        bytesRead += n;
        if (n === 0) {
          this.close();
          break;
        }
        const nl = buffer.subarray(0, n).indexOf(NEWLINE);
        if (nl >= 0) {
          this.carry = new Uint8Array(buffer.subarray(nl + 1, n));
          break;
        }
      }
    } finally {
      this.recycle(buffer.buffer);
    }
    this.dropping = false;
    return { overlongLine: true, bytesRead };
  }

  /** Takes back the buffer of a block that has been read. */
  recycle(buffer: ArrayBufferLike): void {
    if (buffer instanceof SharedArrayBuffer && buffer.byteLength === this.pooledBytes && this.free.length < MAX_FREE_BUFFERS)
      this.free.push(buffer);
  }

  private get pooledBytes(): number {
    return 2 * this.blockBytes;
  }

  private buffer(size: number): Buffer {
    // Never from Node's shared pool: the block's buffer must be its own, for a worker to read.
    return Buffer.from(
      size > this.pooledBytes ? new SharedArrayBuffer(size) : (this.free.pop() ?? new SharedArrayBuffer(this.pooledBytes)),
    );
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function dropByteOrderMark(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
}

/** Whether a file begins with gzip's magic bytes: such a file is one stream and cannot be cut into blocks. */
export function startsWithGzipMagic(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = new Uint8Array(2);
    return hasGzipMagic(magic.subarray(0, readSync(fd, magic, 0, 2, 0)));
  } finally {
    closeSync(fd);
  }
}
