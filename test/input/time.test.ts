import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTime, parseTimeByPatterns } from '../../src/shared/time.js';

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

  it('refuses a day the month does not have, in every form (it used to roll over into the next month)', () => {
    for (const v of [
      '2026-02-30T00:00:00Z',
      '2026-02-29T10:00:00.000Z',
      '2026-04-31',
      '2026-02-30 10:00:00.000',
      '30/Feb/2026:10:00:00 +0000',
      '31/Jun/2023:10:00:00 +0000',
    ]) {
      expect(parseTime(v), v).toBeUndefined();
    }
    expect(parseTime('2024-02-29T10:00:00Z')).toBe(at('2024-02-29T10:00:00Z'));
    expect(parseTime('29/Feb/2000:10:00:00 +0000')).toBe(at('2000-02-29T10:00:00Z'));
    expect(parseTime('1900-02-29')).toBeUndefined();
  });

  it('refuses an offset no clock has (RFC 3339: hours to 23, minutes to 59), and an hour or minute past the clock', () => {
    for (const v of ['2026-11-02T10:00:00+99:99', '2026-11-02T10:00:00+24:00', '2026-11-02T10:00:00-05:60', '2026-11-02T10:00:00+0999']) {
      expect(parseTime(v), v).toBeUndefined();
    }
    for (const v of ['10/Jun/2023:25:36:28 +0000', '10/Jun/2023:15:60:28 +0000', '10/Jun/2023:15:36:28 +9900', '2026-11-02T25:00:00Z']) {
      expect(parseTime(v), v).toBeUndefined();
    }
    expect(parseTime('2026-11-02T10:00:00+14:00')).toBe(at('2026-11-01T20:00:00Z'));
    expect(parseTime('2026-11-02T10:00:00-12:00')).toBe(at('2026-11-02T22:00:00Z'));
  });

  it("reads every real calendar day, and refuses every day past its month's end (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T12:00:00Z`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(parseTime(text)).toBe(real ? Date.parse(text) : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a run of times that share their minute (the fast paths remember the last) as the general patterns do (property)', () => {
    // Times drawn near one another, as a log's lines are: one date and hour, a few minutes, seconds past 59, other
    // zones and impossible days, so that a remembered minute is reused, replaced and wrongly matched if it could be.
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const iso = fc
      .tuple(
        fc.constantFrom('2026-11-02', '2026-02-29', '2024-02-29', '2026-13-01'),
        two(2),
        two(99),
        fc.constantFrom('', '.123', '.9', '.0451'),
      )
      .map(([day, mi, s, frac]) => `${day}T07:${mi}:${s}${frac}Z`);
    const clf = fc
      .tuple(
        fc.constantFrom('02/Nov/2026', '29/Feb/2026', '29/Feb/2024', '02/nov/2026', '02/Xyz/2026'),
        two(2),
        two(99),
        fc.constantFrom('+0000', '-0130', '+2400', '+0060'),
      )
      .map(([day, mi, s, zone]) => `${day}:07:${mi}:${s} ${zone}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(iso, clf), { minLength: 2, maxLength: 30 }), (times) => {
        for (const text of times) expect(parseTime(text), text).toBe(parseTimeByPatterns(text));
      }),
      { numRuns: 3000 },
    );
  });
});
