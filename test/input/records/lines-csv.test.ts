import { describe, expect, it } from 'vitest';
import { CsvSplitter } from '../../../src/input/records/csv.js';
import { LineSplitter } from '../../../src/input/records/lines.js';

describe('LineSplitter', () => {
  it('numbers lines across chunks, strips CR and skips blank lines without losing count', () => {
    const seen: [unknown, number][] = [];
    const s = new LineSplitter({ record: (v, l) => seen.push([v, l]), error: () => undefined });
    s.push('first\r\nsec');
    s.push('ond\r\n\r\nthird');
    s.end();
    expect(seen).toEqual([
      ['first', 1],
      ['second', 2],
      ['third', 4],
    ]);
  });
});

describe('CsvSplitter', () => {
  async function read(text: string) {
    const records: [unknown, number][] = [];
    const errors: [number, string][] = [];
    const s = new CsvSplitter({ record: (v, l) => records.push([v, l]), error: (l, r) => errors.push([l, r]) });
    await s.push(text);
    await s.end();
    return { records, errors };
  }

  it('keys rows by trimmed header names, keeps quoted commas, drops a BOM', async () => {
    const r = await read('\ufefftime, user agent ,status\r\n2026-01-01T00:00:00Z,"Mozilla/5.0 (KHTML, like Gecko)",200\r\n');
    expect(r.records).toEqual([[{ time: '2026-01-01T00:00:00Z', 'user agent': 'Mozilla/5.0 (KHTML, like Gecko)', status: '200' }, 2]]);
    expect(r.errors).toEqual([]);
  });

  it('keeps the first of two columns with the same header name', async () => {
    const r = await read('a,b,a\n1,2,3\n');
    expect(r.records[0]![0]).toEqual({ a: '1', b: '2' });
  });

  it('keys no row by a name every object already has (constructor, toString, __proto__), as before the columns were planned', async () => {
    const r = await read('constructor,a,toString,__proto__,b\n1,2,3,4,5\n');
    const row = r.records[0]![0] as object;
    expect(Object.keys(row)).toEqual(['a', 'b']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('keys rows by any header name as written: quotes, backslashes, line separators, numbers, other scripts', async () => {
    const names = ['a"b', 'back\\slash', 'line\u2028sep', '7', 'zählung', "it's", '${x}', '10'];
    const header = names.map((n) => `"${n.replaceAll('"', '""')}"`).join(',');
    const r = await read(`${header}\n${names.map((_, i) => `v${i}`).join(',')}\n`);
    const want: Record<string, string> = {};
    names.forEach((n, i) => {
      want[n] = `v${i}`;
    });
    expect(r.errors).toEqual([]);
    expect(r.records[0]![0]).toEqual(want);
    // Keys in the order an object set key by key keeps them (integer-like keys first).
    expect(Object.keys(r.records[0]![0] as object)).toEqual(Object.keys(want));
  });

  it('reports a row with the wrong number of cells, with its line, and reads on', async () => {
    const r = await read('a,b,c\n1,2,3\n1,2\n4,5,6\n');
    expect(r.records.map((x) => x[1])).toEqual([2, 4]);
    expect(r.errors).toEqual([[3, 'row has 2 cells, the header has 3']]);
  });
});
