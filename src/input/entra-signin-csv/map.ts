import type { NormalizedEvent, Outcome } from '../../model/event.js';
import { integer, isObject, jsonKind, quoteValue, type JsonObject } from '../fields.js';
import type { MapResult, RecordContext } from '../format.js';
import { cell } from './columns.js';
import { parsePortalDate } from './date.js';
import { ACTION, COLUMNS as C, NON_INTERACTIVE_TOKEN_TYPES } from './fields.js';

export const ENTRA_SIGNIN_CSV_ID = 'entra-signin-csv';

function outcomeOf(row: JsonObject): Outcome {
  switch (cell(row, C.status)?.toLowerCase()) {
    case 'success':
      return 'success';
    // Interrupted: the sign-in stopped for a further step (MFA, consent); its completion is another row.
    case 'failure':
    case 'interrupted':
      return 'failure';
  }
  const code = integer(cell(row, C.errorCode));
  if (code === undefined) return 'unknown';
  return code === 0 ? 'success' : 'failure';
}

/**
 * The interactive and non-interactive downloads share one header. A sign-in that redeemed a refresh token
 * (or a primary refresh token) is non-interactive; any other user sign-in is taken as interactive.
 */
function interactiveOf(row: JsonObject): boolean {
  const token = cell(row, C.incomingTokenType)
    ?.toLowerCase()
    .replace(/[^a-z]/g, '');
  return token === undefined || !NON_INTERACTIVE_TOKEN_TYPES.has(token);
}

function clientHintOf(row: JsonObject): NormalizedEvent['clientHint'] {
  const browser = cell(row, C.browser);
  const os = cell(row, C.os);
  const app = cell(row, C.application);
  if (browser === undefined && os === undefined && app === undefined) return undefined;
  return { browser, os, app };
}

export function mapEntraSigninCsv(record: unknown, ctx: RecordContext): MapResult {
  if (!isObject(record)) return { skip: `record is not a CSV row (${jsonKind(record)})` };
  const rawDate = cell(record, C.date);
  const time = rawDate === undefined ? undefined : parsePortalDate(rawDate);
  if (time === undefined) {
    return { skip: `no readable time (${rawDate === undefined ? `${C.date} empty` : `${C.date}: ${quoteValue(rawDate)}`})` };
  }
  const principal = cell(record, C.servicePrincipalName) ?? cell(record, C.servicePrincipalId);
  const isServicePrincipal = principal !== undefined;

  return {
    time,
    source: { file: ctx.file, line: ctx.line },
    format: ENTRA_SIGNIN_CSV_ID,
    kind: 'signin',
    action: isServicePrincipal ? ACTION.servicePrincipal : ACTION.user,
    outcome: outcomeOf(record),
    user: principal ?? cell(record, C.username) ?? cell(record, C.user) ?? cell(record, C.userId),
    sessionId: cell(record, C.sessionId),
    tokenId: cell(record, C.tokenId),
    clientId: cell(record, C.applicationId),
    grantType: cell(record, C.protocol),
    ip: cell(record, C.ip),
    userAgent: cell(record, C.userAgent),
    clientHint: clientHintOf(record),
    interactive: isServicePrincipal ? false : interactiveOf(record),
  };
}
