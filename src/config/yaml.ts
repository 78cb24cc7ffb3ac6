import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../shared/errors.js';
import { readConfigText } from './read-text.js';

/**
 * Reads a YAML (or JSON: YAML is a superset) config file and validates it with a zod schema.
 * Every problem becomes one error line `file:line:column: what is wrong`, and the first is thrown
 * as a UsageError (exit 2). Returns the validated value.
 */
export interface LoadedConfig<T> {
  data: T;
  /** 1-based line of the node at a path (`['suppressions', 2]`), for messages about a valid entry. */
  lineOf(path: (string | number)[]): number;
}

export async function loadConfig<T>(file: string, schema: z.ZodType<T>, what: string): Promise<LoadedConfig<T>> {
  return parseConfig(file, await readConfigText(file, what), schema);
}

export function parseConfig<T>(file: string, text: string, schema: z.ZodType<T>): LoadedConfig<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = lineCounter.linePos(err.pos[0]);
    throw new UsageError(`${file}:${pos.line}:${pos.col}: ${err.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const result = schema.safeParse(data);
  if (result.success) {
    return {
      data: result.data,
      lineOf: (path) => lineCounter.linePos(nodeAt(doc.contents as YamlNode | null, path)?.range?.[0] ?? 0).line,
    };
  }
  const messages = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const node = nodeAt(doc.contents as YamlNode | null, path, issue.code === 'unrecognized_keys' ? issueKeys(issue) : undefined);
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    const where = path.length > 0 ? ` (${path.join('.')})` : '';
    return `${file}:${pos.line}:${pos.col}: ${issue.message}${where}`;
  });
  throw new UsageError(messages.join('\n'));
}

function issueKeys(issue: z.core.$ZodIssue): string[] | undefined {
  return issue.code === 'unrecognized_keys' ? issue.keys : undefined;
}

/** The YAML node at a path, or for an unknown key, the key itself; falls back to the deepest node found. */
function nodeAt(root: YamlNode | null, path: (string | number)[], unknownKeys?: string[]): YamlNode | undefined {
  let node: YamlNode | null | undefined = root;
  for (const part of path) {
    if (isMap(node)) {
      const map: YamlNode = node;
      const pair: { key: unknown; value: unknown } | undefined = node.items.find(
        (p) => (p.key as { value?: unknown } | null)?.value === part,
      );
      if (!pair) return map;
      const value = pair.value as YamlNode | null;
      node = value ?? (pair.key as YamlNode);
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as YamlNode | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node ?? undefined;
    }
  }
  if (unknownKeys && isMap(node)) {
    const pair: { key: unknown } | undefined = node.items.find((p) =>
      unknownKeys.includes(String((p.key as { value?: unknown } | null)?.value)),
    );
    if (pair) return pair.key as YamlNode;
  }
  return node ?? undefined;
}
