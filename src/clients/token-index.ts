/**
 * Finds, in one pass over a string, the lowest-numbered of many tokens that occur in it (Aho-Corasick, compiled to a
 * table of next states): the work is one array read per character whatever the number of tokens, and no pattern is
 * compiled from data. Tokens are ASCII; any other character matches nothing.
 */
export interface TokenIndex {
  /** The lowest token number found in `text` (already lowercased) and where it starts, or undefined. */
  first(text: string): { id: number; at: number } | undefined;
}

const NONE = Number.MAX_SAFE_INTEGER;
const ASCII = 128;

export function buildTokenIndex(tokens: readonly string[]): TokenIndex {
  // The trie: children by character code, the lowest token that ends at each node, and its depth.
  const children: Array<Map<number, number>> = [new Map()];
  const own: number[] = [NONE];
  const depth: number[] = [0];
  tokens.forEach((token, id) => {
    let node = 0;
    for (let i = 0; i < token.length; i++) {
      const code = token.charCodeAt(i);
      if (code >= ASCII) throw new Error(`token index: ${JSON.stringify(token)} is not ASCII`);
      let child = children[node]!.get(code);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        own.push(NONE);
        depth.push(depth[node]! + 1);
        children[node]!.set(code, child);
      }
      node = child;
    }
    if (id < own[node]!) own[node] = id;
  });

  // Breadth-first, each node's fall-back (the longest proper suffix that is also a trie path) is already complete, so
  // its next states and best token fill in from the fall-back's: the best token is the lowest of those ending there.
  const count = children.length;
  const next = new Int32Array(count * ASCII);
  const best = own.slice();
  const bestDepth = depth.map((d, n) => (own[n] === NONE ? 0 : d));
  const fail = new Int32Array(count);
  for (const [code, child] of children[0]!) next[code] = child;
  const queue: number[] = [...children[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const f = fail[node]!;
    if (best[f]! < best[node]!) {
      best[node] = best[f]!;
      bestDepth[node] = bestDepth[f]!;
    }
    for (let code = 0; code < ASCII; code++) {
      const child = children[node]!.get(code);
      if (child === undefined) {
        next[node * ASCII + code] = next[f * ASCII + code]!;
      } else {
        next[node * ASCII + code] = child;
        fail[child] = next[f * ASCII + code]!;
        queue.push(child);
      }
    }
  }
  const bests = Float64Array.from(best);
  const depths = Int32Array.from(bestDepth);

  return {
    first(text) {
      let node = 0;
      let found = NONE;
      let at = -1;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        node = code < ASCII ? next[node * ASCII + code]! : 0;
        if (bests[node]! < found) {
          found = bests[node]!;
          at = i + 1 - depths[node]!;
        }
      }
      return found === NONE ? undefined : { id: found, at };
    },
  };
}
