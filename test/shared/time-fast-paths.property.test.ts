import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClfTimeIn, parseTime, parseTimeByPatterns } from '../../src/shared/time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'JAN', 'feb', 'Xyz', 'mAr'];
const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const clf = fc
  .tuple(two, fc.constantFrom(...MONTHS), fc.integer({ min: 0, max: 9999 }), two, two, two, fc.constantFrom('+', '-'), two, two)
  .map(([d, mon, y, h, mi, s, sign, zh, zm]) => `${d}/${mon}/${String(y).padStart(4, '0')}:${h}:${mi}:${s} ${sign}${zh}${zm}`);

describe('the Common Log Format fast path reads what the general patterns read', () => {
  it('on generated times, real and impossible, in any zone', () => {
    fc.assert(
      fc.property(clf, (text) => {
        expect(parseTime(text)).toBe(parseTimeByPatterns(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('on damaged times', () => {
    const damaged = fc.tuple(clf, fc.nat(), fc.constantFrom(' ', '/', ':', '0', '9', 'a', '+', '.', '\t', '')).map(([t, at, ch]) => {
      const i = at % t.length;
      return t.slice(0, i) + ch + t.slice(i + 1);
    });
    fc.assert(
      fc.property(damaged, (text) => {
        expect(parseTime(text)).toBe(parseTimeByPatterns(text.trim()));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the usual forms', () => {
    expect(parseTime('10/Jun/2023:15:36:28 +0000')).toBe(Date.UTC(2023, 5, 10, 15, 36, 28));
    expect(parseTime('10/jun/2023:15:36:28 -0130')).toBe(Date.UTC(2023, 5, 10, 17, 6, 28));
    expect(parseTime('31/Feb/2023:15:36:28 +0000')).toBeUndefined();
    expect(parseTime('10/Jun/2023:15:36:28 +2400')).toBeUndefined();
  });
});

describe('a Common Log Format time read in place reads as the same text cut out', () => {
  const around = fc.constantFrom('', '[', ']', ' ', '10.0.0.1 - - [', '] "GET / HTTP/1.1"', '10/Jun/2023:15:36:28 +0000');
  it('on generated times between any text, read one after another (the last minute read is remembered)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(around, clf, around), { minLength: 1, maxLength: 4 }), (cases) => {
        for (const [before, time, after] of cases) {
          const whole = before + time + after;
          const inPlace = parseClfTimeIn(whole, before.length, before.length + time.length);
          // In place only the fast path's form is read; anything else is left to parseTime of the cut.
          expect(inPlace ?? parseTime(time)).toBe(parseTimeByPatterns(time));
          if (inPlace !== undefined) expect(inPlace).toBe(parseTime(time));
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads nothing that is not 26 characters or runs past the line', () => {
    const line = 'x [10/Jun/2023:15:36:28 +0000]';
    expect(parseClfTimeIn(line, 3, 29)).toBe(Date.UTC(2023, 5, 10, 15, 36, 28));
    expect(parseClfTimeIn(line, 3, 28)).toBeUndefined();
    expect(parseClfTimeIn(line, 10, 36)).toBeUndefined();
  });
});
