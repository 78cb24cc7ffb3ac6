/**
 * Generated sessions for the memory measurements (bench/session-memory.mjs, the sessions cases of bench/stress.mjs):
 * OpenTelemetry access-log lines (NDJSON), every session with its own id, user and IP, times rising over one day.
 * `clientsPerSession` 1: one Chrome request per session; more: one request per client, each from a user agent no
 * other session uses, so that every client is a distinct identity.
 */
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const T0 = Date.UTC(2026, 10, 2, 0, 0, 0);
const DAY_MS = 24 * 3_600_000;

/** `n` in letters only: the classifier drops digits from a product name, and these names must stay distinct. */
function letters(n) {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/** 25 characters, as Okta's session ids are. */
function sessionId(i) {
  return `102${i.toString(36).padStart(22, '0')}`;
}

function ipOf(i) {
  return `10.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;
}

export function sessionLine(i, client, sessions, clientsPerSession) {
  const time = T0 + Math.floor((i / sessions) * DAY_MS) + client;
  const ua = clientsPerSession === 1 ? CHROME : `agent${letters(i * clientsPerSession + client)}/1.0 (sync)`;
  return JSON.stringify({
    timestamp: new Date(time).toISOString(),
    'http.request.method': 'GET',
    'url.path': '/api/me',
    'http.response.status_code': 200,
    'client.address': ipOf(i),
    'user_agent.original': ua,
    'session.id': sessionId(i),
    'enduser.id': `user${i}@example.com`,
  });
}

/** Writes the lines to `out` (a writable stream, ended at the end) and resolves once they are flushed. */
export function writeSessions(out, sessions, clientsPerSession = 1) {
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
    let i = 0;
    const pump = () => {
      while (i < sessions) {
        let chunk = '';
        const end = Math.min(sessions, i + 1000);
        for (; i < end; i++) for (let c = 0; c < clientsPerSession; c++) chunk += `${sessionLine(i, c, sessions, clientsPerSession)}\n`;
        if (!out.write(chunk)) return void out.once('drain', pump);
      }
      out.end();
    };
    pump();
  });
}
