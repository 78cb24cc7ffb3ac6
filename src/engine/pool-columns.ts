/** The typed arrays the engine's columnar pools keep their rows in. */
export type PoolColumn = Float64Array | Uint32Array | Int32Array;

/** A copy of a pool's column with room for `capacity` rows, its rows kept. */
export function withCapacity<T extends PoolColumn>(column: T, capacity: number): T {
  const grown = new (column.constructor as new (length: number) => T)(capacity);
  grown.set(column);
  return grown;
}

/** The id of a file name in a pool's table of names, added on first use. */
export function fileIdIn(pool: { fileNames: string[]; fileIds: Map<string, number> }, file: string): number {
  let id = pool.fileIds.get(file);
  if (id === undefined) {
    id = pool.fileNames.length;
    pool.fileNames.push(file);
    pool.fileIds.set(file, id);
  }
  return id;
}
