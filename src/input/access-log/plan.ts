import type { JsonObject } from '../fields.js';
import type { RawHeaders } from '../common/client-headers.js';
import type { TokenClaims } from '../common/token-claims.js';
import type { HeaderGetter } from '../common/header-sources.js';
import type { FieldName } from './conventions.js';
import type { RequestFields } from '../common/request-event.js';

/** The fields that say who made a request, and with what. */
type RequestIdentity = 'ip' | 'userAgent' | 'user' | 'sessionId' | 'tokenId' | 'clientId';

/** What one record says, field by field; absent when no accepted name holds a usable value. */
export interface Resolved extends Partial<Pick<RequestFields, 'time' | 'method' | 'path' | 'status' | RequestIdentity>> {
  /** When no time could be read: the first time value found, quoted in the skip reason. */
  unreadableTime?: { name: string; value: unknown };
  route?: string;
  requestLine?: string;
  /** Client headers as logged (common/client-headers.ts), when the record has any. */
  headers?: RawHeaders;
  /** Token claims logged beside the request (common/token-claims.ts), when the record has any. */
  claims?: TokenClaims;
}

/** Reads one place in a record. `name` is the key or path as the record spells it. */
export interface Getter {
  name: string;
  /** Set where the getter reads one top-level key, as it is: then `obj[key]`. */
  key?: string;
  get(obj: JsonObject): unknown;
}

/** For one set of top-level keys: where to look for each field, most preferred first. */
export type Plan = Readonly<Record<FieldName, readonly Getter[]>> & {
  hasAttributes: boolean;
  /** Where this shape keeps client headers; empty for the many logs that keep none. */
  headers: readonly HeaderGetter[];
  /** A top-level key under which token claims may be logged (`claims`, `authorizer`, `jwt`, `token`). */
  hasClaims: boolean;
  /** Records resolved with this plan by the general `fill`, until it is compiled (compiled-fill.ts). */
  uses: number;
  compiled: Fill | undefined;
};

/** Sets each field of `out` that is still missing from what `obj` holds (resolve.ts, `fill`). */
export type Fill = (obj: JsonObject, out: Resolved) => void;
