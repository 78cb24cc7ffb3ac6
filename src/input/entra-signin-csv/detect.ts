import type { Probe } from '../format.js';
import { hasColumn } from './columns.js';
import { COLUMNS, IDENTITY_COLUMNS } from './fields.js';

export const ENTRA_CSV_SCORE = 0.9;

/** `Date (UTC)` and `Request ID`, plus a user, service-principal, user-agent, session or token column. */
export function detectEntraSigninCsv(probe: Probe): number {
  const header = probe.header;
  if (probe.container !== 'csv' || !header) return 0;
  if (!hasColumn(header, COLUMNS.date) || !hasColumn(header, COLUMNS.requestId)) return 0;
  return IDENTITY_COLUMNS.some((c) => hasColumn(header, c)) ? ENTRA_CSV_SCORE : 0;
}
