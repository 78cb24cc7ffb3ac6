import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Logs whose every field a reader sees is an attack on the report that shows it: `<script>`, event-handler attributes,
 * `javascript:` URLs and bidirectional overrides in the user name, the session id, the user agents, the request paths
 * and the file names. A person signs in with a browser; a script then uses the session from another network, and a
 * second script from the first's network: one finding each, on a session of three clients.
 */
export const HOSTILE = {
  user: '<script>alert("user")</script>"><img src=x onerror=alert(1)>\u202e@example.com',
  session: 'sess"><svg onload=alert(2)>\u202ecod.exe',
  browser:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 <a href="javascript:alert(3)">x</a>',
  script: 'python-requests/2.32.3 <script>document.title="pwned"</script> \u202eexe.txt',
  agent: 'curl/8.5.0 " onmouseover="alert(4)" style="background:url(javascript:alert(5))',
  path: '/api/<iframe src=javascript:alert(6)>/\u2067x',
  accessFile: '<img src=x onerror=alert(7)>.jsonl',
  oktaFile: 'okta-\u2066"onclick=alert(8)\u2069.ndjson',
};

function okta(time: string, eventType: string): string {
  return JSON.stringify({
    uuid: `u-${time}`,
    published: time,
    eventType,
    displayMessage: 'User login to Okta',
    client: { userAgent: { rawUserAgent: HOSTILE.browser, os: 'Windows', browser: 'CHROME' }, ipAddress: '198.51.100.20' },
    actor: { id: '00u1', type: 'User', alternateId: HOSTILE.user, displayName: HOSTILE.user },
    outcome: { result: 'SUCCESS' },
    authenticationContext: { externalSessionId: HOSTILE.session },
    transaction: { type: 'WEB', id: 't1' },
  });
}

function request(time: string, userAgent: string, ip: string): string {
  return JSON.stringify({
    timestamp: time,
    'http.request.method': 'GET',
    'url.path': HOSTILE.path,
    'http.response.status_code': 200,
    'client.address': ip,
    'user_agent.original': userAgent,
    'session.id': HOSTILE.session,
    'enduser.id': HOSTILE.user,
  });
}

/** Writes the hostile logs into a fresh temporary folder and returns it. */
export function writeInjectionFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'borrowscan-injection-'));
  writeFileSync(join(dir, HOSTILE.oktaFile), `${okta('2026-11-02T09:00:00.000Z', 'user.session.start')}\n`);
  const lines = [request('2026-11-02T09:01:00.000Z', HOSTILE.browser, '198.51.100.20')];
  for (let k = 0; k < 12; k++)
    lines.push(request(`2026-11-02T10:00:${String(k * 4).padStart(2, '0')}.000Z`, HOSTILE.script, '203.0.113.9'));
  for (let k = 0; k < 3; k++) lines.push(request(`2026-11-02T11:0${k}:00.000Z`, HOSTILE.agent, '203.0.113.10'));
  writeFileSync(join(dir, HOSTILE.accessFile), `${lines.join('\n')}\n`);
  return dir;
}
