import type { JsonObject } from '../fields.js';
import { CLOUDTRAIL_FIELDS as F, IDENTITY_TYPE } from './fields.js';
import { usable, value } from './values.js';

/**
 * The readable part of an ARN's resource: `user/dev/alice` → `alice`,
 * `assumed-role/Admin/alice` → `Admin/alice`, `root` → `root`, `federated-user/bob` → `bob`.
 */
export function arnName(arn: string | undefined): string | undefined {
  if (arn === undefined || !arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  const resource = parts.slice(5).join(':');
  const slash = resource.indexOf('/');
  if (slash < 0) return usable(resource || undefined);
  const type = resource.slice(0, slash);
  const rest = resource.slice(slash + 1);
  return usable((type === 'assumed-role' ? rest : rest.split('/').pop()) || undefined);
}

/** A role session's name: the part of `principalId` after `:` (`AROA…:alice@example.com`). */
function roleSessionName(principalId: string | undefined): string | undefined {
  if (principalId === undefined) return undefined;
  const colon = principalId.indexOf(':');
  return colon < 0 ? undefined : principalId.slice(colon + 1) || undefined;
}

/**
 * Who made the call, readably: the IAM user name; `Role/session` for an assumed role; `root` for the
 * account root; nothing for AWS services. Other types fall back to the ARN's name.
 */
export function userOf(record: JsonObject): string | undefined {
  const type = value(record, F.identityType);
  const arn = value(record, F.arn);
  switch (type) {
    case IDENTITY_TYPE.root:
      return 'root';
    case IDENTITY_TYPE.service:
      return undefined;
    case IDENTITY_TYPE.assumedRole: {
      const role = value(record, F.roleName);
      const session = roleSessionName(value(record, F.principalId));
      if (role !== undefined && session !== undefined) return `${role}/${session}`;
      return arnName(arn) ?? role;
    }
    default:
      return value(record, F.userName) ?? arnName(arn);
  }
}
