/**
 * Sets and maps for the many tiny collections a scan keeps per session and client (users, formats, IPs, client ids,
 * clients, rule state): most hold one or two entries, and a built-in Set or Map costs about 150 bytes even empty.
 * These keep up to a few entries in place and switch to the built-in collection when they grow, so lookups stay
 * constant-time whatever an input does. Both keep insertion order, as Set and Map do.
 */

/** Above this many entries, a built-in collection takes over. */
const INLINE_MAX = 8;

/** One value, a few in an exact-size array, or a built-in Set, in one field: the size follows from which it is. */
export class SmallSet<T extends string | number> implements Set<T> {
  private store: T | T[] | Set<T> | undefined = undefined;

  constructor(values?: Iterable<T>) {
    if (values) for (const v of values) this.add(v);
  }

  get size(): number {
    const store = this.store;
    if (store === undefined) return 0;
    if (typeof store !== 'object') return 1;
    return store instanceof Set ? store.size : store.length;
  }

  has(value: T): boolean {
    const store = this.store;
    if (typeof store !== 'object') return store === value;
    return store instanceof Set ? store.has(value) : store.includes(value);
  }

  add(value: T): this {
    if (this.has(value)) return this;
    const store = this.store;
    if (store === undefined) this.store = value;
    else if (typeof store !== 'object') this.store = [store, value];
    else if (store instanceof Set) store.add(value);
    // Copied at its exact size (concat does; spread and push reserve room for more).
    else if (store.length < INLINE_MAX) this.store = store.concat([value]);
    else this.store = new Set([...store, value]);
    return this;
  }

  delete(value: T): boolean {
    if (!this.has(value)) return false;
    const rest = [...this].filter((v) => v !== value);
    this.clear();
    for (const v of rest) this.add(v);
    return true;
  }

  clear(): void {
    this.store = undefined;
  }

  *values(): SetIterator<T> {
    const store = this.store;
    if (store === undefined) return;
    if (typeof store !== 'object') yield store;
    else yield* store;
  }

  keys(): SetIterator<T> {
    return this.values();
  }

  *entries(): SetIterator<[T, T]> {
    for (const v of this.values()) yield [v, v];
  }

  forEach(callback: (value: T, value2: T, set: Set<T>) => void, thisArg?: unknown): void {
    for (const v of this.values()) callback.call(thisArg, v, v, this);
  }

  [Symbol.iterator](): SetIterator<T> {
    return this.values();
  }

  get [Symbol.toStringTag](): string {
    return 'SmallSet';
  }
}

/**
 * One entry in two fields, up to INLINE_MAX in two exact-size arrays, then a built-in Map: three fields whatever the
 * size, and which form holds the entries follows from the size alone (keys and values may be of any type).
 */
export class SmallMap<K, V> implements Map<K, V> {
  private keyStore: K | K[] | undefined = undefined;
  private valueStore: V | V[] | Map<K, V> | undefined = undefined;
  size = 0;

  private get many(): Map<K, V> | undefined {
    return this.size > INLINE_MAX ? (this.valueStore as Map<K, V>) : undefined;
  }

  /** The index of `key` among the inline entries, -1 when absent (the map must be inline). */
  private indexOf(key: K): number {
    if (this.size === 0) return -1;
    if (this.size === 1) return this.keyStore === key ? 0 : -1;
    return (this.keyStore as K[]).indexOf(key);
  }

  private valueAt(i: number): V {
    return this.size === 1 ? (this.valueStore as V) : (this.valueStore as V[])[i]!;
  }

  private keyAt(i: number): K {
    return this.size === 1 ? (this.keyStore as K) : (this.keyStore as K[])[i]!;
  }

  get(key: K): V | undefined {
    const many = this.many;
    if (many) return many.get(key);
    const i = this.indexOf(key);
    return i < 0 ? undefined : this.valueAt(i);
  }

  has(key: K): boolean {
    const many = this.many;
    return many ? many.has(key) : this.indexOf(key) >= 0;
  }

