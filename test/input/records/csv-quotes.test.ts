import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSplitter, readCsvHead } from '../../../src/input/records/csv.js';

function read(text: string, maxBytes?: number) {
  const records: [Record<string, string>, number][] = [];
  const errors: [number, string][] = [];
  const s = new CsvSplitter(
    { record: (v, l) => records.push([v as Record<string, string>, l]), error: (l, r) => errors.push([l, r]) },
    { maxBytes },
  );
  s.push(text);
  s.end();
  return { records, errors, lines: records.map(([, l]) => l), errorLines: errors.map(([l]) => l) };
}

const HEADER = 'time,ip,user_agent,user';
const row = (n: number, ua = 'curl/8.0') => `2026-11-02T10:00:${String(n % 60).padStart(2, '0')}Z,192.0.2.${n % 250},${ua},u${n}`;
const quotedRow = (n: number) => row(n, '"Mozilla/5.0 (X11, Linux) Gecko"');

describe('CSV values in quotes', () => {
  it('read commas, doubled quotes and line breaks inside quotes', () => {
    const r = read(`a,b,c\n"x, y","say ""hi""","two\nlines"\n1,2,3\n`);
    expect(r.records).toEqual([
      [{ a: 'x, y', b: 'say "hi"', c: 'two\nlines' }, 2],
      [{ a: '1', b: '2', c: '3' }, 4],
    ]);
    expect(r.errors).toEqual([]);
  });

  it('keep a quote inside an unquoted value as written, and allow spaces after a closing quote', () => {
    const r = read('a,b,c\n5" screen,"q"  ,z\n');
    expect(r.records).toEqual([[{ a: '5" screen', b: 'q', c: 'z' }, 2]]);
  });

  it('report text after a closing quote on its line, and read the next line', () => {
    const r = read('a,b,c\n"x"y,2,3\n1,2,3\n');
    expect(r.errors).toEqual([[2, 'unreadable CSV row: text after the closing quote of a value']]);
    expect(r.lines).toEqual([3]);
  });
});

describe('an unbalanced quote', () => {
  it('on the second line: that line is reported, the lines after it are read', () => {
    const text = [HEADER, `2026-11-02T10:00:00Z,192.0.2.1,"curl/8.0,u0`, ...[1, 2, 3, 4].map((n) => row(n))].join('\n');
    const r = read(`${text}\n`);
    expect(r.errorLines).toEqual([2]);
    expect(r.errors[0]![1]).toMatch(/^unbalanced quote: a quoted value opens on this line/);
    expect(r.lines).toEqual([3, 4, 5, 6]);
  });

  it('mid-file, in a file with no other quote: does not swallow the rest of the file', () => {
    const lines = [HEADER, ...Array.from({ length: 500 }, (_, i) => (i === 200 ? `${row(i)}"` : i === 201 ? `"${row(i)}` : row(i)))];
    const r = read(`${lines.join('\n')}\n`);
    // Line 202 ends in a quote inside an unquoted value (kept as written); line 203 opens one that never closes.
    expect(r.errorLines).toEqual([203]);
    expect(r.lines).toHaveLength(499);
  });

  it('mid-file, in a file whose other values are quoted: only its own line is lost', () => {
    const lines = [HEADER, ...Array.from({ length: 300 }, (_, i) => (i === 100 ? `${row(i, '"Mozilla/5.0 (X11, Linux')}` : quotedRow(i)))];
    const r = read(`${lines.join('\n')}\n`);
    expect(r.errorLines).toEqual([102]);
    expect(r.lines).toEqual(Array.from({ length: 300 }, (_, i) => i + 2).filter((l) => l !== 102));
  });

  it('that a later quote closes into a row with too many cells: the first line is reported, the lines it took are read', () => {
    const r = read(`${HEADER}\n${row(0, '"curl')}\n${row(1)}\n${row(2, 'x",more')}\n${row(3)}\n`);
    expect(r.errorLines).toEqual([2, 4]);
    expect(r.errors[1]![1]).toBe('row has 5 cells, the header has 4');
    expect(r.lines).toEqual([3, 5]);
  });

  it("whose value a later quote closes into a row of the header's width: taken as one value over lines (RFC 4180)", () => {
    const r = read(`${HEADER}\n${row(0, '"curl')}\n${row(1)}\n${row(2, 'x"')}\n${row(3)}\n`);
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([2, 5]);
    expect(r.records[0]![0].user).toBe('u2');
  });

  it('at the end of the file: its line is reported', () => {
    const r = read(`${HEADER}\n${row(1)}\n${row(2, '"curl')}`);
    expect(r.errorLines).toEqual([3]);
    expect(r.lines).toEqual([2]);
  });

  it('with a value that stays open past the size limit: reported, and the lines it took are read', () => {
    const body = Array.from({ length: 100 }, (_, i) => row(i + 1)).join('\n');
    const r = read(`${HEADER}\n${row(0, '"curl')}\n${body}\n`, 1024);
    expect(r.errors).toEqual([[2, expect.stringMatching(/within 1 KB \(--max-record-size\)/)]]);
    expect(r.lines).toHaveLength(100);
  });

  it('on every line, in any pattern of quotes: every line is read at most twice (linear), and accounted for', () => {
    // Each line closes the value the line before opened and opens another: the record would run on through the
    // whole file. Read again line by line from every broken record's next line, this is quadratic.
    const n = 200_000;
    const lines = [HEADER, ...Array.from({ length: n }, (_, i) => `c${i}",d,"e`)];
    const r = read(`${lines.join('\n')}\n`);
    expect(r.records.length + r.errors.length).toBeGreaterThanOrEqual(n / 2);
    const seen = new Set([...r.lines, ...r.errorLines]);
    expect(seen.size).toBe(r.lines.length + r.errorLines.length);
    const parsed = countLineReads(lines.join('\n'));
    expect(parsed).toBeLessThanOrEqual(2 * n + 1);
  });
});

/** How many lines the splitter takes to read, those it reads again included: the work it does. */
function countLineReads(text: string): number {
  let count = 0;
  const splitter = new CsvSplitter({ record: () => undefined, error: () => undefined });
  const s = splitter as unknown as { take(item: { text?: string }): void };
  const take = s.take.bind(splitter);
  s.take = (item) => {
    if (item.text !== undefined) count++;
    take(item);
  };
  splitter.push(text);
  splitter.end();
  return count;
}

describe('readCsvHead: what detection sees of a CSV file', () => {
  it('is the header and the first rows the reader reads, past a broken line', () => {
    const text = [HEADER, `2026-11-02T10:00:00Z,192.0.2.1,"curl/8.0,u0`, row(1), row(2)].join('\n');
    const head = readCsvHead(`${text}\n`, 5);
    expect(head.header).toEqual(['time', 'ip', 'user_agent', 'user']);
    expect(head.records.map((r) => r.user)).toEqual(['u1', 'u2']);
  });
});

describe('any text of quotes, commas and line breaks (property)', () => {
  it('is read without throwing, reports in line order, each line at most once, and takes each line at most twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ',', '"', '""', '\n', '\r\n', ' '), { maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        (pieces, maxBytes) => {
          const text = pieces.join('');
          const r = read(text, maxBytes);
          const outcomes = [...r.lines, ...r.errorLines].sort((a, b) => a - b);
          expect(new Set(outcomes).size).toBe(outcomes.length);
          const lineCount = text.split('\n').length;
          for (const l of outcomes) expect(l >= 1 && l <= lineCount).toBe(true);
          expect(countLineReads(text)).toBeLessThanOrEqual(2 * lineCount);
        },
      ),
      { numRuns: 500 },
    );
  });
});
