import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCombined } from '../../../src/input/combined-log/map.js';
import { matchTextHead } from '../../../src/input/envoy/fields.js';
import { buildPattern } from '../../../src/input/log-format/pattern.js';
import type { Part } from '../../../src/input/log-format/spec.js';
import { SHAPES } from '../../../src/input/log-format/variables.js';
import { FUZZ_SEED, propertyRuns } from '../../helpers/seed.js';

/**
 * The line matchers that replaced regexes whose quoted fields overflowed V8's backtracking stack on lines of several
 * megabytes (found by the fuzz, issue 11) match what those regexes matched, on any line short enough for them.
 */
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const q = (name: string): string => QUOTED.replace('(', `(?<${name}>`);
const OLD_COMBINED = new RegExp(
  String.raw`^(?:(?<vhost>\S+) )?(?<host>\S+) (?<ident>\S+) (?<user>\S+) ` +
    String.raw`\[(?<time>\d{1,2}/[A-Za-z]{3}/\d{4}:[^\]]*)\] ${q('request')} (?<status>\d{3}|-) (?<bytes>\d+|-)` +
    `(?: ${q('referer')} ${q('agent')})?(?: .*)?$`,
);
const OLD_ENVOY_HEAD = /^\[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{1,3}|-) (.*)$/;

/** Pieces of access-log lines and of what breaks them: quotes, escapes, line terminators, digits, brackets. */
const piece = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ' ',
      '"',
      '\\',
      '\\"',
      '\\x22',
      '-',
      '[',
      ']',
      '200',
      '5',
      '1234',
      '\r',
      '\u2028',
      '\n',
      'a',
      'GET /a HTTP/1.1',
      '10/Jun/2023:15:36:28 +0000',
      '2016-04-15T20:17:00.310Z',
      '" "',
      '""',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const junk = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

/** Mostly the value, sometimes damage: lines that match as often as they do not. */
const orJunk = (value: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: junk });
const inQuotes = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', ' ', '\\"', '\\x22', '\\\\', '/', '(', 'é'),
      fc.string({ maxLength: 3 }).filter((t) => !/["\\]/.test(t)),
    ),
    { maxLength: 8 },
  )
  .map((p) => p.join(''));

/** Lines close to a combined line, damaged anywhere, with a vhost or not. */
const combinedLine = fc
  .tuple(
    fc.constantFrom('', 'example.com:443 '),
    orJunk('192.0.2.1'),
    orJunk('-'),
    orJunk(''),
    fc.oneof(inQuotes, junk),
    fc.constantFrom(' 200 5', ' 200 -', ' - 0', ' 2000 5', ' 200 5x', ' 404 12345'),
    fc.option(fc.tuple(fc.oneof(inQuotes, junk), fc.oneof(inQuotes, junk)), { freq: 4 }),
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', ' "198.51.100.1"', ' 12 router', ' -') }, { weight: 1, arbitrary: junk }),
  )
  .map(
    ([vhost, host, user, time, request, codes, quoted, tail]) =>
      `${vhost}${host} - ${user} [10/Jun/2023:15:36:28 +0000${time}] "${request}"${codes}${quoted ? ` "${quoted[0]}" "${quoted[1]}"` : ''}${tail}`,
  );

describe('matchCombined: what the single combined-log regex matched (property)', () => {
  it('the same groups, or no match, on any line', () => {
    fc.assert(
      fc.property(fc.oneof(combinedLine, junk), (line) => {
        const old = OLD_COMBINED.exec(line)?.groups;
        const now = matchCombined(line);
        const shown = (g: Record<string, string | undefined> | undefined) => g && [g.host, g.user, g.time, g.request, g.status, g.agent];
        expect(shown(now as Record<string, string | undefined> | undefined)).toEqual(shown(old));
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(1000) },
    );
  });
});

describe('matchTextHead: what the Envoy text-head regex matched (property)', () => {
  const envoyLine = fc
    .tuple(orJunk('2016-04-15T20:17:00.310Z'), fc.oneof(inQuotes, junk), fc.constantFrom(' 200 ', ' - ', ' 2000 ', ' 20 ', ' 200'), junk)
    .map(([time, request, code, rest]) => `[${time}] "${request}"${code}${rest}`);

  it('the same time, request, code and rest, or no match, on any line', () => {
    fc.assert(
      fc.property(fc.oneof(envoyLine, junk), (line) => {
        const old = OLD_ENVOY_HEAD.exec(line);
        expect(matchTextHead(line)).toEqual(old ? [old[1], old[2], old[3], old[4]] : undefined);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(1000) },
    );
  });
});

describe('--log-format patterns: what the tempered-token regex matched (property)', () => {
  /** The regex as it was built before: `((?:(?!literal).)*)` for a variable that a literal follows. */
  function oldPattern(parts: readonly Part[]): RegExp {
    const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    let source = '^';
    parts.forEach((part, i) => {
      if ('literal' in part) {
        source += escapeRegex(part.literal);
        return;
      }
      const next = parts[i + 1];
      const shape = SHAPES[part.variable];
      if (shape !== undefined) source += `(${shape})`;
      else if (next === undefined || !('literal' in next)) source += '(.*)';
      else source += `((?:(?!${escapeRegex(next.literal)}).)*)`;
    });
    return new RegExp(`${source}$`, 's');
  }

  const literal = fc.constantFrom(' ', '"', '" "', ' - ', '] "', '[', 'rid=', '\\', '.', '$', '(', '*', ' sa="');
  const variable = fc.constantFrom('remote_addr', 'request', 'status', 'http_user_agent', 'time_local', 'cookie_sid');
  const parts = fc
    .array(fc.tuple(variable, literal), { minLength: 1, maxLength: 5 })
    .chain((pairs) => fc.tuple(fc.constant(pairs), fc.boolean()))
    .map(([pairs, endsWithVariable]) => {
      const list: Part[] = pairs.flatMap(([v, l]) => [{ variable: v }, { literal: l }]);
      return endsWithVariable ? [...list, { variable: 'http_x_forwarded_for' }] : list;
    });

  it('the same values, or no match, on any line', () => {
    const line = fc.array(fc.oneof(piece, literal), { maxLength: 16 }).map((p) => p.join(''));
    fc.assert(
      fc.property(parts, line, (ps, text) => {
        const old = oldPattern(ps).exec(text);
        const now = buildPattern(ps).regex.exec(text);
        // The new pattern holds the same groups, one per variable.
        expect(now && [...now]).toEqual(old && [...old]);
      }),
      { seed: FUZZ_SEED, numRuns: propertyRuns(1000) },
    );
  });
});
