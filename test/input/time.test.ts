import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTime } from '../../src/shared/time.js';

const at = (iso: string) => Date.parse(iso);

describe('parseTime', () => {
  it('reads ISO 8601 with Z and milliseconds (Okta published)', () => {
    expect(parseTime('2020-02-14T22:18:51.843Z')).toBe(at('2020-02-14T22:18:51.843Z'));
  });

  it('reads 7 and 9 fractional digits and numeric offsets (Entra createdDateTime)', () => {
    expect(parseTime('2019-10-18T04:45:48.0729893-05:00')).toBe(at('2019-10-18T09:45:48.072Z') + 0.9893);
    expect(parseTime('2022-01-24T05:10:08.6816663Z')).toBeCloseTo(at('2022-01-24T05:10:08.681Z'), -1);
    expect(parseTime('2023-07-26T22:58:30.983201900+00:00')).toBeCloseTo(at('2023-07-26T22:58:30.983Z'), -1);
  });

  it('reads the SIEM form without T and zone as UTC', () => {
    expect(parseTime('2022-03-22 14:21:53.225')).toBe(at('2022-03-22T14:21:53.225Z'));
    expect(parseTime('2022-03-22 14:21:53.225000000')).toBe(at('2022-03-22T14:21:53.225Z'));
  });

  it('reads Common Log Format times with their offset', () => {
    expect(parseTime('10/Jun/2023:15:36:28 +0000')).toBe(at('2023-06-10T15:36:28Z'));
    expect(parseTime('17/May/2015:10:05:03 +1100')).toBe(at('2015-05-16T23:05:03Z'));
  });

  it('reads epoch seconds, milliseconds, microseconds and nanoseconds', () => {
    const ms = at('2022-11-10T16:24:34Z');
    expect(parseTime(ms / 1000)).toBe(ms);
    expect(parseTime(ms)).toBe(ms);
    expect(parseTime(ms * 1000)).toBe(ms);
    expect(parseTime(String(ms * 1_000_000))).toBe(ms);
  });

  it('refuses placeholders and impossible dates instead of guessing', () => {
    for (const v of ['redacted', '', '-', '2024-12-17 00:00:00000000', '2024-13-01T00:00:00Z', null, undefined, {}, true]) {
      expect(parseTime(v)).toBeUndefined();
    }
  });

  it('reads every ISO instant exactly as Date.parse does (the integer fast path, property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_399_999 }), fc.boolean(), (ms, withMillis) => {
        const iso = new Date(ms).toISOString();
        const text = withMillis ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
        expect(parseTime(text)).toBe(Date.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws and returns a finite time or undefined for any input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.jsonValue()), (v) => {
        const t = parseTime(v);
        expect(t === undefined || Number.isFinite(t)).toBe(true);
      }),
    );
  });
});
