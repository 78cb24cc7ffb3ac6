import type { Part } from './spec.js';
import { SHAPES } from './variables.js';

export interface LinePattern {
  regex: RegExp;
  /** Variable name of each capture group, in order (group 1 first). */
  variables: string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One regex for a whole line: literals match as written; a variable captures everything up to the first
 * occurrence of the literal after it (so a quoted `"$http_user_agent"` may hold spaces), or to the end of
 * the line when it is last. A value cannot run past that literal, which keeps matching linear, in time and in the
 * regex engine's stack, whatever the length of the line.
 */
export function buildPattern(parts: readonly Part[]): LinePattern {
  const variables: string[] = [];
  let source = '^';
  parts.forEach((part, i) => {
    if ('literal' in part) {
      source += escapeRegExp(part.literal);
      return;
    }
    variables.push(part.variable);
    const next = parts[i + 1];
    const shape = SHAPES[part.variable];
    if (shape !== undefined) source += `(${shape})`;
    else if (next === undefined || !('literal' in next)) source += '(.*)';
    // Up to the first occurrence of the literal: a lookahead (atomic in JavaScript) takes the shortest text before
    // it, and the backreference consumes that text. A tempered `(?:(?!lit).)*` is the same match, but V8 keeps a
    // backtracking entry per character and fails with a stack overflow on a value of several megabytes.
    else source += `(?=([^]*?)${escapeRegExp(next.literal)})\\${variables.length}`;
  });
  return { regex: new RegExp(`${source}$`, 's'), variables };
}
