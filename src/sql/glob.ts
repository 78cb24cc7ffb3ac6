import type { Dialect } from './dialect.js';

/**
 * agents.yaml globs compiled to SQL predicates that match in time linear in the input, in every dialect:
 *
 * - DuckDB: an RE2 regex (`regexp_full_match`): RE2 never backtracks.
 * - Trino: LIKE, which Trino matches with its own NFA/DFA matcher (no regex, no backtracking).
 * - Spark: Spark runs LIKE through java.util.regex, which backtracks on a pattern with two or more `%` (`%a%b%c`
 *   is polynomial in the input). So a glob becomes a fixed-length LIKE on its first and last piece (no `%`, so no
 *   backtracking) plus a left-to-right search for each middle piece (`aggregate` over `filter(sequence(...))`):
 *   for globs whose only wildcard between pieces is `*`, the leftmost match of each piece is a match if any is.
 *
 * Two glob kinds exist (see config/pattern.ts and config/allow-pattern.ts, whose semantics this follows):
 * loose globs (user agents, names, `source:name`, `app:Name`: `*` any run, `?` one character where allowed,
 * case-insensitive) and path globs (`*` within one segment, a lone `*` one non-empty segment, `**` any number of
 * segments; case-sensitive; a trailing slash does not matter).
 */

/** One piece between `*`s: characters, each a literal or the one-character wildcard (`null`). */
type Piece = (string | null)[];

export interface LooseGlob {
  pieces: Piece[];
  caseInsensitive: boolean;
}

export function parseLooseGlob(text: string, options: { questionMark: boolean; caseInsensitive: boolean }): LooseGlob {
  const pieces: Piece[] = [[]];
  for (const ch of text) {
    if (ch === '*') pieces.push([]);
    else pieces[pieces.length - 1]!.push(ch === '?' && options.questionMark ? null : ch);
  }
  return { pieces, caseInsensitive: options.caseInsensitive };
}

function regexEscape(ch: string): string {
  return /[.+^${}()|[\]\\?*]/.test(ch) ? `\\${ch}` : ch;
}

function pieceRegex(piece: Piece, any: string): string {
  return piece.map((c) => (c === null ? any : regexEscape(c))).join('');
}

/** RE2 syntax, anchored by regexp_full_match. */
export function looseRegex(glob: LooseGlob): string {
  return `(?s${glob.caseInsensitive ? 'i' : ''})${glob.pieces.map((p) => pieceRegex(p, '.')).join('.*')}`;
}

/** LIKE's escape character, the same in every dialect (a backslash would need escaping again in Spark's literals). */
const LIKE_ESCAPE = '!';

function likeEscape(ch: string): string {
  return ch === '%' || ch === '_' || ch === LIKE_ESCAPE ? `${LIKE_ESCAPE}${ch}` : ch;
}

function pieceLike(piece: Piece, lower: boolean): string {
  return piece.map((c) => (c === null ? '_' : likeEscape(lower ? c.toLowerCase() : c))).join('');
}

/** A LIKE pattern for the whole glob (Trino: linear). */
export function looseLike(glob: LooseGlob): string {
  return glob.pieces.map((p) => pieceLike(p, glob.caseInsensitive)).join('%');
}

/** `expr` matches the loose glob. */
export function matchLoose(d: Dialect, expr: string, glob: LooseGlob): string {
  if (d.regexGlobs) return d.fullMatch!(expr, looseRegex(glob));
  const subject = glob.caseInsensitive ? `lower(${expr})` : expr;
  if (d.name === 'trino' || glob.pieces.length === 1) {
    return `(${subject} LIKE ${d.string(looseLike(glob))} ESCAPE '${LIKE_ESCAPE}')`;
  }
  return sparkPieces(d, subject, glob);
}

/**
 * Spark: first piece at the start and last at the end by fixed-length LIKE (no `%`), the middle pieces searched
 * left to right in what lies between. `aggregate` folds over the pieces: the state is where the next search starts
 * (1-based in the middle part), 0 once a piece was not found.
 */
