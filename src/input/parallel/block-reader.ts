import { closeSync, openSync, readSync } from 'node:fs';
import { hasGzipMagic } from '../open.js';

const NEWLINE = 0x0a;
const MAX_FREE_BUFFERS = 16;

/**
 * A file's bytes in blocks that end at a line end (the last may not), so that each block can be decoded and
 * parsed on its own. A block holds about `blockBytes`; a longer line makes its block longer. A UTF-8 byte-order
 * mark at the start is dropped. Each block is a view of its own
 * buffer, which nothing else uses, so that the buffer can be transferred to a worker.
 */
export class BlockReader {
  private fd: number | undefined;
  private carry: Uint8Array = new Uint8Array(0);
  private atStart = true;
  /** Buffers given back once their block was read, reused so that blocks do not keep allocating memory. */
  private readonly free: ArrayBuffer[] = [];

  constructor(
    path: string,
    private readonly blockBytes: number,
  ) {
    this.fd = openSync(path, 'r');
  }

  /** The next block, and how many bytes of the file were read for it; undefined at the end of the file. */
  next(): { block: Uint8Array; bytesRead: number } | undefined {
    let bytesRead = 0;
    let data = this.carry;
    while (this.fd !== undefined) {
      // A line longer than a block: read as much again as is held, so that a long line costs a few reads.
      const want = Math.max(this.blockBytes, data.length);
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
    }
    this.carry = new Uint8Array(0);
    return data.length > 0 ? { block: data, bytesRead } : undefined;
  }

  /** Takes back the buffer of a block that has been read. */
  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.pooledBytes && this.free.length < MAX_FREE_BUFFERS) this.free.push(buffer);
  }

  private get pooledBytes(): number {
    return 2 * this.blockBytes;
  }

  private buffer(size: number): Buffer {
    if (size > this.pooledBytes) return Buffer.allocUnsafeSlow(size);
    const reused = this.free.pop();
    // Not zero-filled, and never from Node's shared pool: the block's buffer must be its own to transfer.
    return reused ? Buffer.from(reused) : Buffer.allocUnsafeSlow(this.pooledBytes);
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
