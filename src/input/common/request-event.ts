import type { NormalizedEvent, Outcome } from '../../model/event.js';
import type { RecordContext } from '../format.js';

/** What an access-log line says about one request. */
export interface RequestFields {
  time: number;
  method: string;
  path: string;
  status?: number;
  ip?: string;
  userAgent?: string;
  user?: string;
  sessionId?: string;
  tokenId?: string;
  clientId?: string;
  clientHint?: NormalizedEvent['clientHint'];
  /** Client headers (client-headers.ts), where the log records any. */
  headers?: NormalizedEvent['headers'];
}

export function outcomeOf(status: number | undefined): Outcome {
  if (status === undefined) return 'unknown';
  return status < 400 ? 'success' : 'failure';
}

/** The `request` event every access-log format produces. */
export function requestEvent(format: string, ctx: RecordContext, f: RequestFields): NormalizedEvent {
  return {
    time: f.time,
    source: { file: ctx.file, line: ctx.line },
    format,
    kind: 'request',
    action: `${f.method} ${f.path}`,
    outcome: outcomeOf(f.status),
    user: f.user,
    sessionId: f.sessionId,
    tokenId: f.tokenId,
    clientId: f.clientId,
    ip: f.ip,
    userAgent: f.userAgent,
    clientHint: f.clientHint,
    method: f.method,
    path: f.path,
    status: f.status,
    ...(f.headers ? { headers: f.headers } : {}),
  };
}
