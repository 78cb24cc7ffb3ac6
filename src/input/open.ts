import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { InputFile } from './paths.js';

export { expandPaths, type InputFile } from './paths.js';

/** gzip's magic bytes: how a compressed input is recognized, whatever its name. */
export function hasGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Counts raw bytes as they are read, for progress. */
export type ByteCounter = (bytes: number) => void;

const CHUNK_BYTES = 64 * 1024;

/** Opens a file or stdin as raw byte chunks. */
export function openBytes(file: InputFile, stdin: NodeJS.ReadableStream = process.stdin): AsyncIterable<Buffer> {
  if (file.path === '-') return stdin as AsyncIterable<Buffer>;
  return readChunks(file.path);
}

/**
 * A file's bytes in chunks, read synchronously: the scan reads one file at a time and has nothing else to do
 * while it waits, and a stream's thread-pool round trips left the process idle for 15% of a scan.
 */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) return;
      yield n === CHUNK_BYTES ? buffer : buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes raw bytes to UTF-8 text chunks: gzip is recognized by its magic bytes (never by the name),
 * and a byte-order mark is dropped.
 */
export async function* decodeText(raw: AsyncIterable<Buffer>, onBytes?: ByteCounter): AsyncGenerator<string> {
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  let head: Buffer = first.value;
  // gzip's magic is two bytes, and a pipe may hand over the first byte alone.
  while (head.length < 2) {
    const more = await iterator.next();
    if (more.done) break;
    head = Buffer.concat([head, more.value]);
  }
  async function* counted(): AsyncGenerator<Buffer> {
    try {
      onBytes?.(head.length);
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        onBytes?.(next.value.length);
        yield next.value;
      }
    } finally {
      // Stopped early (the reader returned): let the source close its file.
      await iterator.return?.();
    }
  }
  const isGzip = hasGzipMagic(head);
  // zlib loads only for a gzip file (issue 12: 0.7 ms of every scan otherwise).
  const bytes: AsyncIterable<Buffer> = isGzip ? Readable.from(counted()).pipe((await import('node:zlib')).createGunzip()) : counted();
  // StringDecoder, not TextDecoder: on Node 20 TextDecoder returns two-byte strings even for ASCII,
  // which makes every later indexOf, slice and JSON.parse markedly slower.
  const decoder = new StringDecoder('utf8');
  let atStart = true;
  for await (const chunk of bytes) {
    let text = decoder.write(chunk);
    if (atStart && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      atStart = false;
    }
    if (text.length > 0) yield text;
  }
  const tail = decoder.end();
  if (tail.length > 0) yield atStart && tail.charCodeAt(0) === 0xfeff ? tail.slice(1) : tail;
}
