/**
 * Finds, in one pass over a string, the lowest-numbered of many tokens that occur in it (Aho-Corasick as a table of
 * next states): the work is one array read per character whatever the number of tokens, and no pattern is compiled
 * from data. Tokens are ASCII; any other character matches nothing.
 *
 * The table fills in as texts need it (issue 12): a scan runs once and cold, and filling all 128 next states of every
 * trie node up front took longer than the demo's whole classification. A state's next state, once found by following
 * fall-backs, is kept, so a character costs one array read as soon as the pair (state, character) has been seen.
 */
export interface TokenIndex {
  /** The lowest token number found in `text` (already lowercased) and where it starts, or undefined. */
  first(text: string): { id: number; at: number } | undefined;
}

const NONE = Number.MAX_SAFE_INTEGER;
const ASCII = 128;
/** A next state not worked out yet. */
const UNKNOWN = -1;

export function buildTokenIndex(tokens: readonly string[]): TokenIndex {
  // The trie, straight into the table: a node's row holds its children; the rest of the row is UNKNOWN. A trie has at
  // most one node per token character, plus the root: one allocation, not a table grown and copied.
  let nodes = 1;
  for (const token of tokens) nodes += token.length;
  const next = new Int32Array(nodes * ASCII).fill(UNKNOWN);
  const own: number[] = [NONE];
  const depth: number[] = [0];
  const parent: number[] = [0];
  const code: number[] = [0];
  tokens.forEach((token, id) => {
    let node = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      if (c >= ASCII) throw new Error(`token index: ${JSON.stringify(token)} is not ASCII`);
      let child = next[node * ASCII + c]!;
      if (child === UNKNOWN) {
        child = own.length;
        own.push(NONE);
        depth.push(depth[node]! + 1);
        parent.push(node);
        code.push(c);
        next[node * ASCII + c] = child;
      }
      node = child;
    }
    if (id < own[node]!) own[node] = id;
  });
  const count = own.length;
  const table = next.subarray(0, count * ASCII);
  // At the root, a character that starts no token leads back to the root: every fall-back chain ends there.
  for (let c = 0; c < ASCII; c++) if (table[c] === UNKNOWN) table[c] = 0;

  const fail = new Int32Array(count);
  /** The next state from `node` on `c`: its child, else its fall-back's next state; kept along the way. */
  const step = (node: number, c: number): number => {
    let n = node;
    let found = table[n * ASCII + c]!;
    while (found === UNKNOWN) {
      n = fail[n]!;
      found = table[n * ASCII + c]!;
    }
    for (let k = node; k !== n; k = fail[k]!) table[k * ASCII + c] = found;
    return found;
  };

  // By depth, so that a node's fall-back (the longest proper suffix that is also a trie path) and its best token are
  // complete before its children's: the best token is the lowest of those ending there.
  const best = new Float64Array(count);
  const bestDepth = new Int32Array(count);
  for (const node of byDepth(depth)) {
    const p = parent[node]!;
    if (node !== 0 && p !== 0) fail[node] = step(fail[p]!, code[node]!);
    const f = fail[node]!;
    best[node] = own[node]!;
    bestDepth[node] = own[node] === NONE ? 0 : depth[node]!;
    if (node !== 0 && best[f]! < best[node]!) {
      best[node] = best[f]!;
      bestDepth[node] = bestDepth[f]!;
    }
  }

  return {
    first(text) {
      let node = 0;
      let found = NONE;
      let at = -1;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= ASCII) node = 0;
        else {
          const known = table[node * ASCII + c]!;
          node = known === UNKNOWN ? step(node, c) : known;
        }
        if (best[node]! < found) {
          found = best[node]!;
          at = i + 1 - bestDepth[node]!;
        }
      }
      return found === NONE ? undefined : { id: found, at };
    },
  };
}

/** Node numbers ordered by depth (a stable counting sort: the root first). */
function byDepth(depth: readonly number[]): Int32Array {
  let deepest = 0;
  for (const d of depth) if (d > deepest) deepest = d;
  const starts = new Int32Array(deepest + 2);
  for (const d of depth) starts[d + 1]!++;
  for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
  const order = new Int32Array(depth.length);
  depth.forEach((d, node) => {
    order[starts[d]!++] = node;
  });
  return order;
}
