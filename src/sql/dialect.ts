/**
 * Every difference between the three SQL engines, in one place. The query builder writes only the common subset
 * (CTEs, GROUP BY, ROW_NUMBER/LAG/LEAD and framed AVG/SUM/COUNT windows, CASE, COALESCE, LIKE without escapes
 * beyond `\`) and asks the dialect for the rest:
 *
 * - distinct values in a window frame: DuckDB has COUNT(DISTINCT ...) OVER; Trino and Spark reject it, so they
 *   count the distinct elements of the frame's array (array_agg / collect_list);
 * - SHA-256 of a string (the finding id), and the names of a few string functions;
 * - glob matching (glob.ts): DuckDB matches with RE2 regexes, which run in linear time; Trino and Spark get LIKE
 *   and position arithmetic only, never a regex, since both match regexes by backtracking.
 *
 * No ASOF join is used anywhere (Trino has none): time-window joins are range joins.
 */
export type DialectName = 'duckdb' | 'trino' | 'spark';
export const DIALECTS: readonly DialectName[] = ['duckdb', 'trino', 'spark'];

export interface Dialect {
  name: DialectName;
  /** Number of distinct non-null values of `expr` in a ROWS frame (`frame` is the OVER clause's inside). */
  distinctInFrame(expr: string, frame: string): string;
  /** Lower-case hex SHA-256 of a string expression. */
  sha256Hex(expr: string): string;
  /** Position (1-based) of `needle` in `haystack`, or 0. */
  strpos(haystack: string, needle: string): string;
  /** The finished text: Spark spells the string type STRING. */
  finish(sql: string): string;
  /** Whether globs compile to RE2 regexes (linear) or to LIKE and position arithmetic. */
  regexGlobs: boolean;
  /** `regexp_full_match`-style whole-string RE2 match (DuckDB only). */
  fullMatch?(expr: string, regex: string): string;
  /** Quotes an identifier. */
  ident(name: string): string;
  /** A string literal. */
  string(value: string): string;
  /** The character with code `n` (separators in keys). */
  chr(n: number): string;
  /** `CAST(x AS <double>)`. */
  double(expr: string): string;
  /** Epoch milliseconds of a timestamp. */
  epochMs(ts: string): string;
  /** A map's value for a key, NULL when absent. */
  mapGet(map: string, key: string): string;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const common = {
  string: quote,
  chr: (n: number) => `chr(${n})`,
  double: (e: string) => `CAST(${e} AS DOUBLE)`,
};

export const DUCKDB: Dialect = {
  ...common,
  name: 'duckdb',
  distinctInFrame: (expr, frame) => `COUNT(DISTINCT ${expr}) OVER (${frame})`,
  sha256Hex: (expr) => `sha256(${expr})`,
  strpos: (h, n) => `strpos(${h}, ${n})`,
  finish: (sql) => sql,
  epochMs: (ts) => `epoch_ms(${ts})`,
  mapGet: (map, key) => `${map}[${quote(key)}]`,
  regexGlobs: true,
  fullMatch: (expr, regex) => `regexp_full_match(${expr}, ${quote(regex)})`,
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
};

export const TRINO: Dialect = {
  ...common,
  name: 'trino',
  distinctInFrame: (expr, frame) => `cardinality(array_distinct(array_agg(${expr}) OVER (${frame})))`,
  sha256Hex: (expr) => `lower(to_hex(sha256(to_utf8(${expr}))))`,
  strpos: (h, n) => `strpos(${h}, ${n})`,
  finish: (sql) => sql,
  epochMs: (ts) => `CAST(to_unixtime(${ts}) * 1000 AS BIGINT)`,
  mapGet: (map, key) => `element_at(${map}, ${quote(key)})`,
  regexGlobs: false,
  ident: (name) => `"${name.replace(/"/g, '""')}"`,
};

export const SPARK: Dialect = {
  ...common,
  // Spark reads backslashes in string literals as escapes.
  string: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  name: 'spark',
  distinctInFrame: (expr, frame) => `size(array_distinct(collect_list(${expr}) OVER (${frame})))`,
  sha256Hex: (expr) => `sha2(${expr}, 256)`,
  strpos: (h, n) => `instr(${h}, ${n})`,
  finish: (sql) => sql.replace(/\bAS VARCHAR\)/g, 'AS STRING)'),
  epochMs: (ts) => `unix_millis(${ts})`,
  mapGet: (map, key) => `element_at(${map}, '${key}')`,
  regexGlobs: false,
  ident: (name) => `\`${name.replace(/`/g, '``')}\``,
};

export function dialectOf(name: DialectName): Dialect {
  return name === 'duckdb' ? DUCKDB : name === 'trino' ? TRINO : SPARK;
}
