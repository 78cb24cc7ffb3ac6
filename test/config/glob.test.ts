import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase } from '../../src/config/case-fold.js';
import { compileGlob, type StepMeter } from '../../src/config/glob.js';
import { compilePattern } from '../../src/config/pattern.js';
import { backtrackingSteps, textPieces } from './backtracking.js';
import { oldLoosePattern, oldUserPattern } from './old-regexes.js';

/** Characters where case-insensitive matching and escaping have edge cases: ß, long s, Kelvin, dotted and dotless i, sigmas, an emoji and half of one. */
const ALPHABET = [
  'a',
  'A',
  'b',
  's',
  'S',
  'ß',
  'ſ',
  'k',
  'K',
  '\u212a',
  'i',
  'I',
  '\u0130',
  '\u0131',
  'σ',
  'ς',
  'Σ',
  '😀',
  '\ud83d',
  '\n',
  '.',
  '/',
  '\\',
  '$',
  '(',
  '[',
  '^',
  '+',
  '|',
];
const WILDCARDS = ['*', '?'];

const char = fc.constantFrom(...ALPHABET);
const text = fc.array(char, { maxLength: 10 }).map((cs) => cs.join(''));
const glob = fc.array(fc.constantFrom(...ALPHABET, ...WILDCARDS, ...WILDCARDS), { maxLength: 8 }).map((cs) => cs.join(''));
/** A text made from a pattern (stars and question marks filled in, letters in either case), so that many match. */
const filled = (pattern: string) =>
  fc
    .tuple(...[...pattern].map((ch) => (ch === '*' ? text : ch === '?' ? char : fc.constantFrom(ch, ch.toUpperCase(), ch.toLowerCase()))))
    .map((parts) => parts.join(''));
const globAndText = glob.chain((p) => fc.tuple(fc.constant(p), fc.oneof(text, filled(p))));

function steps(run: (meter: StepMeter) => boolean): { matched: boolean; steps: number } {
  const meter = { steps: 0 };
  const matched = run(meter);
  return { matched, steps: meter.steps };
}

/** The bound star-blocks.ts proves: (starts tried) × (comparisons per start), starts ≤ text + pattern length. */
function bound(pattern: string, textLength: number): number {
  const longestRun = Math.max(...pattern.split('*').map((run) => run.length));
  return (textLength + pattern.length + 2) * (longestRun + 1);
}

