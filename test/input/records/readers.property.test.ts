import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from '../../../src/input/records/csv.js';
import { JsonRecordSplitter } from '../../../src/input/records/json.js';
import { oversizeReason } from '../../../src/input/records/limit.js';
import type { RecordSink } from '../../../src/input/records/sink.js';
import { FUZZ_SEED, propertyRuns } from '../../helpers/seed.js';

/**
 * What the readers' own tests leave open: text no one wrote as JSON or CSV, cut anywhere, and the promise that every
 * line of one-value-per-line JSON and of CSV without quotes comes out as a record or a reported skip.
 */

interface Outcome {
  records: [unknown, number][];
  errors: [number, string][];
}

type Reader = { push(text: string): void; end(): void };

function read(make: (sink: RecordSink) => Reader, chunks: readonly string[]): Outcome {
  const out: Outcome = { records: [], errors: [] };
  const reader = make({
    record: (value, line) => out.records.push([value, line]),
    error: (line, reason) => out.errors.push([line, reason]),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return out;
}

/** The text cut at the given points (any order, any repeats). */
function cut(text: string, points: readonly number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of at) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks.filter((c) => c.length > 0);
}

const lineCount = (text: string): number => text.split('\n').length;

/** Pieces of JSON and of what breaks it: text a damaged export is made of. */
const jsonPiece = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    '"',
    '\\',
    ',',
    ':',
    ' ',
    '\n',
    '\r\n',
    '\t',
    '\uFEFF',
    'é',
    '😀',
    '\uFFFD',
    '"records"',
    '"value"',
    '"items"',
    '"Records"',
    '1',
    'null',
    'true',
  ),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 6 }),
);
const jsonText = fc.array(jsonPiece, { maxLength: 60 }).map((p) => p.join(''));
const chunkPoints = fc.array(fc.nat({ max: 10_000 }), { maxLength: 10 });
const smallLimit = fc.integer({ min: 1, max: 80 });

describe('JsonRecordSplitter on any text (property)', () => {
  it('never throws, cites lines that exist, and gives the same records and skips wherever the text is cut', () => {
    fc.assert(
      fc.property(jsonText, chunkPoints, fc.option(smallLimit, { nil: undefined }), (text, points, maxBytes) => {
        const make = (sink: RecordSink) => new JsonRecordSplitter(sink, { maxBytes });
        const whole = read(make, [text]);
        for (const [, line] of [...whole.records, ...whole.errors.map(([l]) => [null, l] as const)]) {
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lineCount(text));
        }
        for (const [, reason] of whole.errors) expect(reason.trim()).not.toBe('');
        expect(read(make, cut(text, points))).toEqual(whole);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(250) },
    );
  });

  /** One value per line (the first an object): each non-blank line is its value(s), or one skip on that line. */
  it('accounts for every line of one-value-per-line text, whatever each line holds', () => {
    const object = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((o) => JSON.stringify(o));
    const line = fc.oneof(
      object,
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      object.map((o) => o.slice(0, Math.max(1, o.length - 2))),
      fc.constantFrom('', '   ', '\t', '{"records": [{"a": 1}, 2, null]}', '[{"a": 1}, {"b": 2}]', '[]'),
    );
    fc.assert(
      fc.property(object, fc.array(line, { maxLength: 20 }), fc.boolean(), chunkPoints, (first, rest, crlf, points) => {
        const lines = [first, ...rest];
        const text = lines.join(crlf ? '\r\n' : '\n');
        const out = read((sink) => new JsonRecordSplitter(sink), cut(text, points));
        const expected: number[] = [];
        lines.forEach((raw, i) => {
          const t = raw.trim();
          if (t.length === 0) return;
          let value: unknown;
          try {
            value = JSON.parse(t);
          } catch {
            expected.push(i + 1);
            return;
          }
          const inner = Array.isArray(value) ? value : wrapped(value);
          for (let k = 0; k < (inner ? inner.length : 1); k++) expected.push(i + 1);
        });
        const got = [...out.records.map(([, l]) => l), ...out.errors.map(([l]) => l)].sort((a, b) => a - b);
        expect(got).toEqual(expected);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(300) },
    );
  });

  it('reads an array of any JSON values as one record or one skip per element', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 10 }),
        fc.constantFrom(undefined, 1, 2, '\t'),
        chunkPoints,
        (values, indent, points) => {
          const text = JSON.stringify(values, null, indent);
          const out = read((sink) => new JsonRecordSplitter(sink), cut(text, points));
          expect(out.records.length + out.errors.length).toBe(values.length);
          const objects = values.filter((v) => v !== null && typeof v === 'object');
          expect(out.records.map(([v]) => v)).toEqual(JSON.parse(JSON.stringify(objects)));
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(300) },
    );
  });

  it('skips a value over the limit as one skip, with the line it starts on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 8 }),
        smallLimit,
        chunkPoints,
        (pads, maxBytes, points) => {
          const text = pads.map((pad, i) => JSON.stringify({ i, pad })).join('\n');
          const out = read((sink) => new JsonRecordSplitter(sink, { maxBytes, linesFrom: 1 }), cut(text, points));
          pads.forEach((pad, i) => {
            const big = Buffer.byteLength(JSON.stringify({ i, pad })) > maxBytes;
            if (big) expect(out.errors).toContainEqual([i + 1, oversizeReason(maxBytes)]);
            else expect(out.records).toContainEqual([{ i, pad }, i + 1]);
          });
          expect(out.records.length + out.errors.length).toBe(pads.length);
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(300) },
    );
  });
});

