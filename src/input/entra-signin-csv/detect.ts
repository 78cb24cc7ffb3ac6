import type { Probe } from '../format.js';
import { hasColumn } from './columns.js';
import { COLUMNS, IDENTITY_COLUMNS } from './fields.js';

/** `Date (UTC)` and `Request ID`, plus a user, service-principal, user-agent, session or token column. */
export function detectEntraSigninCsv(probe: Probe): boolean {
  const header = probe.header;
  if (probe.container !== 'csv' || !header) return false;
  if (!hasColumn(header, COLUMNS.date) || !hasColumn(header, COLUMNS.requestId)) return false;
  return IDENTITY_COLUMNS.some((c) => hasColumn(header, c));
}
