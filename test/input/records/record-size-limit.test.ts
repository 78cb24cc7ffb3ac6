import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from '../../../src/input/records/csv.js';
import { JsonRecordSplitter } from '../../../src/input/records/json.js';
import { DEFAULT_MAX_RECORD_BYTES, exceedsLimit, formatSize, oversizeReason } from '../../../src/input/records/limit.js';
import { LineSplitter } from '../../../src/input/records/lines.js';
import type { RecordSink } from '../../../src/input/records/sink.js';

function collect(): RecordSink & { records: [unknown, number][]; errors: [number, string][] } {
  const records: [unknown, number][] = [];
  const errors: [number, string][] = [];
  return { records, errors, record: (v, line) => records.push([v, line]), error: (line, reason) => errors.push([line, reason]) };
}

/**
 * A line of `chunks` x 64 KiB, pushed the way a file is read: 64 KiB at a time. The same piece of text is pushed
 * each time, so the test itself holds 64 KiB. A reader that joins what it holds to each new piece and searches it
 * again (as these readers did) does work that grows with the square of the line: for a 256 MB line, about 2^43
 * character copies, hours; a linear one searches each piece once.
 */
function pushLongLine(splitter: { push(text: string): void }, chunks: number): void {
  const piece = 'x'.repeat(64 * 1024);
  for (let i = 0; i < chunks; i++) splitter.push(piece);
}

const MB = 1024 * 1024;

describe('the record size limit', () => {
  it('is 16 MB by default and names its flag in the reason', () => {
    expect(DEFAULT_MAX_RECORD_BYTES).toBe(16 * MB);
    expect(oversizeReason(DEFAULT_MAX_RECORD_BYTES)).toBe('record larger than 16 MB (--max-record-size), skipped');
    expect(formatSize(512 * 1024)).toBe('512 KB');
    expect(formatSize(1536)).toBe('1.5 KB');
  });

  it('counts UTF-8 bytes: a character may be up to three', () => {
    expect(exceedsLimit('a'.repeat(10), 10)).toBe(false);
    expect(exceedsLimit('a'.repeat(11), 10)).toBe(true);
    expect(exceedsLimit('é'.repeat(5), 10)).toBe(false);
    expect(exceedsLimit('é'.repeat(6), 10)).toBe(true);
    expect(exceedsLimit('€'.repeat(4), 10)).toBe(true);
  });
});

describe('LineSplitter: a line over the limit', () => {
  it('is skipped with its line number and the reason, and reading goes on at the next line', () => {
    const sink = collect();
    const s = new LineSplitter(sink, { maxBytes: 1024 });
    s.push(`first\n${'y'.repeat(5000)}\nthird\n`);
    s.end();
    expect(sink.records).toEqual([
      ['first', 1],
      ['third', 3],
    ]);
    expect(sink.errors).toEqual([[2, oversizeReason(1024)]]);
  });

  it('reads a line of exactly the limit, in bytes and without its CRLF, and skips one byte more', () => {
    const sink = collect();
    const s = new LineSplitter(sink, { maxBytes: 10 });
    s.push('aaaaaaaaaa\r\n');
    s.push('é'.repeat(5));
    s.push('\r\nbbbbbbbbbbb\n');
    s.push('éééééa\r');
    s.end();
    expect(sink.records).toEqual([
      ['aaaaaaaaaa', 1],
      ['ééééé', 2],
    ]);
    expect(sink.errors.map(([line]) => line)).toEqual([3, 4]);
  });

  it('reads a 256 MB line in one pass and holds no more than the limit of it', () => {
    const sink = collect();
    const s = new LineSplitter(sink);
    s.push('before\n');
    pushLongLine(s, 4096);
    expect((s as unknown as { parts: string[] }).parts).toEqual([]);
    s.push('\nafter');
    s.end();
    expect(sink.records).toEqual([
      ['before', 1],
      ['after', 3],
    ]);
    expect(sink.errors).toEqual([[2, oversizeReason(DEFAULT_MAX_RECORD_BYTES)]]);
  });

  it('reads a long line under the limit whole, in time linear in its length', () => {
    const sink = collect();
    const s = new LineSplitter(sink, { maxBytes: 64 * MB });
    pushLongLine(s, 512);
    s.push('\n');
    s.end();
    expect(sink.errors).toEqual([]);
    expect((sink.records[0]![0] as string).length).toBe(32 * MB);
  });
});

