import { createHash } from 'node:crypto';

/** Hex digits kept: 64 bits, enough to tell credentials in one investigation apart. */
const KEPT_HEX = 16;

/**
 * A stable id for a credential (an Authorization header, a session cookie) that never holds the
 * credential: `sha256:` and the first 16 hex digits of its SHA-256.
 */
export function credentialId(value: string): string {
  return `sha256:${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, KEPT_HEX)}`;
}
