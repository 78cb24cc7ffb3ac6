import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, type JsonOptions } from '../../../src/input/records/json.js';
import { FUZZ_SEED, propertyRuns } from '../../helpers/seed.js';

/**
 * A small text that is not one value per line is tried whole, with one JSON.parse, before the character scanner
 * (issue 12). Whatever the text, it must come out exactly as the scanner alone reads it: the same records on the
 * same lines, the same skips, in the same order, wherever the text is cut.
 */

type Seen = ['record', unknown, number] | ['error', number, string];

function read(text: string, chunks: readonly number[], options: JsonOptions): Seen[] {
  const seen: Seen[] = [];
  const splitter = new JsonRecordSplitter(
    { record: (value, line) => seen.push(['record', value, line]), error: (line, reason) => seen.push(['error', line, reason]) },
    options,
  );
  const at = [...new Set(chunks.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of [...at, text.length]) {
    if (p > from) splitter.push(text.slice(from, p));
    from = Math.max(from, p);
  }
  splitter.end();
  return seen;
}

const key = fc.oneof(fc.constantFrom('a', 'records', 'value', '{', '}[', '\\', '"', ''), fc.string({ maxLength: 5 }));
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('{"x":[', '\\"', '\n', '\u2028'),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const object = fc.dictionary(key, fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, leaf, { maxKeys: 3 })), {
  maxKeys: 5,
});
const element = fc.oneof({ weight: 8, arbitrary: object }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const indent = fc.constantFrom(0, 1, 2, '\t', ' \r\n');
/** Arrays of records as exports lay them out, sometimes with a character broken or added. */
const exportText = fc
  .tuple(
    fc.array(element, { maxLength: 6 }),
    indent,
    fc.option(fc.tuple(fc.nat(), fc.constantFrom('', '{', '}', ']', '"', '\\', ',', '\n', 'x', '\uFEFF'))),
  )
  .map(([items, space, damage]) => {
    const text =
      typeof space === 'string' && space.includes('\r')
        ? JSON.stringify(items, null, 1).replace(/\n/g, space)
        : JSON.stringify(items, null, space as number);
    if (damage === null) return text;
    const at = damage[0] % (text.length + 1);
    return text.slice(0, at) + damage[1] + text.slice(at + (damage[1] === '' ? 1 : 0));
  });

describe('JsonRecordSplitter: a small text tried whole', () => {
  it('reads any array text, cut anywhere, exactly as the character scanner alone does', () => {
    fc.assert(
      fc.property(
        exportText,
        fc.array(fc.nat({ max: 5_000 }), { maxLength: 6 }),
        fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        (text, chunks, maxBytes) => {
          const scanned = read(text, [], { maxBytes, wholeUpTo: 0 });
          expect(read(text, chunks, { maxBytes })).toEqual(scanned);
          // Held past the size, the text goes to the scanner part way: the same again.
          expect(read(text, chunks, { maxBytes, wholeUpTo: 7 })).toEqual(scanned);
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(600) },
    );
  });

  it('gives each record the line its opening brace is on, after lines before the array', () => {
    const text = '\n[\n  {"a": "}{"},\n\n  {"b": {"c": [1, {"d": 2}]}}\n]\n';
    expect(read(text, [], {})).toEqual([
      ['record', { a: '}{' }, 3],
      ['record', { b: { c: [1, { d: 2 }] } }, 5],
    ]);
  });
});
