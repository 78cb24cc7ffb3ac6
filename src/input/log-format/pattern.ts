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
 * the line when it is last. A value cannot run past that literal, which keeps matching linear.
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
    else source += `((?:(?!${escapeRegExp(next.literal)}).)*)`;
  });
  return { regex: new RegExp(`${source}$`, 's'), variables };
}
