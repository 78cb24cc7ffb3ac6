import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_SIZE, MIN_RECORD_SIZE, parseRecordSize } from '../../src/cli/size-arg.js';
import { parseTimeArg } from '../../src/cli/time-arg.js';
import { UsageError } from '../../src/shared/errors.js';
import { FUZZ_SEED, propertyRuns } from '../helpers/seed.js';

const NOW = new Date('2026-11-03T00:00:00Z');

/** Text a user or a script might pass for a flag's value: digits, units, signs, dates, and anything else. */
const argText = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom('', ' ', '-', '+', '0', '00'),
      fc.oneof(
        fc.nat().map(String),
        fc.double({ noNaN: false }).map(String),
        fc.bigInt({ min: 0n, max: 10n ** 40n }).map(String),
        fc.constantFrom('1e3', '0x10', '1_000', '.5', '5.', 'Infinity'),
      ),
      fc.constantFrom('', ' ', 's', 'm', 'h', 'd', 'w', 'y', 'KB', 'kb', 'MB', 'GB', 'GiB', 'b', 'bytes', 'B', 'T', 'ms', 'Z'),
    )
    .map((p) => p.join('')),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30', '2026-11-02T25:00:00Z', '2026-11-02T09:00:00+99:99', '9999999999999999d', '0d', '30M', '1.5h', 'now', ''),
);

describe('--since and --until values (property)', () => {
  it('are a finite time or one UsageError that quotes the flag, never another throw', () => {
    fc.assert(
      fc.property(fc.constantFrom('--since', '--until'), argText, (flag, value) => {
        let t: number;
        try {
          t = parseTimeArg(flag, value, NOW);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          // One line, the value quoted with its line breaks escaped: the error is one line on stderr.
          expect((err as Error).message.startsWith(flag)).toBe(true);
          expect((err as Error).message).not.toMatch(/[\r\n]/);
          return;
        }
        expect(Number.isFinite(t)).toBe(true);
        expect(new Date(t).toISOString()).toMatch(/Z$/);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(600) },
    );
  });

  it('read an age as that long before now, to the millisecond', () => {
    const ms = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('s', 'm', 'h', 'd', 'w', 'S', 'H', 'D'), (n, unit) => {
        const expected = NOW.getTime() - n * ms[unit.toLowerCase() as keyof typeof ms];
        expect(parseTimeArg('--since', `${n}${unit}`, NOW)).toBe(expected);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(200) },
    );
  });
});

describe('--max-record-size values (property)', () => {
  it('are a whole number of bytes from 1 KB to 256 MB, or one InvalidArgumentError', () => {
    fc.assert(
      fc.property(argText, (value) => {
        let bytes: number;
        try {
          bytes = parseRecordSize(value);
        } catch (err) {
          expect(err).toBeInstanceOf(InvalidArgumentError);
          return;
        }
        expect(Number.isSafeInteger(bytes)).toBe(true);
        expect(bytes).toBeGreaterThanOrEqual(MIN_RECORD_SIZE);
        expect(bytes).toBeLessThanOrEqual(MAX_RECORD_SIZE);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(600) },
    );
  });

  it('read every size in range, in bytes and in each unit, as the number of bytes it says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_RECORD_SIZE, max: MAX_RECORD_SIZE }),
        fc.constantFrom(['', 1], ['KB', 1024], ['k', 1024], ['MiB', 1024 ** 2], ['mb', 1024 ** 2]),
        (n, [unit, factor]) => {
          const whole = Math.floor(n / (factor as number));
          fc.pre(whole * (factor as number) >= MIN_RECORD_SIZE);
          expect(parseRecordSize(`${whole}${unit as string}`)).toBe(whole * (factor as number));
        },
      ),
      { seed: FUZZ_SEED, numRuns: propertyRuns(200) },
    );
  });
});
