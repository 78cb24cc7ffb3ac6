import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringDecoder } from 'node:string_decoder';
import { readBlock } from '../../../src/input/block.js';
import { BlockReader, startsWithGzipMagic, type BlockRead } from '../../../src/input/parallel/block-reader.js';
import { oversizeReason } from '../../../src/input/records/limit.js';
import { LineSplitter } from '../../../src/input/records/lines.js';

const dir = mkdtempSync(join(tmpdir(), 'borrowscan-blocks-'));
let n = 0;
function file(content: string | Uint8Array): string {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, content);
  return path;
}

function blocksOf(path: string, blockBytes: number): Buffer[] {
  const reader = new BlockReader(path, blockBytes);
  const out: Buffer[] = [];
  for (let b = reader.next(); b; b = reader.next()) out.push(Buffer.from(block(b)));
  return out;
}

function block(read: BlockRead): Uint8Array {
  if (!('block' in read)) throw new Error('expected a block, not an overlong line');
  return read.block;
}

describe('BlockReader: a file in blocks of whole lines', () => {
  it('cuts only after a newline; the blocks joined are the file', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 40 }).map((s) => s.replaceAll('\n', ' ')),
          { maxLength: 60 },
        ),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (lines, finalNewline, blockBytes) => {
          const text = lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : '');
          const blocks = blocksOf(file(text), blockBytes);
          expect(Buffer.concat(blocks).toString('utf8')).toBe(text);
          for (const b of blocks.slice(0, -1)) expect(b[b.length - 1]).toBe(0x0a);
          for (const b of blocks) expect(b.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps a line longer than a block whole, in one block', () => {
    const long = 'x'.repeat(10_000);
    const blocks = blocksOf(file(`a\n${long}\nb\n`), 16);
    expect(blocks.filter((b) => b.toString().includes(`\n${long}\n`) || b.toString().startsWith(`${long}\n`))).toHaveLength(1);
  });

  it('never cuts inside a multi-byte character', () => {
    const text = 'é€😀\n'.repeat(500);
    for (const b of blocksOf(file(text), 7)) expect(b.toString('utf8')).not.toContain('\ufffd');
  });

  it('drops a UTF-8 byte-order mark at the start only', () => {
    const blocks = blocksOf(file('\ufeff{"a":1}\n\ufeff\n'), 4);
    expect(Buffer.concat(blocks).toString('utf8')).toBe('{"a":1}\n\ufeff\n');
  });

  it('gives nothing for an empty file and counts the bytes it read', () => {
    expect(blocksOf(file(''), 8)).toEqual([]);
    const reader = new BlockReader(file('abc\ndef\n'), 1024);
    expect(reader.next()?.bytesRead).toBe(8);
    expect(reader.next()).toBeUndefined();
  });

  it('reuses a recycled buffer for a later block, and the carried partial line survives it', () => {
    const reader = new BlockReader(file('aaaa\nbbbbbbbb\ncc\n'), 6);
    const first = block(reader.next()!);
    expect(Buffer.from(first).toString()).toBe('aaaa\n');
    reader.recycle(first.buffer as ArrayBuffer);
    const rest: string[] = [];
    for (let b = reader.next(); b; b = reader.next()) rest.push(Buffer.from(block(b)).toString());
    expect(rest.join('')).toBe('bbbbbbbb\ncc\n');
  });
});

