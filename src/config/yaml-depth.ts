import { Lexer, Parser, type CST } from 'yaml';

/**
 * The YAML token tree of a text, or where its nesting first goes deeper than `limit`. The YAML composer recurses
 * once per level and would overflow its stack (or, close to it, abort the whole process) on a file of a few
 * thousand `[`, so nesting is measured first, without recursion: while parsing, by the parser's own stack of open
 * nodes, which stops a hostile file early (before it builds a million-level tree); then exactly, level by level.
 */
export function parseTokens(
  text: string,
  onNewLine: (offset: number) => void,
  limit: number,
): { tokens: CST.Token[] } | { deepAt: number } {
  const parser = new Parser(onNewLine);
  const tokens: CST.Token[] = [];
  onNewLine(0); // as Parser.parse does
  // The parser's stack holds the document, every open collection and at most a few nodes being read besides.
  const stackLimit = limit + 8;
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > stackLimit) return { deepAt: parser.offset };
  }
  for (const token of parser.end()) tokens.push(token);
  const deepAt = tooDeepAt(tokens, limit);
  return deepAt === undefined ? { tokens } : { deepAt };
}

/** The offset of the first collection nested deeper than `limit` in a token tree, or undefined. */
export function tooDeepAt(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token.offset;
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
