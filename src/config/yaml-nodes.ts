import { isAlias, isCollection, isMap, isPair, isScalar, type Alias, type Document, type Node as YamlNode } from 'yaml';
import { CONFIG_LIMITS } from './limits.js';

/** What is wrong with a composed YAML document, and where (an offset into the text). */
export interface NodeProblem {
  offset: number;
  message: string;
}

/**
 * Checks a composed document in one pass, in the order the YAML library resolves aliases (each names the last
 * anchor before it): duplicate keys in a map (a linear check; the library's own compares every key with every one
 * before it), aliases without an anchor before them, aliases inside the node they name (a cycle), and how much the
 * aliases would expand the file (an alias bomb: nine aliases of nine aliases of ... are a billion values).
 */
export function checkNodes(doc: Document.Parsed): NodeProblem | undefined {
  const anchors = new Map<string, YamlNode>();
  /** Values under a node once aliases are expanded; known once the walk has left the node. */
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let aliases = 0;
  let expansion = 0;
  const at = (node: YamlNode | Alias, message: string): NodeProblem => ({ offset: node.range?.[0] ?? 0, message });

  type Step = { node: unknown; leave: boolean };
  const stack: Step[] = doc.contents ? [{ node: doc.contents, leave: false }] : [];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      open.delete(node);
      let size = 1;
      for (const child of childrenOf(node)) size += sizes.get(child) ?? 0;
      sizes.set(node, Math.min(size, CONFIG_LIMITS.aliasExpansion + 1));
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return at(node, `alias *${node.source} has no anchor &${node.source} before it`);
      if (open.has(target)) return at(node, `alias *${node.source} is inside the node it names (&${node.source})`);
      if (++aliases > CONFIG_LIMITS.aliases) return at(node, `more than ${CONFIG_LIMITS.aliases} aliases in one file`);
      const size = sizes.get(target) ?? 1;
      expansion += size;
      if (expansion > CONFIG_LIMITS.aliasExpansion) {
        return at(node, `aliases expand to more than ${CONFIG_LIMITS.aliasExpansion.toLocaleString('en')} values (an alias bomb?)`);
      }
      sizes.set(node, size);
      continue;
    }
    if (!isScalar(node) && !isCollection(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isScalar(node)) {
      sizes.set(node, 1);
      continue;
    }
    if (isMap(node)) {
      const duplicate = duplicateKey(node.items);
      if (duplicate) return at(duplicate, 'Map keys must be unique');
    }
    open.add(node);
    stack.push({ node, leave: true });
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], leave: false });
  }
  return undefined;
}

/** The nodes under a collection in document order: a pair's key, then its value. */
function childrenOf(node: unknown): unknown[] {
  if (!isCollection(node)) return [];
  const children: unknown[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (item.key !== null && item.key !== undefined) children.push(item.key);
      if (item.value !== null && item.value !== undefined) children.push(item.value);
    } else if (item !== null && item !== undefined) {
      children.push(item);
    }
  }
  return children;
}

/** The first key of a map equal to one before it; scalar keys compare by value (as the library's check does). */
function duplicateKey(items: readonly unknown[]): YamlNode | undefined {
  const seen = new Set<unknown>();
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const value: unknown = item.key.value;
    if (seen.has(value)) return item.key;
    seen.add(value);
  }
  return undefined;
}
