import type { ClientUsage } from '../model/session.js';

/** Above this many clients, a built-in Map takes over. */
const INLINE_MAX = 8;

/**
 * A session's clients by their key, which is always the client's own `identity.key`: so only the clients are kept,
 * not their keys beside them: one client in the map's one field (most sessions have one), a few in an exact-size
 * array, then a built-in Map, so lookups stay constant-time whatever an input does. Insertion order, as a Map.
 * A map of keys and values cost 16 bytes more per session of one client, 64 more per session of four.
 */
export class ClientMap implements Map<string, ClientUsage> {
  private store: ClientUsage | ClientUsage[] | Map<string, ClientUsage> | undefined = undefined;

  get size(): number {
    const store = this.store;
    if (store === undefined) return 0;
    if (Array.isArray(store)) return store.length;
    return store instanceof Map ? store.size : 1;
  }

  get(key: string): ClientUsage | undefined {
    const store = this.store;
    if (store === undefined) return undefined;
    if (Array.isArray(store)) {
      for (const client of store) if (client.identity.key === key) return client;
      return undefined;
    }
    if (store instanceof Map) return store.get(key);
    return store.identity.key === key ? store : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** `key` must be the client's own key. */
  set(key: string, client: ClientUsage): this {
    if (client.identity.key !== key) throw new Error(`a client is kept under its own key (${client.identity.key}), not ${key}`);
    const store = this.store;
    if (store instanceof Map) store.set(key, client);
    else if (store === undefined) this.store = client;
    else if (!Array.isArray(store)) this.store = store.identity.key === key ? client : [store, client];
    else {
      const i = store.findIndex((c) => c.identity.key === key);
      if (i >= 0) store[i] = client;
      // Copied at its exact size (concat does; spread and push reserve room for more).
      else if (store.length < INLINE_MAX) this.store = store.concat([client]);
      else this.store = new Map([...store, client].map((c) => [c.identity.key, c]));
    }
    return this;
  }

  delete(key: string): boolean {
    if (!this.has(key)) return false;
    const rest = [...this.values()].filter((c) => c.identity.key !== key);
    this.clear();
    for (const c of rest) this.set(c.identity.key, c);
    return true;
  }

  clear(): void {
    this.store = undefined;
  }

  *values(): MapIterator<ClientUsage> {
    const store = this.store;
    if (store === undefined) return;
    if (Array.isArray(store)) yield* store;
    else if (store instanceof Map) yield* store.values();
    else yield store;
  }

  *keys(): MapIterator<string> {
    for (const c of this.values()) yield c.identity.key;
  }

  *entries(): MapIterator<[string, ClientUsage]> {
    for (const c of this.values()) yield [c.identity.key, c];
  }

  forEach(callback: (value: ClientUsage, key: string, map: Map<string, ClientUsage>) => void, thisArg?: unknown): void {
    for (const c of this.values()) callback.call(thisArg, c, c.identity.key, this);
  }

  [Symbol.iterator](): MapIterator<[string, ClientUsage]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'ClientMap';
  }
}
