/**
 * A table's own entry for a key, never one it inherits: `table['constructor']` is Object's constructor, and keys come
 * from logs (an action, a method, a month name) that anyone can write.
 */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
