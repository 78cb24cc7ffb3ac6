import { getLoosePath, getPath, isObject, jsonKind, quoteValue, text, type JsonObject } from '../fields.js';
import type { Skip } from '../format.js';
import { ENVELOPE, signInCategory } from '../common/entra-diagnostic.js';
import { AUDIT } from './fields.js';

/** An audit record as found in a file: its fields, and the diagnostic-settings envelope around them if any. */
export interface AuditRecord {
  body: JsonObject;
  envelope?: JsonObject;
}

/** The fields every audit record has: when, and who started it. */
function hasAuditBody(body: unknown): body is JsonObject {
  return isObject(body) && getPath(body, AUDIT.activityDateTime) !== undefined && isObject(getPath(body, AUDIT.initiatedBy));
}

/**
 * Finds the audit fields: under `properties` of a diagnostic record, or the record itself (Graph). A record's
 * envelope `category` is not trusted to say it is an audit record (SIEM test data writes `Policy` or
 * `DirectoryManagement` there, which belong in `properties.category`); a sign-in category says it is not.
 */
export function locateAudit(record: JsonObject): AuditRecord | Skip {
  const category = text(getLoosePath(record, ENVELOPE.category));
  if (category !== undefined && signInCategory(category) !== undefined) {
    return { skip: `a sign-in record (category ${category}), not an audit record` };
  }
  const properties = getLoosePath(record, ENVELOPE.properties);
  if (properties !== undefined) {
    if (!hasAuditBody(properties)) {
      return { skip: `not an Entra audit record (properties without activityDateTime and an initiatedBy object: ${jsonKind(properties)})` };
    }
    return { body: properties, envelope: record };
  }
  if (hasAuditBody(record)) return { body: record };
  return {
    skip: `not an Entra audit record (no properties, activityDateTime or initiatedBy; keys: ${Object.keys(record).slice(0, 6).join(', ') || 'none'})`,
  };
}

export function looksLikeAudit(record: JsonObject): boolean {
  return !('skip' in locateAudit(record));
}

export function shown(name: string, value: unknown): string {
  return value === undefined ? `${name} missing` : `${name}: ${quoteValue(value)}`;
}
