/**
 * Writes the benchmark data set: an Okta System Log file and an API access log (OpenTelemetry keys), both NDJSON,
 * with realistic session structure. Deterministic (seeded); a data set is reused when its manifest matches.
 *
 * Sessions (about one per 50 events) are mostly people signing in with a browser or the mobile app and using the
 * API in page-load bursts with think time. A few per cent carry something the scan should report: an agent on the
 * user's own machine, a replay from a cloud network, a session carried to another browser, a browser at machine
 * pace. Others are quiet look-alikes: derived sessions from a token exchange, service accounts with their own tokens.
 * Each session's events are written together, in time order; sessions start in time order across a week.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AGENTS, BROWSERS, mulberry32, SEED, START, UAS, WEEK_MS } from './world.mjs';

/** Bump when the generated content changes, so that old data sets are not reused. */
const GENERATOR_VERSION = 4;
const FLUSH_CHARS = 8 * 1024 * 1024;

const PATHS = [
  (r) => `/api/customers/${10_000 + r(900)}`,
  (r) => `/api/customers?page=${1 + r(20)}&per_page=50&sort=name`,
  (r) => `/api/projects/p-${100 + r(400)}`,
  (r) => `/api/projects/p-${100 + r(400)}/tasks?status=open&page=${1 + r(4)}`,
  (r) => `/api/invoices/INV-2026-${String(1 + r(9000)).padStart(5, '0')}/status`,
  () => '/api/dashboard/summary',
  () => '/api/notifications/unread',
  () => '/api/me',
  (r) => `/api/users/00u${r(1e9).toString(36)}/avatar`,
  (r) => `/api/files/f_${r(1e9).toString(36)}/download?token=eyJhbGciOiJIUzI1NiJ9.${r(1e12).toString(36)}`,
];

/**
 * @param {{ dir: string, events?: number, bytes?: number, log?: (s: string) => void }} options
 *   stop at `events` events, or at `bytes` bytes when given
 * @returns {{ key: string, events: number, bytes: number, sessions: number, planted: Record<string, number>, files: {path: string, bytes: number, events: number}[], reused: boolean, seconds: number }}
 */
export function ensureDataset({ dir, events, bytes, log = () => {} }) {
  const key = bytes !== undefined ? `b${bytes}` : `e${events}`;
  const manifestPath = join(dir, `manifest-${key}.json`);
  mkdirSync(dir, { recursive: true });
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (
        m.version === GENERATOR_VERSION &&
        m.seed === SEED &&
        m.files.every((f) => existsSync(f.path) && statSync(f.path).size === f.bytes)
      ) {
        return { ...m, reused: true, seconds: 0 };
      }
    } catch {
      // Unreadable manifest: generate again.
    }
  }
  const t0 = performance.now();
  log(`generating ${bytes !== undefined ? `${(bytes / 1e9).toFixed(2)} GB` : `${events.toLocaleString('en-US')} events`} into ${dir} ...`);
  const result = generate({ dir, key, events, bytes });
  const manifest = { version: GENERATOR_VERSION, seed: SEED, key, ...result };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, reused: false, seconds: (performance.now() - t0) / 1000 };
}

class Out {
  constructor(path) {
    this.path = path;
    this.tmp = `${path}.tmp`;
    this.fd = openSync(this.tmp, 'w');
    this.parts = [];
    this.chars = 0;
    this.bytes = 0;
    this.events = 0;
  }
  line(text) {
    this.parts.push(text, '\n');
    this.chars += text.length + 1;
    this.events++;
    if (this.chars >= FLUSH_CHARS) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.chars = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
    return { path: this.path, bytes: this.bytes, events: this.events };
  }
}

