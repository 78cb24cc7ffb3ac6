import type { Finding } from '../model/finding.js';

/** How sure a finding's session tie is, in words. */
export const CORRELATION_LABEL: Record<Finding['correlation'], string> = {
  'session-id': 'joined by session id',
  'token-id': 'joined by token id',
  'user-ip-time': 'weaker join: same user, IP and time, no session id',
  inferred: 'inferred session: user and IP only',
};