function sparkPieces(d: Dialect, subject: string, glob: LooseGlob): string {
  const first = glob.pieces[0]!;
  const last = glob.pieces[glob.pieces.length - 1]!;
  const middle = glob.pieces.slice(1, -1).filter((p) => p.length > 0);
  const lower = glob.caseInsensitive;
  const parts = [`length(${subject}) >= ${first.length + last.length}`];
  if (first.length > 0)
    parts.push(`substring(${subject}, 1, ${first.length}) LIKE ${d.string(pieceLike(first, lower))} ESCAPE '${LIKE_ESCAPE}'`);
  if (last.length > 0) {
    parts.push(
      `substring(${subject}, length(${subject}) - ${last.length - 1}, ${last.length}) LIKE ${d.string(pieceLike(last, lower))} ESCAPE '${LIKE_ESCAPE}'`,
    );
  }
  if (middle.length > 0) {
    const mid = `substring(${subject}, ${first.length + 1}, length(${subject}) - ${first.length + last.length})`;
    const list = middle.map((p) => `named_struct('n', ${p.length}, 'p', ${d.string(pieceLike(p, lower))})`).join(', ');
    parts.push(
      `aggregate(array(${list}), 1, (pos, x) -> CASE WHEN pos < 1 THEN 0 ELSE ` +
        `coalesce(array_min(filter(sequence(pos, greatest(pos, length(${mid}) - x.n + 1)), ` +
        `i -> i + x.n - 1 <= length(${mid}) AND substring(${mid}, i, x.n) LIKE x.p ESCAPE '${LIKE_ESCAPE}')) + x.n, 0) END) > 0`,
    );
  }
  return `(${parts.join(' AND ')})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Path globs

/** A path glob: groups of segment globs between `**` segments (a pattern without `**` is one group). */
export interface PathGlob {
  /** `/` alone. */
  root: boolean;
  groups: LooseGlob[][];
}

function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

export function parsePathGlob(path: string): PathGlob {
  if (path === '/') return { root: true, groups: [[]] };
  const segments = trimSlash(path).split('/').slice(1);
  const groups: LooseGlob[][] = [[]];
  for (const s of segments) {
    if (s === '**') {
      if (groups[groups.length - 1]!.length > 0 || groups.length === 1) groups.push([]);
    } else {
      groups[groups.length - 1]!.push(parseLooseGlob(s, { questionMark: false, caseInsensitive: false }));
    }
  }
  // groups[0] is what precedes the first ** (consecutive ** are one); a pattern of only ** segments is [[], []].
  return { root: false, groups };
}

function segmentRegex(seg: LooseGlob): string {
  const isLoneStar = seg.pieces.length === 2 && seg.pieces[0]!.length === 0 && seg.pieces[1]!.length === 0;
  if (isLoneStar) return '/[^/]+';
  return `/${seg.pieces.map((p) => pieceRegex(p, '[^/]')).join('[^/]*')}`;
}

/** RE2, the same language as allow-pattern.ts's regex, on the path with its trailing slash trimmed. */
export function pathRegex(glob: PathGlob): string {
  if (glob.root) return '(?s)/';
  const parts = glob.groups.map((g) => g.map(segmentRegex).join(''));
  return `(?s)${parts.join('(?:/[^/]*)*')}`;
}

function trimmedPath(expr: string): string {
  return `(CASE WHEN length(${expr}) > 1 AND substr(${expr}, length(${expr}), 1) = '/' THEN substr(${expr}, 1, length(${expr}) - 1) ELSE ${expr} END)`;
}

function isLoneStar(seg: LooseGlob): boolean {
  return seg.pieces.length === 2 && seg.pieces[0]!.length === 0 && seg.pieces[1]!.length === 0;
}

/** A segment (no `/` in it) matches a segment glob: within a segment a `*` is any run, so the loose matcher fits. */
function matchSegment(d: Dialect, expr: string, seg: LooseGlob): string {
  if (isLoneStar(seg)) return `(${expr} <> '')`;
  return matchLoose(d, expr, seg);
}

/** `path` (the event's, untrimmed) matches the path glob. */
export function matchPath(d: Dialect, path: string, glob: PathGlob): string {
  if (d.regexGlobs) return d.fullMatch!(trimmedPath(path), pathRegex(glob));
  if (glob.root) return `(${path} = '/')`;
  const segs = `split(${trimmedPath(path)}, '/')`;
  const size = d.name === 'spark' ? `size(${segs})` : `cardinality(${segs})`;
  const at = (i: string) => `element_at(${segs}, ${i})`;
  const first = glob.groups[0]!;
  const conditions = [`${at('1')} = ''`];
  if (glob.groups.length === 1) {
    conditions.push(`${size} = ${first.length + 1}`);
    first.forEach((seg, i) => {
      conditions.push(matchSegment(d, at(String(i + 2)), seg));
    });
    return `(${conditions.join(' AND ')})`;
  }
  const last = glob.groups[glob.groups.length - 1]!;
  const middle = glob.groups.slice(1, -1);
  const fixed = first.length + last.length + middle.reduce((a, g) => a + g.length, 0);
  conditions.push(`${size} >= ${fixed + 1}`);
  first.forEach((seg, i) => {
    conditions.push(matchSegment(d, at(String(i + 2)), seg));
  });
  // element_at with a negative index counts from the end, in Trino and Spark alike.
  last.forEach((seg, i) => {
    conditions.push(matchSegment(d, at(String(i - last.length)), seg));
  });
  if (middle.length > 0) {
    // Leftmost placement of each middle group, in order, between the first and last groups.
    const from = first.length + 2;
    const lastStart = (g: LooseGlob[]) => `${size} - ${last.length} - ${g.length} + 1`;
    const cases = middle
      .map((g, k) => {
        const all = g.map((seg, j) => matchSegment(d, at(`j + ${j}`), seg)).join(' AND ');
        return `WHEN ${k} THEN coalesce(array_min(filter(sequence(st, greatest(st, ${lastStart(g)})), j -> j <= ${lastStart(g)} AND ${all})) + ${g.length}, 0)`;
      })
      .join(' ');
    const fold = d.name === 'spark' ? 'aggregate' : 'reduce';
    const tail = d.name === 'spark' ? '' : ', st -> st';
    const indexes = middle.map((_, k) => String(k)).join(', ');
    const array = d.name === 'spark' ? `array(${indexes})` : `ARRAY[${indexes}]`;
    conditions.push(`${fold}(${array}, ${from}, (st, k) -> CASE WHEN st < 1 THEN 0 ELSE CASE k ${cases} END END${tail}) > 0`);
  }
  return `(${conditions.join(' AND ')})`;
}
