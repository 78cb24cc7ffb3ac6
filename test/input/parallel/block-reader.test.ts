import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockReader, startsWithGzipMagic } from '../../../src/input/parallel/block-reader.js';

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
  for (let b = reader.next(); b; b = reader.next()) out.push(Buffer.from(b.block));
  return out;
}

describe('BlockReader: a file in blocks of whole lines', () => {
  it('cuts only after a newline; the blocks joined are the file', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }).map((s) => s.replaceAll('\n', ' ')), { maxLength: 60 }), fc.boolean(), fc.integer({ min: 1, max: 64 }), (lines, finalNewline, blockBytes) => {
        const text = lines.join('\n') + (finalNewline && lines.length > 0 ? '\n' : '');
        const blocks = blocksOf(file(text), blockBytes);
        expect(Buffer.concat(blocks).toString('utf8')).toBe(text);
        for (const b of blocks.slice(0, -1)) expect(b[b.length - 1]).toBe(0x0a);
        for (const b of blocks) expect(b.length).toBeGreaterThan(0);
      }),
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
    const first = reader.next()!;
    expect(Buffer.from(first.block).toString()).toBe('aaaa\n');
    reader.recycle(first.block.buffer as ArrayBuffer);
    const rest: string[] = [];
    for (let b = reader.next(); b; b = reader.next()) rest.push(Buffer.from(b.block).toString());
    expect(rest.join('')).toBe('bbbbbbbb\ncc\n');
  });
});

describe('startsWithGzipMagic', () => {
  it('tells gzip from text by the first two bytes', () => {
    expect(startsWithGzipMagic(file(new Uint8Array([0x1f, 0x8b, 8, 0])))).toBe(true);
    expect(startsWithGzipMagic(file('{"a":1}\n'))).toBe(false);
    expect(startsWithGzipMagic(file(''))).toBe(false);
  });
});
