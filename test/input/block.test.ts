import { StringDecoder } from 'node:string_decoder';
import type { Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlock } from '../../src/input/block.js';
import { LineSplitter } from '../../src/input/records/lines.js';
import type { RecordSink } from '../../src/input/records/sink.js';

function collect(): RecordSink & { records: [unknown, number][]; errors: [number, string][] } {
  const records: [unknown, number][] = [];
  const errors: [number, string][] = [];
  return { records, errors, record: (v, line) => records.push([v, line]), error: (line, reason) => errors.push([line, reason]) };
}

const bytes = (s: string) => new TextEncoder().encode(s);

/** Files of up to 8 of the pieces `piece` gives, each with any line end or none, and raw bytes (invalid UTF-8 too). */
async function filesOf(piece: Arbitrary<string>) {
  const fc = (await import('fast-check')).default;
  const ends = fc.constantFrom('\n', '\r\n', '\r', '');
  const file = fc.array(fc.tuple(piece, ends), { maxLength: 8 }).map((lines) => lines.map(([p, e]) => p + e).join(''));
  const raw = fc.uint8Array({ maxLength: 60 }).map((u) => Buffer.from(u));
  return fc.oneof(
    file.map((s) => Buffer.from(s, 'utf8')),
    raw,
  );
}

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

describe('readBlock: text lines, each decoded from its own bytes', () => {
  /** What LineSplitter gives on the block decoded as a stream is decoded: pieces of `piece` bytes. */
  function asStream(data: Uint8Array, piece: number, maxBytes?: number) {
    const sink = collect();
    const splitter = new LineSplitter(sink, { firstLine: 1, maxBytes });
    const decoder = new StringDecoder('utf8');
    for (let at = 0; at < data.length; at += piece) splitter.push(decoder.write(Buffer.from(data.subarray(at, at + piece))));
    const tail = decoder.end();
    if (tail.length > 0) splitter.push(tail);
    const next = splitter.nextLine;
    splitter.end();
    return { sink, next };
  }

  it("gives LineSplitter's lines, numbers, blank lines passed over and lines over the limit, for any bytes (property)", async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.oneof(
      fc.constantFrom(
        '10.0.0.1 - - [02/Nov/2026:07:01:25 +0000] "GET / HTTP/1.1" 200 5',
        '   ',
        '\t',
        '\u00a0x',
        'x\u00a0',
        'é',
        '€uro',
        '\ud83d\ude00',
        '',
      ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        await filesOf(piece),
        fc.constantFrom(undefined, 4, 12, 40, 1024),
        fc.integer({ min: 1, max: 64 }),
        (data, maxBytes, pieceBytes) => {
          const blocks = collect();
          const next = readBlock(data, 'text', blocks, 1, maxBytes);
          const stream = asStream(data, pieceBytes, maxBytes);
          expect(blocks.records).toEqual(stream.sink.records);
          expect(blocks.errors).toEqual(stream.sink.errors);
          expect(next).toBe(stream.next);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('readBlock: JSON lines offered as bytes first (a sink with line())', () => {
  /** What a sink sees, read as text, or offered each line as bytes and leaving every one to be read as text. */
  function bothWays(data: Uint8Array, maxBytes?: number) {
    const text = collect();
    const textNext = readBlock(data, 'json', text, 1, maxBytes);
    const offered: [number, string][] = [];
    const bytesWay = collect();
    const bytesNext = readBlock(
      data,
      'json',
      {
        ...bytesWay,
        line: (b, start, end, line) => {
          offered.push([line, b.toString('utf8', start, end)]);
          return false;
        },
      },
      1,
      maxBytes,
    );
    return { text, textNext, bytesWay, bytesNext, offered };
  }

  it('gives the records, errors and next line number of the text reading, for any bytes and size limit', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.oneof(
      fc.constantFrom(
        '{"a":1}',
        '{"records":[{"x":1},{"x":2}]}',
        '[1,2]',
        '{bad',
        '   ',
        ' {"a": "b"} ',
        '\u00a0{"a":1}',
        '{"a":1}\u00a0',
        '\ufeff{"a":1}',
        '',
      ),
      fc.json(),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(await filesOf(piece), fc.constantFrom(undefined, 4, 12, 40, 1024), (data, maxBytes) => {
        const r = bothWays(data, maxBytes);
        expect(r.bytesWay.records).toEqual(r.text.records);
        expect(r.bytesWay.errors).toEqual(r.text.errors);
        expect(r.bytesNext).toBe(r.textNext);
      }),
      { numRuns: 3000 },
    );
  });

  it('offers a line as bytes only when it starts with a printable character and is well within the limit', () => {
    const r = bothWays(bytes('{"a":1}\r\n {"a":2}\n\n{"a":3}'));
    expect(r.offered).toEqual([
      [1, '{"a":1}'],
      [4, '{"a":3}'],
    ]);
    expect(r.bytesWay.records.map(([, line]) => line)).toEqual([1, 2, 4]);
  });
});
