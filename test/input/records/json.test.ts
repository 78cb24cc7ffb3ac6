import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonRecordSplitter } from '../../../src/input/records/json.js';

interface Collected {
  records: { value: unknown; line: number }[];
  errors: { line: number; reason: string }[];
}

function split(chunks: string[]): Collected {
  const out: Collected = { records: [], errors: [] };
  const splitter = new JsonRecordSplitter({
    record: (value, line) => out.records.push({ value, line }),
    error: (line, reason) => out.errors.push({ line, reason }),
  });
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return out;
}

const a = { id: 1, s: 'x' };
const b = { id: 2, nested: { arr: [1, 2, { k: '}' }] }, text: 'quote " and [brackets] {braces}' };

describe('JsonRecordSplitter', () => {
  it('reads one record per line (NDJSON) with 1-based line numbers', () => {
    const r = split([`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`]);
    expect(r.records).toEqual([
      { value: a, line: 1 },
      { value: b, line: 2 },
    ]);
    expect(r.errors).toEqual([]);
  });

  it('accepts CRLF line ends, blank lines and a missing last newline as normal input', () => {
    const r = split([`${JSON.stringify(a)}\r\n\r\n${JSON.stringify(b)}`]);
    expect(r.records.map((x) => x.line)).toEqual([1, 3]);
    expect(r.errors).toEqual([]);
  });

  it('reports a malformed NDJSON line with its line number and goes on', () => {
    const r = split([`${JSON.stringify(a)}\n{"id": 2, "broken\n${JSON.stringify(b)}\n`]);
    expect(r.records.map((x) => x.line)).toEqual([1, 3]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(2);
    expect(r.errors[0]!.reason).toMatch(/^invalid JSON/);
  });

  it('streams a pretty-printed top-level array, citing the line each element starts on', () => {
    const text = JSON.stringify([a, b], null, 2);
    const r = split([text]);
    expect(r.records.map((x) => x.value)).toEqual([a, b]);
    const lines = text.split('\n');
    for (const rec of r.records) expect(lines[rec.line - 1]!.trim()).toBe('{');
  });

  it('unwraps {"records": [...]} and {"value": [...]} wrappers, pretty or compact', () => {
    for (const key of ['records', 'value', 'Records', 'items']) {
      const pretty = split([JSON.stringify({ '@odata.context': 'x', [key]: [a, b], next: null }, null, 2)]);
      expect(pretty.records.map((x) => x.value)).toEqual([a, b]);
      const compact = split([`${JSON.stringify({ [key]: [a, b] })}\n`]);
      expect(compact.records.map((x) => x.value)).toEqual([a, b]);
    }
  });

  it('reads a single pretty-printed object as one record', () => {
    const r = split([JSON.stringify(b, null, 2)]);
    expect(r.records).toEqual([{ value: b, line: 1 }]);
  });

  it('does not take an object whose "events" key is an array for a wrapper', () => {
    const activity = { id: { time: 't' }, events: [{ name: 'login_success' }] };
    const r = split([JSON.stringify(activity, null, 2)]);
    expect(r.records.map((x) => x.value)).toEqual([activity]);
  });

  it('reports a truncated array element instead of losing it silently', () => {
    const r = split(['[\n  {"id": 1},\n  {"id": 2, "x": [1, 2']);
    expect(r.records.map((x) => x.value)).toEqual([{ id: 1 }]);
    expect(r.errors).toEqual([{ line: 3, reason: expect.stringMatching(/unexpected end of input/) }]);
  });

  it('reports array elements that are not objects', () => {
    const r = split(['[{"id": 1}, 42, "text", {"id": 2}]']);
    expect(r.records.map((x) => x.value)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(r.errors.map((e) => e.reason)).toEqual(['array element is not a JSON object', 'array element is not a JSON object']);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const shapes = [
      JSON.stringify([a, b, a], null, 2),
      JSON.stringify({ records: [b, a] }, null, 1),
      `${JSON.stringify(a)}\n${JSON.stringify(b)}\n`,
      JSON.stringify(b, null, 4),
    ];
    for (const text of shapes) {
      const whole = split([text]);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), (cuts) => {
          const points = [0, ...cuts.sort((x, y) => x - y), text.length];
          const chunks = points.slice(1).map((end, i) => text.slice(points[i], end));
          expect(split(chunks)).toEqual(whole);
        }),
        { numRuns: 150 },
      );
    }
  });

  it('accounts for every element of any array of JSON objects (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 8 }), fc.boolean(), (objects, pretty) => {
        const r = split([JSON.stringify(objects, null, pretty ? 2 : undefined)]);
        expect(r.errors).toEqual([]);
        expect(r.records.map((x) => x.value)).toEqual(JSON.parse(JSON.stringify(objects)));
      }),
      { numRuns: 200 },
    );
  });
});
