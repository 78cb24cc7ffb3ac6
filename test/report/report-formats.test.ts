import { describe, expect, it } from 'vitest';
import { FILE_REPORTS, loadReporter, REPORT_FORMATS, REPORTERS } from '../../src/report/index.js';

describe('report formats loaded one at a time', () => {
  it('lists every reporter, in the order --help shows them', () => {
    expect(REPORT_FORMATS).toEqual(Object.keys(REPORTERS));
  });

  it('loads, for each format name, the same reporter the full registry holds', async () => {
    for (const format of REPORT_FORMATS) expect(await loadReporter(format)).toBe(REPORTERS[format]);
  });

  it('offers every format but the table as a file report', () => {
    expect([...FILE_REPORTS].sort()).toEqual(REPORT_FORMATS.filter((f) => f !== 'table').sort());
  });

  it('refuses a name that is no report format', () => {
    expect(() => loadReporter('pdf')).toThrow(/no report format pdf/);
  });
});
