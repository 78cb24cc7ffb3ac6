import type { ClientIdentity } from '../model/client.js';

/** A short label for reports: `Chrome on macOS`, `python-requests`, `Claude-User (ai-agent)`. */
export function describeClient(identity: ClientIdentity): string {
  const { family, os } = identity;
  switch (identity.class) {
    case 'browser':
    case 'native-app':
      return os === undefined ? family : `${family} on ${os}`;
    case 'http-library':
    case 'cli':
      return family;
    case 'unknown':
      if (family !== 'unknown') return `${family} (unknown)`;
      return os === undefined ? 'unknown client' : `unknown client on ${os}`;
    default:
      return `${family} (${identity.class})`;
  }
}
