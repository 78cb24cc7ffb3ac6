import type { AgentRegistry } from '../../config/registry.js';
import type { DialectName } from '../../sql/dialect.js';
import type { EventSource, PartitionFilters } from '../../sql/events.js';
import { clientInputsQuery, detectionQuery } from '../../sql/query.js';
import { shardKeyQuery } from '../../sql/shard.js';

export interface SqlTextOptions {
  dialect: DialectName;
  /** Native OCSF tables (Security Lake's). */
  tables: string[];
  /** Tables of `borrowscan export` files. */
  exportTables: string[];
  clientTable: string;
  filters: PartitionFilters;
  registry?: AgentRegistry;
  stage: 'detect' | 'clients' | 'shard-key';
}

/** `borrowscan sql`: the SQL text of one stage, for the chosen dialect. */
export function sqlText(o: SqlTextOptions): string {
  const sources: EventSource[] = [
    ...o.tables.map((relation) => ({ kind: 'native' as const, relation })),
    ...o.exportTables.map((relation) => ({ kind: 'export' as const, relation })),
  ];
  if (o.stage === 'shard-key') return `${shardKeyQuery(o.exportTables[0]!)};\n`;
  if (o.stage === 'clients') return `${clientInputsQuery({ dialect: o.dialect, sources, filters: o.filters })};\n`;
  return `${detectionQuery({ dialect: o.dialect, sources, filters: o.filters, clientTable: o.clientTable, registry: o.registry })};\n`;
}
