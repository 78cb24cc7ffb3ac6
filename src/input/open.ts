import { closeSync, openSync, readSync, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';

export interface InputFile {
  /** As the user will see it: the path given, or a path under a given directory; `-` for stdin. */
  path: string;
  /** Named on the command line (an unknown format is then an error, not a skip). */
  explicit: boolean;
  /** Size in bytes, when known (not for stdin). */
  size?: number;
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Turns the paths given on the command line into the files to read, in a stable order. */
export async function expandPaths(paths: string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      files.push({ path: '-', explicit: true });
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      if (GLOB_CHARS.test(p)) {
        files.push(...(await expandGlob(p)));
        continue;
      }
      throw new UsageError(`cannot read ${p}: ${describeFsError(err)}`);
    }
    if (info.isDirectory()) {
      files.push(...(await walk(p)));
    } else {
      files.push({ path: p, explicit: true, size: info.size });
    }
  }
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = f.path === '-' ? '-' : resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function walk(dir: string): Promise<InputFile[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new UsageError(`cannot read directory ${dir}: ${describeFsError(err)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: InputFile[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      out.push(...(await walk(full)));
    } else if (entry.isFile()) {
      const info = await stat(full);
      out.push({ path: full, explicit: false, size: info.size });
    }
  }
  return out;
}

async function expandGlob(pattern: string): Promise<InputFile[]> {
  const { glob } = await import('tinyglobby');
  const matches = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
  if (matches.length === 0) throw new UsageError(`no file matches ${pattern}`);
  return Promise.all(
    matches.map(async (m) => ({ path: m, explicit: false, size: (await stat(m)).size })),
  );
}

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
  const head: Buffer = first.value;
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
  const bytes: AsyncIterable<Buffer> = isGzip ? Readable.from(counted()).pipe(createGunzip()) : counted();
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
