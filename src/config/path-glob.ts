import { compileGlob, type StepMeter, type TextMatcher } from './glob.js';
import { matchBlocks, type Blocks } from './star-blocks.js';

/**
 * The path part of an HTTP allow pattern, matched segment by segment and case-sensitively: a `**` segment matches any
 * number of segments (none included, empty ones included), a lone `*` exactly one non-empty segment, a segment with
 * `*` in it one segment with `*` as any run of characters inside it, any other segment itself. The pattern `/`
 * matches only `/`. A path matches only if it is empty or starts with `/`. Patterns and paths come without a
 * trailing slash (the caller trims one). Linear in the path: `**` is the star of star-blocks.ts over segments.
 *
 * These are the semantics of the regexes allow patterns used to compile to (`**` as `(?:/[^/]*)*`, `*` as
 * `/[^/]+`, `*` inside a segment as `[^/]*`), without their backtracking.
 */

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'one' }
  | { kind: 'glob'; glob: TextMatcher };

const SEGMENT_GLOB = { ignoreCase: false, questionMark: false } as const;

export function compilePathGlob(path: string): TextMatcher {
  if (path === '/') return { source: path, test: (text, meter) => count(meter, 1) && text === '/' };
  const blocks: Segment[][] = [[]];
  for (const segment of path.split('/').slice(1)) {
    if (segment === '**') {
      if (blocks[blocks.length - 1]!.length > 0 || blocks.length === 1) blocks.push([]);
    } else {
      blocks[blocks.length - 1]!.push(compileSegment(segment));
    }
  }
  const pattern: Blocks<Segment[]> = { blocks, starred: blocks.length > 1, minLength: blocks.reduce((n, b) => n + b.length, 0) };
  const width = (block: Segment[]) => block.length;

  return {
    source: path,
    test(text, meter) {
      if (text !== '' && text.charCodeAt(0) !== 0x2f) return count(meter, 1) && false;
      const segments = text === '' ? [] : text.slice(1).split('/');
      let steps = 0;
      const inner: StepMeter = { steps: 0 };
      const fits = (block: Segment[], start: number): boolean => {
        steps++;
        for (let j = 0; j < block.length; j++) {
          if (!segmentMatches(block[j]!, segments[start + j]!, inner)) return false;
        }
        return true;
      };
      const matched = matchBlocks(pattern, segments.length, width, fits);
      count(meter, steps + inner.steps + segments.length);
      return matched;
    },
  };
}

function compileSegment(segment: string): Segment {
  if (segment === '*') return { kind: 'one' };
  if (segment.includes('*')) return { kind: 'glob', glob: compileGlob(segment, SEGMENT_GLOB) };
  return { kind: 'literal', text: segment };
}

function segmentMatches(pattern: Segment, segment: string, meter: StepMeter): boolean {
  switch (pattern.kind) {
    case 'one':
      meter.steps++;
      return segment !== '';
    case 'literal':
      meter.steps += 1 + Math.min(pattern.text.length, segment.length);
      return segment === pattern.text;
    case 'glob':
      return pattern.glob.test(segment, meter);
  }
}

function count(meter: StepMeter | undefined, steps: number): true {
  if (meter) meter.steps += steps;
  return true;
}
