import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, readDetected } from '../helpers/read-file.js';

const original = readFileSync(fixture('access-log/plain-csv/webapp-access.csv'), 'utf8');
const [header, ...rows] = original.trimEnd().split('\n');

function csvFile(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borrowscan-csv-')), 'access.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The row with its user agent's closing quote lost: the quote that opens it never closes where a value may end. */
const unbalanced = (row: string) => row.replace(/(KHTML, like Gecko\) [^"]*)"/, '$1');

describe('a CSV log with an unbalanced quote', () => {
  it('on its second line is still read: that line is reported, detection and reading use the rest', async () => {
    const { report, events } = await readDetected(csvFile([header!, unbalanced(rows[0]!), ...rows.slice(1)]));
    expect(report.notRead).toBeUndefined();
    expect(report.format).toBe('access-log-csv');
    expect(report.errors).toEqual([{ line: 2, reason: expect.stringMatching(/^unbalanced quote/) }]);
    expect(events.map((e) => e.source.line)).toEqual(rows.slice(1).map((_, i) => i + 3));
  });

  it('on its second line, with no other quote to close it, is no longer "not a log" (the whole head was one record)', async () => {
    const plain = (n: number) =>
      `2026-11-02T11:00:0${n}.000Z,GET,/app/home,200,198.51.100.90,curl/8.7.1,carol@example.com,102a9,,0oa1webapp,10240`;
    const { report, events } = await readDetected(
      csvFile([header!, plain(0).replace('curl/8.7.1', '"curl/8.7.1'), plain(1), plain(2), plain(3)]),
    );
    expect(report.format).toBe('access-log-csv');
    expect(report.errors.map((e) => e.line)).toEqual([2]);
    expect(events.map((e) => e.source.line)).toEqual([3, 4, 5]);
  });

  it('mid-file loses only its own line, however many lines follow', async () => {
    const many = Array.from({ length: 50 }, (_, i) => rows[i % rows.length]!);
    const { report, events } = await readDetected(csvFile([header!, ...many.slice(0, 20), unbalanced(many[20]!), ...many.slice(21)]));
    expect(report.errors.map((e) => e.line)).toEqual([22]);
    expect(events).toHaveLength(49);
  });
});