describe('JsonRecordSplitter: a record over the limit', () => {
  const event = (n: number) => JSON.stringify({ n });

  it('one value per line: skipped with its line and the reason, the lines after it are read', () => {
    const sink = collect();
    const s = new JsonRecordSplitter(sink, { maxBytes: 1024 });
    s.push(`${event(1)}\n{"pad":"${'z'.repeat(4000)}"}\n${event(3)}\n`);
    s.end();
    expect(sink.records).toEqual([
      [{ n: 1 }, 1],
      [{ n: 3 }, 3],
    ]);
    expect(sink.errors).toEqual([[2, oversizeReason(1024)]]);
  });

  it('a 256 MB NDJSON line after the first: read in one pass, skipped, the next line read', () => {
    const sink = collect();
    const s = new JsonRecordSplitter(sink);
    s.push(`${event(1)}\n{"pad":"`);
    pushLongLine(s, 4096);
    s.push(`"}\n${event(3)}\n`);
    s.end();
    expect(sink.records).toEqual([
      [{ n: 1 }, 1],
      [{ n: 3 }, 3],
    ]);
    expect(sink.errors).toEqual([[2, oversizeReason(DEFAULT_MAX_RECORD_BYTES)]]);
  });

  it('a 64 MB first line, which no head can show whole: read as a stream, skipped, the lines after it read', () => {
    const sink = collect();
    const s = new JsonRecordSplitter(sink);
    s.push('{"pad":"');
    pushLongLine(s, 1024);
    s.push(`"}\n${event(2)}\n${event(3)}\n`);
    s.end();
    expect(sink.records).toEqual([
      [{ n: 2 }, 2],
      [{ n: 3 }, 3],
    ]);
    expect(sink.errors).toEqual([[1, oversizeReason(DEFAULT_MAX_RECORD_BYTES)]]);
  });

  it('a compact wrapper on one line larger than the limit is read record by record (CloudTrail delivery files)', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ eventName: 'GetObject', n: i, pad: 'p'.repeat(100) }));
    for (const layout of ['first', 'after another line'] as const) {
      const sink = collect();
      const s = new JsonRecordSplitter(sink, { maxBytes: 4096 });
      const wrapper = JSON.stringify({ Records: records });
      s.push(layout === 'first' ? `${wrapper}\n` : `${event(0)}\n${wrapper}\n`);
      s.end();
      if (layout === 'first') {
        expect(sink.errors).toEqual([]);
        expect(sink.records.map(([v]) => (v as { n: number }).n)).toEqual(records.map((r) => r.n));
      } else {
        // One value per line, decided by the first: a later line is a record of its own, over the limit.
        expect(sink.errors).toEqual([[2, oversizeReason(4096)]]);
      }
    }
  });

  it('an element of an array over the limit: skipped with the line it starts on, the next element read', () => {
    const sink = collect();
    const s = new JsonRecordSplitter(sink, { maxBytes: 1024 });
    s.push(`[\n${event(1)},\n{"pad":"${'z'.repeat(4000)}"},\n${event(3)}\n]\n`);
    s.end();
    expect(sink.records).toEqual([
      [{ n: 1 }, 2],
      [{ n: 3 }, 4],
    ]);
    expect(sink.errors).toEqual([[3, oversizeReason(1024)]]);
  });

  it('a top-level key of 64 MB (no wrapper key) is not held whole', () => {
    const sink = collect();
    const s = new JsonRecordSplitter(sink);
    s.push('{"');
    pushLongLine(s, 1024);
    const held = (s as unknown as { keyCarry: string }).keyCarry;
    expect(held.length).toBeLessThan(64);
    s.push('": 1}\n');
    s.end();
    expect(sink.errors).toEqual([[1, oversizeReason(DEFAULT_MAX_RECORD_BYTES)]]);
  });
});

describe('CsvSplitter: a row over the limit', () => {
  it('is skipped with its line and the reason; the rows after it are read', () => {
    const sink = collect();
    const s = new CsvSplitter(sink, { maxBytes: 1024 });
    s.push(`a,b,c\n1,2,3\n4,${'5'.repeat(3000)},6\n7,8,9\n`);
    s.end();
    expect(sink.records.map(([, line]) => line)).toEqual([2, 4]);
    expect(sink.errors).toEqual([[3, oversizeReason(1024)]]);
  });

  it('a 256 MB row is read in one pass', () => {
    const sink = collect();
    const s = new CsvSplitter(sink);
    s.push('a,b,c\n1,2,3\n');
    pushLongLine(s, 4096);
    s.push('\n7,8,9\n');
    s.end();
    expect(sink.records.map(([, line]) => line)).toEqual([2, 4]);
    expect(sink.errors).toEqual([[3, oversizeReason(DEFAULT_MAX_RECORD_BYTES)]]);
  });
});

describe('the limit, whatever the text and wherever it is cut (property)', () => {
  /** What a line reader must give: each non-blank line, or its number and the reason when over the limit. */
  function reference(text: string, maxBytes: number) {
    const records: [unknown, number][] = [];
    const errors: [number, string][] = [];
    text.split('\n').forEach((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (Buffer.byteLength(line) > maxBytes) errors.push([i + 1, oversizeReason(maxBytes)]);
      else if (line.trim().length > 0) records.push([line, i + 1]);
    });
    return { records, errors };
  }

  const lineText = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('é'.repeat(12), '€😀'.repeat(5), '\r', ' ', 'x'.repeat(40)));

  it('LineSplitter gives every line or its skip, as the reference does', () => {
    fc.assert(
      fc.property(
        fc.array(lineText, { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        (lines, cuts, maxBytes) => {
          const text = lines.map((l) => l.replaceAll('\n', ' ')).join('\n');
          const sink = collect();
          const s = new LineSplitter(sink, { maxBytes });
          let at = 0;
          for (let i = 0; at < text.length; i++) {
            const next = at + cuts[i % cuts.length]!;
            s.push(text.slice(at, next));
            at = next;
          }
          s.end();
          const expected = reference(text, maxBytes);
          expect(sink.records).toEqual(expected.records);
          expect(sink.errors).toEqual(expected.errors);
        },
      ),
      { numRuns: 500 },
    );
  });
});
