import { describe, expect, it } from 'vitest';
import { readBlock } from '../../src/input/block.js';
import type { RecordSink } from '../../src/input/records/sink.js';

function collect(): RecordSink & { records: [unknown, number][]; errors: [number, string][] } {
  const records: [unknown, number][] = [];
  const errors: [number, string][] = [];
  return { records, errors, record: (v, line) => records.push([v, line]), error: (line, reason) => errors.push([line, reason]) };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readBlock: one block of whole lines', () => {
  it('numbers JSON lines from the block first line, skips blank lines and reports bad JSON where it is', () => {
    const sink = collect();
    const next = readBlock(bytes('{"a":1}\r\n\n{bad\n{"a":2}\n'), 'json', sink, 101);
    expect(sink.records).toEqual([
      [{ a: 1 }, 101],
      [{ a: 2 }, 104],
    ]);
    expect(sink.errors.map(([line]) => line)).toEqual([103]);
    expect(next).toBe(105);
  });

  it('reads a last line without its newline', () => {
    const sink = collect();
    readBlock(bytes('{"a":1}\n{"a":2}'), 'json', sink, 1);
    expect(sink.records.map(([, line]) => line)).toEqual([1, 2]);
  });

  it('reads text lines, CRLF or LF', () => {
    const sink = collect();
    const next = readBlock(bytes('one\r\ntwo\n\nthree\n'), 'text', sink, 7);
    expect(sink.records).toEqual([
      ['one', 7],
      ['two', 8],
      ['three', 10],
    ]);
    expect(next).toBe(11);
  });

  it('decodes multi-byte characters that straddle its internal decoding pieces', () => {
    const line = `{"u":"${'é'.repeat(70_000)}"}\n`;
    const sink = collect();
    readBlock(bytes(line + line), 'json', sink, 1);
    expect(sink.errors).toEqual([]);
    expect(sink.records.map(([v]) => (v as { u: string }).u.length)).toEqual([70_000, 70_000]);
  });
});