function generate({ dir, key, events, bytes }) {
  const rnd = mulberry32(SEED);
  const r = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[r(list.length)];
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const id = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += B62[r(62)];
    return s;
  };
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[r(16)];
    return s;
  };
  const iso = (ms) => new Date(ms).toISOString();
  const think = () => Math.round(1000 * Math.min(420, Math.max(8, Math.exp(Math.log(40) + 0.9 * gauss()))));
  function gauss() {
    return Math.sqrt(-2 * Math.log(Math.max(rnd(), 1e-12))) * Math.cos(2 * Math.PI * rnd());
  }

  const okta = new Out(join(dir, `okta-${key}.ndjson`));
  const api = new Out(join(dir, `api-${key}.ndjson`));
  const total = () => okta.events + api.events;
  const written = () => okta.bytes + api.bytes + (okta.chars + api.chars);
  const done = () => (bytes !== undefined ? written() >= bytes : total() >= events);

  // A population of people, each with a usual device and network.
  const estimatedSessions = Math.max(50, Math.round((bytes !== undefined ? bytes / 520 : events) / 50));
  const people = Array.from({ length: Math.max(20, Math.round(estimatedSessions / 6)) }, (_, i) => {
    let w = r(100);
    let browser = BROWSERS[0];
    for (const b of BROWSERS) {
      if (w < b[3]) {
        browser = b;
        break;
      }
      w -= b[3];
    }
    return {
      login: `user${i}@example.com`,
      name: `User ${i}`,
      oktaId: `00u${id(17)}`,
      browser,
      ip: `10.${r(200) + 20}.${r(256)}.${r(254) + 1}`,
      fingerprint: hex(32),
    };
  });

  const planted = {
    'agent-on-human-session:high': 0,
    'agent-on-human-session:critical': 0,
    'session-context-change': 0,
    'inhuman-cadence': 0,
    derivedQuiet: 0,
    serviceQuiet: 0,
  };

  function oktaLine(time, type, who, ua, parsed, ip, session, extra = {}) {
    const requestId = `aQ${id(21)}AAA`;
    const event = {
      actor: { id: who.oktaId, type: 'User', alternateId: who.login, displayName: who.name, detailEntry: null },
      client: {
        userAgent: { rawUserAgent: ua, os: parsed[0], browser: parsed[1] },
        zone: 'null',
        device: parsed[0] === 'iOS' ? 'Mobile' : 'Computer',
        id: extra.clientId ?? null,
        ipAddress: ip,
        geographicalContext: {
          city: 'Dublin',
          state: 'Leinster',
          country: 'Ireland',
          postalCode: 'D02',
          geolocation: { lat: 53.3438, lon: -6.2546 },
        },
      },
      authenticationContext: {
        authenticationProvider: null,
        credentialProvider: null,
        credentialType: null,
        issuer: null,
        interface: null,
        authenticationStep: 0,
        externalSessionId: session,
        ...(extra.root ? { rootSessionId: extra.root } : {}),
      },
      displayMessage: type,
      eventType: type,
      outcome: { result: extra.result ?? 'SUCCESS', reason: null },
      published: iso(time),
      securityContext: {
        asNumber: 64500,
        asOrg: 'example fibre business',
        isp: 'Example Fibre',
        domain: 'examplefibre.example',
        isProxy: false,
      },
      severity: 'INFO',
      debugContext: {
        debugData: {
          requestId,
          requestUri: '/idp/idx/identify',
          threatSuspected: 'false',
          deviceFingerprint: who.fingerprint,
          ...(extra.grantType ? { grantType: extra.grantType } : {}),
        },
      },
      legacyEventType: null,
      transaction: { type: 'WEB', id: requestId, detail: {} },
      uuid: `${hex(8)}-${hex(4)}-11f1-${hex(4)}-${hex(12)}`,
      version: '0',
      request: { ipChain: [{ ip, version: 'V4', source: null }] },
      target: extra.target ?? null,
    };
    okta.line(JSON.stringify(event));
  }

  function apiLine(time, method, path, status, ip, ua, session, user) {
    api.line(
      JSON.stringify({
        timestamp: iso(time),
        'http.request.method': method,
        'url.path': path,
        'http.response.status_code': status,
        'client.address': ip,
        'user_agent.original': ua,
        'session.id': session,
        'enduser.id': user,
        'server.address': 'api.example.com',
        'http.server.request.duration': (4 + r(300)) / 1000,
      }),
    );
  }

  /** Human use of the API: page-load bursts, think time. Returns the time after the last page. */
  function browse(t, pages, ip, ua, session, user) {
    for (let p = 0; p < pages && !done(); p++) {
      let at = t;
      const burst = 5 + r(10);
      for (let i = 0; i < burst; i++) {
        apiLine(at, r(10) === 0 ? 'POST' : 'GET', pick(PATHS)(r), r(20) === 0 ? 304 : 200, ip, ua, session, user);
        at += 15 + r(120);
      }
      t += think();
    }
    return t;
  }

  let sessions = 0;
  while (!done()) {
    const who = pick(people);
    const session = `102${id(22)}`;
    const t0 = START + Math.floor((sessions / estimatedSessions) * WEEK_MS * 0.98) + r(60_000);
    sessions++;
    const roll = r(1000);
    const version = 142 + r(2);
    const ua = UAS[who.browser[0]](version);
    const parsed = [who.browser[1], who.browser[2]];

    if (roll < 10) {
      // A service account with its own API token and session: never a person's sign-in.
      planted.serviceQuiet++;
      const svc = `svc-${id(20)}`;
      let t = t0;
      for (let i = 0; i < 40 && !done(); i++) {
        apiLine(
          t,
          'GET',
          `/api/exports/${4000 + r(999)}?page=${1 + (i % 5)}&token=${id(30)}`,
          200,
          '10.20.3.15',
          'python-requests/2.31.0',
          svc,
          'svc-backup@example.com',
        );
        t += 500 + r(20_000);
      }
      continue;
    }

    // Sign-in: sign-on policy, push, session start, single sign-on to the portal.
    oktaLine(t0, 'policy.evaluate_sign_on', who, ua, parsed, who.ip, session, { result: 'ALLOW' });
    oktaLine(t0 + 8_000 + r(5_000), 'user.authentication.auth_via_mfa', who, ua, parsed, who.ip, session);
    oktaLine(t0 + 16_000 + r(3_000), 'user.session.start', who, ua, parsed, who.ip, session);
    oktaLine(t0 + 30_000 + r(5_000), 'user.authentication.sso', who, ua, parsed, who.ip, session, {
      target: [
        { id: '0oa1portal', type: 'AppInstance', alternateId: 'Example API Portal', displayName: 'Example API Portal', detailEntry: null },
      ],
    });
    let t = t0 + 40_000;
    const visits = 1 + r(3);
    for (let v = 0; v < visits && !done(); v++) {
      t = browse(t, 1 + r(4), who.ip, ua, session, who.login);
      t += 5 * 60_000 + r(60 * 60_000);
    }

    if (roll < 30) {
      // An agent on the user's own machine uses the session: same IP.
      planted['agent-on-human-session:high']++;
      const agentUa = pick(AGENTS);
      let a = t0 + 20 * 60_000 + r(60 * 60_000);
      for (let i = 0; i < 10 + r(30) && !done(); i++) {
        apiLine(a, 'GET', pick(PATHS)(r), 200, who.ip, agentUa, session, who.login);
        a += 200 + r(25_000);
      }
    } else if (roll < 40) {
      // The session replayed from a cloud host.
      planted['agent-on-human-session:critical']++;
      const ip = `203.0.113.${1 + r(250)}`;
      let a = t0 + 60 * 60_000 + r(3 * 60 * 60_000);
      for (let i = 0; i < 20 + r(40) && !done(); i++) {
        apiLine(a, 'GET', `/api/customers?page=${i + 1}&per_page=100`, 200, ip, 'python-requests/2.32.3', session, who.login);
        a += 300 + r(3_000);
      }
    } else if (roll < 45 && who.browser[0] !== 'firefoxWin') {
      // The cookie carried to another browser on another network.
      planted['session-context-change']++;
      browse(t0 + 90 * 60_000, 3 + r(5), `10.250.${r(256)}.${1 + r(250)}`, UAS.firefoxWin(version), session, who.login);
    } else if (roll < 50 && who.browser[0] !== 'mobile') {
      // Something drives the user's browser at machine pace.
      planted['inhuman-cadence']++;
      const a = t + 60_000;
      for (let i = 0; i < 40 + r(60) && !done(); i++) {
        apiLine(a + i * 2000 + r(100) - 50, 'GET', `/api/customers/${10_000 + i * 7}`, 200, who.ip, ua, session, who.login);
      }
    } else if (roll < 60) {
      // The right pattern: an agent with its own token from a token exchange (a derived session).
      planted.derivedQuiet++;
      const derived = `102${id(22)}`;
      const agentIp = `203.0.113.${1 + r(250)}`;
      const agentUa = 'ReportAgent/1.3 python-httpx/0.27.0';
      let a = t0 + 30 * 60_000 + r(60 * 60_000);
      oktaLine(a, 'app.oauth2.as.token.grant.access_token', who, agentUa, ['Unknown', 'UNKNOWN'], agentIp, derived, {
        root: session,
        clientId: '0oa1reportagent',
        grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
      });
      for (let i = 0; i < 10 + r(30) && !done(); i++) {
        a += 300 + r(4_000);
        apiLine(a, 'GET', pick(PATHS)(r), 200, agentIp, agentUa, derived, who.login);
      }
    }
    if (r(10) < 8 && !done()) oktaLine(t + 5 * 60_000 + r(60_000), 'user.session.end', who, ua, parsed, who.ip, session);
  }

  const files = [okta.close(), api.close()];
  return {
    events: files.reduce((a, f) => a + f.events, 0),
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    sessions,
    planted,
    files,
  };
}