  set(key: K, value: V): this {
    const many = this.many;
    if (many) {
      many.set(key, value);
      this.size = many.size;
      return this;
    }
    const i = this.indexOf(key);
    if (i >= 0) {
      if (this.size === 1) this.valueStore = value;
      else (this.valueStore as V[])[i] = value;
    } else if (this.size === 0) {
      this.keyStore = key;
      this.valueStore = value;
      this.size = 1;
    } else if (this.size === 1) {
      this.keyStore = [this.keyStore as K, key];
      this.valueStore = [this.valueStore as V, value];
      this.size = 2;
    } else if (this.size < INLINE_MAX) {
      // Copied at their exact size (concat does; spread and push reserve room for more).
      this.keyStore = (this.keyStore as K[]).concat([key]);
      this.valueStore = (this.valueStore as V[]).concat([value]);
      this.size++;
    } else {
      const map = new Map(this.entries());
      map.set(key, value);
      this.keyStore = undefined;
      this.valueStore = map;
      this.size = map.size;
    }
    return this;
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false;
    const rest = [...this.entries()].filter(([k]) => k !== key);
    this.clear();
    for (const [k, v] of rest) this.set(k, v);
    return true;
  }

  clear(): void {
    this.keyStore = this.valueStore = undefined;
    this.size = 0;
  }

  *entries(): MapIterator<[K, V]> {
    const many = this.many;
    if (many) {
      yield* many;
      return;
    }
    for (let i = 0; i < this.size; i++) yield [this.keyAt(i), this.valueAt(i)];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) callback.call(thisArg, v, k, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'SmallMap';
  }
}

/**
 * Sets of strings shared copy-on-write: thousands of sessions hold the same one-value set (one format, one user, one
 * client id), so such sets are made once, frozen, and handed to all of them; adding to a frozen set gives a new one.
 * Owners keep the set they are given and replace it with what `with` returns.
 */
export class SetPool {
  static readonly EMPTY: ReadonlySet<string> = Object.freeze(new SmallSet<string>());
  private readonly singles = new Map<string, ReadonlySet<string>>();
  private readonly pairs = new Map<string, ReadonlySet<string>>();

  constructor(private readonly maxSingles = 65_536) {}

  /**
   * `set` with `value` in it: the set itself when it has it, else a pooled one-value set, a copy, or the set grown.
   * `sharePairs` pools two-value sets too: for values of a tiny domain (formats), where most pairs repeat; elsewhere
   * (IPs) the pool would keep sets that their owners soon outgrow.
   */
  with(set: ReadonlySet<string>, value: string, sharePairs = false): ReadonlySet<string> {
    if (set.has(value)) return set;
    if (set.size === 0) return this.single(value);
    if (Object.isFrozen(set)) {
      return sharePairs && set.size === 1 ? this.pair(set.values().next().value!, value) : new SmallSet([...set, value]);
    }
    (set as SmallSet<string>).add(value);
    return set;
  }

  /**
   * A pooled two-value set, in that order: a session read from two formats (an identity provider's log and an access
   * log) holds the same pair as most other such sessions; a set of its own cost 80 bytes per session.
   */
  private pair(first: string, second: string): ReadonlySet<string> {
    const key = `${first}\u0000${second}`;
    let set = this.pairs.get(key);
    if (!set) {
      set = Object.freeze(new SmallSet([first, second]));
      if (this.pairs.size < this.maxSingles) this.pairs.set(key, set);
    }
    return set;
  }

  private single(value: string): ReadonlySet<string> {
    let set = this.singles.get(value);
    if (!set) {
      set = Object.freeze(new SmallSet([value]));
      // Past the cap, new one-value sets are simply not shared.
      if (this.singles.size < this.maxSingles) this.singles.set(value, set);
    }
    return set;
  }
}

/**
 * A set of strings kept in one field as its one value while it has one (a set of one costs 32 bytes or more, and most
 * sessions name one user, most clients use one IP), else as a set. Functions, not an object: an object around the
 * field would cost what the field saves.
 */
export type OneOrSet = string | ReadonlySet<string>;

export const oneOrSet = {
  /** The values as a set (a frozen set of one, made when read, for a single value). */
  set(store: OneOrSet): ReadonlySet<string> {
    return typeof store === 'string' ? Object.freeze(new SmallSet([store])) : store;
  },
  /** How a set is kept: its one value, or the set itself. */
  of(set: ReadonlySet<string>): OneOrSet {
    return set.size === 1 ? set.values().next().value! : set;
  },
  size(store: OneOrSet): number {
    return typeof store === 'string' ? 1 : store.size;
  },
  has(store: OneOrSet, value: string): boolean {
    return typeof store === 'string' ? store === value : store.has(value);
  },
  /** With `value`, which the store does not have (`sets` grows a set of a third and further values). */
  with(store: OneOrSet, value: string, sets: SetPool): OneOrSet {
    if (typeof store === 'string') return new SmallSet([store, value]);
    return store.size === 0 ? value : sets.with(store, value);
  },
};
