import { compileGlob, type RangeMatcher, type StepMeter, type TextMatcher } from './glob.js';
import { matchBlocks, seekByFits, type BlockMatcher, type Blocks } from './star-blocks.js';

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

type Segment = { kind: 'literal'; text: string } | { kind: 'one' } | { kind: 'glob'; glob: RangeMatcher };

/** A path and where its segments start: segment i runs from starts[i] to the `/` before starts[i + 1] (or the end). */
interface SegmentedPath {
  text: string;
  starts: Int32Array;
  count: number;
}

const SEGMENT_GLOB = { ignoreCase: false, questionMark: false } as const;

// One path is matched at a time (matching never re-enters itself), so the segment offsets reuse one buffer: a
// check allocates nothing.
const scratch: SegmentedPath = { text: '', starts: new Int32Array(64), count: 0 };

const SEGMENTS: BlockMatcher<Segment[], SegmentedPath> = {
  width: (block) => block.length,
  fits(block, path, start, meter) {
    if (meter) meter.steps += 1;
    for (let j = 0; j < block.length; j++) {
      const i = start + j;
      const from = path.starts[i]!;
      const to = i + 1 < path.count ? path.starts[i + 1]! - 1 : path.text.length;
      if (!segmentMatches(block[j]!, path.text, from, to, meter)) return false;
    }
    return true;
  },
  seek: (block, path, from, last, meter) => seekByFits(SEGMENTS, block, path, from, last, meter),
};

export function compilePathGlob(path: string): TextMatcher {
  if (path === '/') return { source: path, test: (text, meter) => count(meter, 1) && text === '/' };
  const blocks: Segment[][] = [[]];
  for (const segment of path.split('/').slice(1)) {
    if (segment === '**') {
      // A run of ** is one.
      if (blocks[blocks.length - 1]!.length > 0 || blocks.length === 1) blocks.push([]);
    } else {
      blocks[blocks.length - 1]!.push(compileSegment(segment));
    }
  }
  const pattern: Blocks<Segment[]> = { blocks, starred: blocks.length > 1, minLength: blocks.reduce((n, b) => n + b.length, 0) };
  return {
    source: path,
    test(text, meter) {
      if (text !== '' && text.charCodeAt(0) !== 0x2f) return count(meter, 1) && false;
      const segments = segment(text, meter);
      return matchBlocks(pattern, segments, 0, segments.count, SEGMENTS, meter);
    },
  };
}

/** Finds where the segments of a path (empty, or starting with /) start, into the shared buffer. */
function segment(text: string, meter: StepMeter | undefined): SegmentedPath {
  count(meter, 1 + text.length);
  scratch.text = text;
  scratch.count = 0;
  for (let i = text.indexOf('/'); i !== -1; i = text.indexOf('/', i + 1)) {
    if (scratch.count === scratch.starts.length) {
      const grown = new Int32Array(scratch.starts.length * 2);
      grown.set(scratch.starts);
      scratch.starts = grown;
    }
    scratch.starts[scratch.count++] = i + 1;
  }
  return scratch;
}

function compileSegment(segment: string): Segment {
  if (segment === '*') return { kind: 'one' };
  if (segment.includes('*')) return { kind: 'glob', glob: compileGlob(segment, SEGMENT_GLOB) };
  return { kind: 'literal', text: segment };
}

function segmentMatches(pattern: Segment, text: string, from: number, to: number, meter: StepMeter | undefined): boolean {
  switch (pattern.kind) {
    case 'one':
      count(meter, 1);
      return to > from;
    case 'literal':
      count(meter, 1 + Math.min(pattern.text.length, to - from));
      return to - from === pattern.text.length && text.startsWith(pattern.text, from);
    case 'glob':
      return pattern.glob.testRange(text, from, to, meter);
  }
}

function count(meter: StepMeter | undefined, steps: number): true {
  if (meter) meter.steps += steps;
  return true;
}
