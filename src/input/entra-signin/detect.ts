import { getLoosePath, getPath, isObject, text, type JsonObject } from '../fields.js';
import type { Probe } from '../format.js';
import { ENVELOPE, signInCategory } from '../common/entra-diagnostic.js';
import { SIGNIN } from './fields.js';

function isDiagnosticSignIn(record: JsonObject): boolean {
  const category = text(getLoosePath(record, ENVELOPE.category));
  return category !== undefined && signInCategory(category) !== undefined && isObject(getLoosePath(record, ENVELOPE.properties));
}

function isGraphSignIn(record: JsonObject): boolean {
  return (
    getPath(record, SIGNIN.createdDateTime) !== undefined &&
    (getPath(record, SIGNIN.userPrincipalName) !== undefined || getPath(record, SIGNIN.appId) !== undefined) &&
    isObject(getPath(record, SIGNIN.status))
  );
}

export function looksLikeSignIn(record: JsonObject): boolean {
  return isDiagnosticSignIn(record) || isGraphSignIn(record);
}

/** Any of the first records is a sign-in; audit records alone never are. */
export function detectEntraSignin(probe: Probe): boolean {
  if (probe.container !== 'json') return false;
  return probe.records.some((r) => isObject(r) && looksLikeSignIn(r));
}
