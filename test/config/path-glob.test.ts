import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesOperation, parseAllowPattern, type AllowPattern } from '../../src/config/allow-pattern.js';
import type { StepMeter } from '../../src/config/glob.js';
import { backtrackingSteps, textPieces, type Piece } from './backtracking.js';
import { oldPathPattern, oldTrimSlash } from './old-regexes.js';

function httpPattern(text: string): Extract<AllowPattern, { kind: 'http' }> {
  const parsed = parseAllowPattern(text);
  if (typeof parsed === 'string' || parsed.kind !== 'http') throw new Error(`not an HTTP pattern: ${String(parsed)}`);
  return parsed;
}

const allows = (pattern: string, path: string) => matchesOperation(httpPattern(`GET ${pattern}`), { kind: 'http', method: 'GET', path });

function pathSteps(pattern: string, path: string): { matched: boolean; steps: number } {
  const meter: StepMeter = { steps: 0 };
  const matched = httpPattern(`GET ${pattern}`).path.test(path, meter);
  return { matched, steps: meter.steps };
}

/** The bound of star-blocks.ts over segments: starts ≤ segments + pattern segments, each costing at most the pattern's length. */
const bound = (pattern: string, path: string) => (path.length + pattern.length + 2) * (pattern.length + 2);

const patternSegment = fc.constantFrom('**', '**', '*', 'a', 'b', 'A', 'a*', '*b', 'a*b', '*a*', 'a.b', 'x+y', '(a)');
const pathSegment = fc.constantFrom('', 'a', 'b', 'A', 'ab', 'aab', 'a.b', 'axb', 'x+y', '(a)', 'b/a');
const validPattern = fc
  .tuple(fc.array(patternSegment, { minLength: 0, maxLength: 6 }), fc.boolean())
  .map(([segments, slash]) => (segments.length === 0 ? '/' : `/${segments.join('/')}${slash ? '/' : ''}`));
const path = fc.oneof(
  fc.tuple(fc.array(pathSegment, { maxLength: 7 }), fc.boolean()).map(([segments, slash]) => `/${segments.join('/')}${slash ? '/' : ''}`),
  fc.constantFrom('', '/', '//', 'a/b', '*', 'http://h/a'),
);

describe('allow-pattern paths (** any segments, * one segment, * inside a segment)', () => {
  it('match exactly what the regexes they replace matched, on generated patterns and paths', () => {
    fc.assert(
      fc.property(validPattern, path, (pattern, input) => {
        expect(allows(pattern, input), `${pattern} on ${JSON.stringify(input)}`).toBe(oldPathPattern(pattern).test(oldTrimSlash(input)));
      }),
      { numRuns: 5000 },
    );
  });

  it('keep the documented cases: ** includes none and empty segments, a lone * needs one non-empty segment, / only itself', () => {
    expect(allows('/api/**', '/api')).toBe(true);
    expect(allows('/api/**', '/api//x')).toBe(true);
    expect(allows('/**', '')).toBe(true);
    expect(allows('/*', '/')).toBe(false);
    expect(allows('/a/*/c', '/a//c')).toBe(false);
    expect(allows('/', '/')).toBe(true);
    expect(allows('/', '//')).toBe(true);
    expect(allows('/', '/a')).toBe(false);
    expect(allows('/**/c', 'c')).toBe(false);
    expect(allows('/files/*.json', '/files/a.json')).toBe(true);
    expect(allows('/files/*.json', '/files/aXjson')).toBe(false);
  });
});

describe('allow-pattern paths match in time linear in the path', () => {
  it('the pattern of issue 11 against 200 paths of 60 segments: correct answers within the bound', () => {
    // Took more than 10 minutes with the regexes.
    const pattern = '/**/**/**/**/**/**/**/**/**/**/**/**/c';
    const paths = Array.from(
      { length: 200 },
      (_, i) => `/${Array.from({ length: 60 }, (_, j) => `s${(i + j) % 7}`).join('/')}${i % 50 === 0 ? '/c' : ''}`,
    );
    let total = 0;
    const matched = paths.filter((p) => {
      const run = pathSteps(pattern, p);
      expect(run.steps).toBeLessThanOrEqual(bound(pattern, p));
      total += run.steps;
      return run.matched;
    });
    expect(matched).toHaveLength(4);
    expect(total).toBeLessThan(200 * 200);
  });

  /** The pattern as pieces over segments (** a star, other segments matched by the linear matcher), for the backtracking matcher. */
  const segmentPieces = (pattern: string): Piece<string>[] =>
    pattern
      .split('/')
      .slice(1)
      .map((seg): Piece<string> => {
        if (seg === '**') return { star: true };
        const one = httpPattern(`GET /${seg}`).path;
        return { star: false, matches: (s) => one.test(`/${s}`) };
      });

  const ADVERSARIAL = [
    // Backtracking across segments: every way of placing the a's.
    {
      pattern: `${'/**/a'.repeat(12)}/**/b`,
      path: '/a'.repeat(20_000),
      backtracking: () => backtrackingSteps(segmentPieces(`${'/**/a'.repeat(12)}/**/b`), Array(400).fill('a'), 1e6),
    },
    {
      pattern: `/api${'/**/*'.repeat(12)}/x`,
      path: `/api${'/y'.repeat(20_000)}`,
      backtracking: () => backtrackingSteps(segmentPieces(`${'/**/*'.repeat(12)}/x`), Array(400).fill('y'), 1e6),
    },
    // Backtracking inside one segment: `*` as [^/]*, twelve times.
    {
      pattern: `/**/${'*a'.repeat(12)}*b/**`,
      path: `/${'a'.repeat(1_000)}`.repeat(100),
      backtracking: () => backtrackingSteps(textPieces(`${'*a'.repeat(12)}*b`), [...'a'.repeat(1_000)], 1e6),
    },
  ];
  for (const { pattern, path: input, backtracking } of ADVERSARIAL) {
    it(`${pattern.slice(0, 36)}… on a path of ${input.length.toLocaleString('en')} characters: within the bound, where backtracking exceeds a million steps`, () => {
      expect(backtracking()).toBe(1e6 + 1);
      const run = pathSteps(pattern, input);
      expect(run.matched).toBe(false);
      expect(run.steps).toBeLessThanOrEqual(bound(pattern, input));
    });
  }

  it('four times the path takes at most four times the steps, plus the pattern', () => {
    const pattern = `${'/**/a'.repeat(12)}/**/b`;
    const at = (n: number) => pathSteps(pattern, '/a'.repeat(n)).steps;
    expect(at(40_000)).toBeLessThanOrEqual(4 * at(10_000) + 4 * bound(pattern, ''));
  });
});
