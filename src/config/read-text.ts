import { type FileHandle, open } from 'node:fs/promises';
import { UsageError } from '../shared/errors.js';
import { describeFsError } from '../shared/fs-error.js';
import { CONFIG_LIMITS, describeBytes } from './limits.js';

/**
 * Reads a config file as UTF-8 text, at most CONFIG_LIMITS.bytes of it: a bigger file (or an endless one, such as
 * /dev/zero or a pipe) stops reading there with an error, so memory stays bounded. Pipes and process substitution
 * (`--agents <(...)`) work. Text that is not UTF-8 is refused with the line and column of its first bad byte.
 */
export async function readConfigText(file: string, what: string): Promise<string> {
  const bytes = await readBounded(file, what, CONFIG_LIMITS.bytes);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(`${file}:1:1: the ${what} is UTF-16 text; save it as UTF-8`);
  }
  // ignoreBOM keeps a byte-order mark in the text, as readFile did; the YAML parser skips it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = firstInvalidByte(bytes, text);
  if (bad !== undefined) {
    const { line, column } = positionOf(text, bad.index);
    const hex = bytes[bad.offset]!.toString(16).toUpperCase().padStart(2, '0');
    throw new UsageError(`${file}:${line}:${column}: the ${what} is not UTF-8 text (byte 0x${hex}); save it as UTF-8`);
  }
  return text;
}

async function readBounded(file: string, what: string, limit: number): Promise<Uint8Array> {
  const cannotRead = (err: unknown) => new UsageError(`cannot read ${what} ${file}: ${describeFsError(err)}`);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    throw cannotRead(err);
  }
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.min(64 * 1024, limit + 1 - total));
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
      } catch (err) {
        throw cannotRead(err);
      }
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) {
        throw new UsageError(`${file}: the ${what} is larger than ${describeBytes(limit)}, the most a config file may hold`);
      }
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Where the decoder first put U+FFFD for bytes that were not UTF-8 (a U+FFFD written as its own three bytes is
 * text): walks the decoded text and the bytes together.
 */
function firstInvalidByte(bytes: Uint8Array, text: string): { offset: number; index: number } | undefined {
  let offset = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return { offset, index };
    }
    if (unit < 0x80) offset += 1;
    else if (unit < 0x800) offset += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      offset += 4;
      index++; // the low surrogate of the pair: same four bytes
    } else offset += 3;
  }
  return undefined;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
