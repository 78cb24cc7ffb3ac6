import { UsageError } from '../shared/errors.js';

/**
 * DuckDB is an optional dependency (`@duckdb/node-api`, about 70 MB of native code): only `export --to ocsf-parquet`
 * and `scan --engine duckdb` need it, so it is loaded on first use, and its absence is one clear usage error that
 * names the install command.
 */
export const DUCKDB_PACKAGE = '@duckdb/node-api';
export const DUCKDB_INSTALL = `npm install ${DUCKDB_PACKAGE}`;

/** DuckDB's memory limit unless BORROWSCAN_DUCKDB_MEMORY says otherwise (README, "At data-lake scale"). */
export const DEFAULT_MEMORY_LIMIT = '1GB';

/** The few calls borrowscan makes, so the rest of the code does not depend on the package's types. */
export interface DuckConnection {
  run(sql: string): Promise<unknown>;
  /** Rows as plain JSON-ready objects (BIGINT as numbers where they fit, else strings). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

type DuckModule = {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{
      connect(): Promise<{
        run(sql: string): Promise<unknown>;
        runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
        closeSync(): void;
      }>;
      closeSync(): void;
    }>;
  };
};

let loaded: Promise<DuckModule> | undefined;

/** What needs DuckDB, for the error: `scan --engine duckdb`, `export --to ocsf-parquet`. */
export async function loadDuckDB(neededFor: string, moduleName: string = DUCKDB_PACKAGE): Promise<DuckModule> {
  if (moduleName !== DUCKDB_PACKAGE) {
    // Another module (tests: one that is not installed) is never cached.
    return import(moduleName).then(
      (m) => m as DuckModule,
      () => {
        throw new UsageError(`${neededFor} needs DuckDB, which is not installed: run \`${DUCKDB_INSTALL}\``);
      },
    );
  }
  loaded ??= import(DUCKDB_PACKAGE as string).then(
    (m) => m as DuckModule,
    (err: unknown) => {
      loaded = undefined;
      throw err;
    },
  );
  try {
    return await loaded;
  } catch {
    throw new UsageError(`${neededFor} needs DuckDB, which is not installed: run \`${DUCKDB_INSTALL}\``);
  }
}

/**
 * An in-memory DuckDB, with a temp folder to spill to and no extension autoloading (`inet` and others would be
 * downloaded at run time; nothing here needs one).
 */
export async function openDuckDB(neededFor: string, options: { tempDirectory?: string; threads?: number } = {}): Promise<DuckConnection> {
  const duck = await loadDuckDB(neededFor);
  const config: Record<string, string> = {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    // Bounded memory: DuckDB spills sorts, joins, aggregates and windows to the temp folder past this.
    memory_limit: process.env.BORROWSCAN_DUCKDB_MEMORY ?? DEFAULT_MEMORY_LIMIT,
    // Row order is never relied on (every aggregate and window orders by time, file and line): no need to keep it.
    preserve_insertion_order: 'false',
  };
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  if (options.threads !== undefined) config.threads = String(options.threads);
  const instance = await duck.DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  return {
    run: (sql) => connection.run(sql),
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