function wrapped(value: unknown): unknown[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  for (const key of ['records', 'Records', 'value', 'items']) if (Array.isArray(o[key])) return o[key] as unknown[];
  return undefined;
}

describe('CsvSplitter on any text (property)', () => {
  const csvPiece = fc.oneof(
    fc.constantFrom('a', 'b', ',', '"', '""', '\n', '\r\n', '\r', ' ', '\uFEFF', 'é', '😀', '\u2028'),
    fc.string({ maxLength: 4 }),
  );

  it('gives the same rows and skips wherever the text is cut, and cites lines that exist', () => {
    fc.assert(
      fc.property(
        fc.array(csvPiece, { maxLength: 120 }),
        chunkPoints,
        fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
        (pieces, points, maxBytes) => {
          const text = pieces.join('');
          const make = (sink: RecordSink) => new CsvSplitter(sink, { maxBytes });
          const whole = read(make, [text]);
          // A file whose first line ends in a CR alone has a line end at every CR (a CRLF is then two).
          const lines = /\r\n|\r|\n/.exec(text)?.[0] === '\r' ? lineCount(text.replaceAll('\r', '\n')) : lineCount(text);
          for (const line of [...whole.records.map(([, l]) => l), ...whole.errors.map(([l]) => l)]) {
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lines);
          }
          expect(read(make, cut(text, points))).toEqual(whole);
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(250) },
    );
  });

  it('without quotes: every non-blank line after the header is one row or one skip on that line', () => {
    const cell = fc.string({ maxLength: 6 }).map((s) => s.replace(/["\r\n]/g, ''));
    const row = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 5 }),
        fc.array(fc.oneof(row, fc.constantFrom('', ' ')), { maxLength: 20 }),
        chunkPoints,
        (header, rows, points) => {
          fc.pre(header.join(',').trim().length > 0);
          const lines = [header.join(','), ...rows];
          const text = lines.join('\n');
          const out = read((sink) => new CsvSplitter(sink), cut(text, points));
          const expected = lines.flatMap((l, i) => (i > 0 && l.trim().length > 0 ? [i + 1] : []));
          const got = [...out.records.map(([, l]) => l), ...out.errors.map(([l]) => l)].sort((a, b) => a - b);
          expect(got).toEqual(expected);
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(300) },
    );
  });
});
