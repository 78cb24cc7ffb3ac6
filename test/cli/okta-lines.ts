/** Builds Okta System Log events for CLI tests, in the shape the System Log API returns. */
export function oktaEvent(fields: {
  published: string;
  eventType: string;
  user: string;
  session: string;
  ua: string;
  ip: string;
  result?: string;
}): Record<string, unknown> {
  return {
    uuid: `${fields.session}-${fields.published}`,
    published: fields.published,
    eventType: fields.eventType,
    version: '0',
    severity: 'INFO',
    displayMessage: fields.eventType,
    actor: { id: '00u1', type: 'User', alternateId: fields.user, displayName: fields.user },
    client: {
      userAgent: { rawUserAgent: fields.ua, os: 'Unknown', browser: 'UNKNOWN' },
      ipAddress: fields.ip,
      device: 'Computer',
      zone: 'null',
    },
    authenticationContext: { externalSessionId: fields.session, authenticationStep: 0 },
    outcome: { result: fields.result ?? 'SUCCESS', reason: null },
    transaction: { type: 'WEB', id: 'tx', detail: {} },
    debugContext: { debugData: {} },
    target: null,
  };
}

export const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';

/** A person signs in with Chrome, then python-requests uses the session from another network. */
export function borrowedSessionLog(ua = 'python-requests/2.32.3', session = '102borrowed'): string {
  return [
    oktaEvent({
      published: '2026-11-02T09:00:00.000Z',
      eventType: 'user.session.start',
      user: 'bob@example.com',
      session,
      ua: CHROME_MAC,
      ip: '198.51.100.7',
    }),
    oktaEvent({
      published: '2026-11-02T09:40:00.000Z',
      eventType: 'user.authentication.sso',
      user: 'bob@example.com',
      session,
      ua,
      ip: '203.0.113.50',
    }),
  ]
    .map((e) => JSON.stringify(e))
    .join('\n');
}