describe('user-agent and name globs (* and ?, ignoring case)', () => {
  it('match exactly what the regexes they replace matched, on generated patterns and texts', () => {
    fc.assert(
      fc.property(globAndText, ([pattern, input]) => {
        expect(compilePattern(pattern).test(input), `${JSON.stringify(pattern)} on ${JSON.stringify(input)}`).toBe(
          oldUserPattern(pattern).test(input),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('with ? literal (allow patterns source:name and app:Name), match what their regexes matched', () => {
    fc.assert(
      fc.property(globAndText, ([pattern, input]) => {
        const glob = compileGlob(pattern, { ignoreCase: true, questionMark: false });
        expect(glob.test(input), `${JSON.stringify(pattern)} on ${JSON.stringify(input)}`).toBe(oldLoosePattern(pattern).test(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('ignore the case of every UTF-16 code unit exactly as a RegExp with the i flag does', () => {
    // Every unit against each unit its upper or lower case relates it to: the pairs where a case rule could differ.
    const related = Array.from({ length: 0x10000 }, () => new Set<number>());
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      for (const other of [ch.toUpperCase(), ch.toLowerCase()]) {
        if (other.length !== 1) continue;
        related[unit]!.add(other.charCodeAt(0));
        related[other.charCodeAt(0)]!.add(unit);
      }
    }
    const differences: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      if (unit >= 0xd800 && unit <= 0xdfff) continue; // a lone surrogate has no case
      const regex = new RegExp(`^${String.fromCharCode(unit).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'is');
      const candidates = new Set([unit, ...related[unit]!, ...[...related[unit]!].flatMap((r) => [...related[r]!])]);
      for (const other of candidates) {
        const ours = foldCase(unit) === foldCase(other);
        if (ours !== regex.test(String.fromCharCode(other))) differences.push(`${unit.toString(16)}~${other.toString(16)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('keep the documented edge cases: * spans slashes and newlines, ? is one UTF-16 unit, case is ignored', () => {
    expect(compilePattern('ReportAgent/*').test('reportagent/2.0 python-httpx/0.27.0')).toBe(true);
    expect(compilePattern('a*b').test('a/\n/b')).toBe(true);
    expect(compilePattern('a?c').test('abc')).toBe(true);
    expect(compilePattern('a?c').test('ac')).toBe(false);
    expect(compilePattern('a??c').test('a😀c')).toBe(true);
    expect(compilePattern('STRASSE').test('straße')).toBe(false);
    expect(compilePattern('k*').test('\u212aelvin')).toBe(false);
    expect(compilePattern('*.example.com').test('x.example.com')).toBe(true);
    expect(compilePattern('*.example.com').test('x-example.com')).toBe(false);
    expect(compilePattern('**a**').test('a')).toBe(true);
    expect(compilePattern('').test('')).toBe(true);
  });
});

describe('globs match in time linear in the text, whatever the pattern', () => {
  const ADVERSARIAL = [
    // `.*a.*a...` backtracks through every way of placing the a's: O(n^20) for the old regex.
    { pattern: `${'*a'.repeat(20)}*b`, text: 'a'.repeat(100_000) },
    { pattern: `*${'?a'.repeat(15)}*b*`, text: 'a'.repeat(100_000) },
    { pattern: `${'*@'.repeat(12)}*.invalid`, text: 'x@'.repeat(50_000) },
    { pattern: `Mozilla/*${' *'.repeat(30)}Z`, text: `Mozilla/5.0${' x'.repeat(40_000)}` },
  ];
  // The worst case of the algorithm itself: a long run between stars, almost found at every start.
  const LONG_RUN = { pattern: `*${'a'.repeat(500)}b*`, text: 'a'.repeat(100_000) };

  for (const { pattern, text: input } of ADVERSARIAL) {
    it(`${pattern.length > 40 ? `${pattern.slice(0, 40)}…` : pattern} on ${input.length.toLocaleString('en')} characters: within the bound, where backtracking exceeds a million steps`, () => {
      expect(backtrackingSteps(textPieces(pattern), [...input.slice(0, 2_000)], 1_000_000)).toBe(1_000_001);
      const run = steps((meter) => compilePattern(pattern).test(input, meter));
      expect(run.matched).toBe(false);
      expect(run.steps).toBeLessThanOrEqual(bound(pattern, input.length));
    });
  }

  it('a long run between stars, almost found at every start, stays within the bound', () => {
    const run = steps((meter) => compilePattern(LONG_RUN.pattern).test(LONG_RUN.text, meter));
    expect(run.matched).toBe(false);
    expect(run.steps).toBeLessThanOrEqual(bound(LONG_RUN.pattern, LONG_RUN.text.length));
  });

  it('four times the text takes at most four times the steps, plus the pattern', () => {
    for (const { pattern } of [...ADVERSARIAL, LONG_RUN]) {
      const glob = compilePattern(pattern);
      const at = (n: number) => steps((meter) => glob.test('a'.repeat(n), meter)).steps;
      expect(at(40_000)).toBeLessThanOrEqual(4 * at(10_000) + 4 * bound(pattern, 0));
    }
  });

  it('finds a match in a long text within the same bound', () => {
    const pattern = `${'*a'.repeat(20)}*b`;
    const input = `${'a'.repeat(100_000)}b`;
    const run = steps((meter) => compilePattern(pattern).test(input, meter));
    expect(run.matched).toBe(true);
    expect(run.steps).toBeLessThanOrEqual(bound(pattern, input.length));
  });
});
