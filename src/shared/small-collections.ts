/**
 * Sets and maps for the many tiny collections a scan keeps per session and client (users, formats, IPs, client ids,
 * clients, rule state): most hold one or two entries, and a built-in Set or Map costs about 150 bytes even empty.
 * These keep up to a few entries in place and switch to the built-in collection when they grow, so lookups stay
 * constant-time whatever an input does. Both keep insertion order, as Set and Map do.
 */

/** Above this many entries, a built-in collection takes over. */
const INLINE_MAX = 8;

/** One value, a few in an exact-size array, or a built-in Set: two fields, whatever the size. */
export class SmallSet<T extends string | number> implements Set<T> {
  private store: T | T[] | Set<T> | undefined = undefined;
  size = 0;

  constructor(values?: Iterable<T>) {
    if (values) for (const v of values) this.add(v);
  }

  has(value: T): boolean {
    const store = this.store;
    if (this.size <= 1) return this.size === 1 && store === value;
    return store instanceof Set ? store.has(value) : (store as T[]).includes(value);
  }

  add(value: T): this {
    if (this.has(value)) return this;
    const store = this.store;
    if (this.size === 0) this.store = value;
    else if (this.size === 1) this.store = [store as T, value];
    else if (store instanceof Set) store.add(value);
    // Copied at its exact size (concat does; spread and push reserve room for more).
    else if (this.size < INLINE_MAX) this.store = (store as T[]).concat([value]);
    else this.store = new Set([...(store as T[]), value]);
    this.size++;
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
    this.size = 0;
  }

  *values(): SetIterator<T> {
    const store = this.store;
    if (this.size === 1) yield store as T;
    else if (this.size > 1) yield* store as T[] | Set<T>;
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

/** The first entry in two fields of its own, a few more in exact-size arrays, then a built-in Map. */
export class SmallMap<K, V> implements Map<K, V> {
  private firstKey: K | undefined = undefined;
  private firstValue: V | undefined = undefined;
  private keyList: K[] | undefined = undefined;
  private valueList: V[] | undefined = undefined;
  private many: Map<K, V> | undefined = undefined;
  size = 0;

  get(key: K): V | undefined {
    if (this.many) return this.many.get(key);
    if (this.size === 0) return undefined;
    if (this.firstKey === key) return this.firstValue;
    const keys = this.keyList;
    if (keys) for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.valueList![i];
    return undefined;
  }

  has(key: K): boolean {
    if (this.many) return this.many.has(key);
    return this.size > 0 && (this.firstKey === key || (this.keyList?.includes(key) ?? false));
  }

  set(key: K, value: V): this {
    if (this.many) {
      this.many.set(key, value);
      this.size = this.many.size;
    } else if (this.size === 0) {
      this.firstKey = key;
      this.firstValue = value;
      this.size = 1;
    } else if (this.firstKey === key) {
      this.firstValue = value;
    } else {
      const keys = this.keyList ?? [];
      const at = keys.indexOf(key);
      if (at >= 0) this.valueList![at] = value;
      else if (keys.length + 1 < INLINE_MAX) {
        // Copied at their exact size (concat does; spread and push reserve room for more).
        this.keyList = keys.concat([key]);
        this.valueList = (this.valueList ?? []).concat([value]);
        this.size++;
      } else {
        this.many = new Map(this.entries());
        this.many.set(key, value);
        this.size = this.many.size;
        this.firstKey = this.firstValue = this.keyList = this.valueList = undefined;
      }
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
    this.firstKey = this.firstValue = this.keyList = this.valueList = this.many = undefined;
    this.size = 0;
  }

  *entries(): MapIterator<[K, V]> {
    if (this.many) {
      yield* this.many;
      return;
    }
    if (this.size === 0) return;
    yield [this.firstKey as K, this.firstValue as V];
    const keys = this.keyList;
    if (keys) for (let i = 0; i < keys.length; i++) yield [keys[i]!, this.valueList![i]!];
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

  constructor(private readonly maxSingles = 65_536) {}

  /** `set` with `value` in it: the set itself when it has it, else a pooled one-value set, a copy, or the set grown. */
  with(set: ReadonlySet<string>, value: string): ReadonlySet<string> {
    if (set.has(value)) return set;
    if (set.size === 0) return this.single(value);
    if (Object.isFrozen(set)) return new SmallSet([...set, value]);
    (set as SmallSet<string>).add(value);
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