describe('BlockReader: a line over the record size limit', () => {
  /** What the reader gives: blocks as text, an overlong line as a marker; and the most bytes it held at once. */
  function readAll(path: string, blockBytes: number, maxLineBytes: number) {
    const reader = new BlockReader(path, blockBytes, maxLineBytes);
    const items: string[] = [];
    let bytes = 0;
    let largest = 0;
    for (let b = reader.next(); b; b = reader.next()) {
      bytes += b.bytesRead;
      if ('block' in b) {
        items.push(Buffer.from(b.block).toString());
        largest = Math.max(largest, b.block.buffer.byteLength);
      } else items.push('<overlong>');
    }
    return { items, bytes, largest };
  }

  it('is dropped as it is read and stands in the order of lines as one item; the lines around it are intact', () => {
    for (const blockBytes of [16, 64, 4096]) {
      const text = `a\n${'x'.repeat(100_000)}\nb\nc\n${'y'.repeat(5000)}`;
      const { items, bytes } = readAll(file(text), blockBytes, 1024);
      expect(items.join('').replaceAll('<overlong>', '#\n'), `blocks of ${blockBytes}`).toBe('a\n#\nb\nc\n#\n');
      expect(items.filter((i) => i === '<overlong>')).toHaveLength(2);
      expect(bytes).toBe(Buffer.byteLength(text));
    }
  });

  it('holds no more than about twice the limit, however long the line (100 MB here)', () => {
    const path = file(Buffer.concat([Buffer.from('a\n'), Buffer.alloc(100 * 1024 * 1024, 0x78), Buffer.from('\nb\n')]));
    const { items, largest } = readAll(path, 4096, 64 * 1024);
    expect(items).toEqual(['a\n', '<overlong>', 'b\n']);
    expect(largest).toBeLessThanOrEqual(2 * (64 * 1024 + 2) + 4096);
  });

  it('keeps a line of exactly the limit, and one of the limit plus its CRLF', () => {
    const text = `${'x'.repeat(100)}\n${'y'.repeat(100)}\r\n${'z'.repeat(101)}\r\n`;
    const { items } = readAll(file(text), 8, 100);
    expect(items.join('')).toContain(`${'y'.repeat(100)}\r\n`);
    expect(items.join('')).toContain(`${'x'.repeat(100)}\n`);
    // 101 bytes and a CR is over the limit whatever follows: a block may carry it, and the splitter skips it.
    expect(items.join('').replace('<overlong>', '')).not.toContain('z'.repeat(102));
  });
});

describe('blocks read as the worker reads them give what a read of the whole text gives (property)', () => {
  const piece = fc.oneof(
    fc.constantFrom('a', 'é', '€', '😀', '\n', '\r\n', ' ', 'xxxxxxxxxxxxxxxx'),
    fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => Buffer.from(b).toString('latin1')),
  );

  it('the same lines, numbers and skips, for any bytes (invalid UTF-8 too), block size and limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.constant('\xff\xfe')), { maxLength: 120 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 48 }),
        (pieces, blockBytes, maxBytes) => {
          const bytes = Buffer.concat(
            pieces.map((p) => (/^[\x00-\xff]*$/.test(p) && /[\x80-\xff]/.test(p) ? Buffer.from(p, 'latin1') : Buffer.from(p))),
          );
          const path = file(bytes);
          const whole = { records: [] as [unknown, number][], errors: [] as [number, string][] };
          const splitter = new LineSplitter(
            { record: (v, l) => whole.records.push([v, l]), error: (l, r) => whole.errors.push([l, r]) },
            { maxBytes },
          );
          const decoder = new StringDecoder('utf8');
          const text = decoder.write(bytes) + decoder.end();
          splitter.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
          splitter.end();

          const blocks = { records: [] as [unknown, number][], errors: [] as [number, string][] };
          const sink = {
            record: (v: unknown, l: number) => blocks.records.push([v, l]),
            error: (l: number, r: string) => blocks.errors.push([l, r]),
          };
          const reader = new BlockReader(path, blockBytes, maxBytes);
          let line = 1;
          for (let b = reader.next(); b; b = reader.next()) {
            if ('block' in b) line = readBlock(b.block, 'text', sink, line, maxBytes);
            else sink.error(line++, oversizeReason(maxBytes));
          }
          expect(blocks).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('startsWithGzipMagic', () => {
  it('tells gzip from text by the first two bytes', () => {
    expect(startsWithGzipMagic(file(new Uint8Array([0x1f, 0x8b, 8, 0])))).toBe(true);
    expect(startsWithGzipMagic(file('{"a":1}\n'))).toBe(false);
    expect(startsWithGzipMagic(file(''))).toBe(false);
  });
});
