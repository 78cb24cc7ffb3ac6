/**
 * The benchmark's synthetic world: people signing in to Okta with a browser or the mobile app, then using an API in
 * page-load bursts with think time, as a stream of sessions. Deterministic (seeded): the same options give the same
 * sessions, so one format's file can be written again, or streamed into a scan, without keeping the others.
 *
 * Each session yields its identity-provider events (`idp`) and its API requests (`requests`), each in time order.
 * About 40 of each per session, so a million events of one format hold about 25,000 sessions. A few per cent of the
 * sessions carry something the scan should report: an agent on the user's own machine, a replay from a cloud
 * network, a session carried to another browser, a browser at machine pace. Others are quiet look-alikes: derived
 * sessions from a token exchange, service accounts with their own tokens. Sessions start in time order across a week.
 */

export const SEED = 0x0b0770;
export const WEEK_MS = 7 * 24 * 3_600_000;
export const START = Date.UTC(2026, 10, 2, 7, 0, 0);

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const UAS = {
  chromeWin: (v) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  chromeMac: (v) =>
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  edgeWin: (v) =>
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.3595.65`,
  firefoxWin: (v) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${v + 3}.0) Gecko/20100101 Firefox/${v + 3}.0`,
  firefoxMac: (v) => `Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:${v + 3}.0) Gecko/20100101 Firefox/${v + 3}.0`,
  safariMac: () => 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15',
  mobile: () => 'ExampleMobile/4.2.0 (iPhone; iOS 18.1; Scale/3.00) CFNetwork/1568.200.51 Darwin/24.1.0',
};
export const BROWSERS = [
  ['chromeWin', 'Windows 10', 'CHROME', 30],
  ['chromeMac', 'Mac OS X', 'CHROME', 25],
  ['edgeWin', 'Windows 10', 'EDGE_CHROMIUM', 15],
  ['firefoxWin', 'Windows 10', 'FIREFOX', 6],
  ['firefoxMac', 'Mac OS X', 'FIREFOX', 6],
  ['safariMac', 'Mac OS X', 'SAFARI', 10],
  ['mobile', 'iOS', 'UNKNOWN', 8],
];
export const AGENTS = [
  'claude-cli/2.1.205 (external, cli)',
  'python-httpx/0.27.0',
  'node',
  'axios/1.7.7',
  'Python/3.12 aiohttp/3.9.5',
  'curl/8.7.1',
];
const APPS = [
  ['0oa1portal', 'Example API Portal'],
  ['0oa1salesforce', 'Salesforce.com'],
  ['0oa1slack', 'Slack'],
  ['0oa1github', 'GitHub Enterprise Cloud'],
  ['0oa1jira', 'Jira Cloud'],
  ['0oa1workday', 'Workday'],
  ['0oa1zoom', 'Zoom'],
  ['0oa1box', 'Box'],
];
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

/** Sessions per million events of one format: sizes the population so that people come back about six times. */
const SESSIONS_PER_EVENT = 1 / 40;

/**
 * @param {{ events: number }} options  the number of events of the largest format (sizes the population and the week)
 * @returns {Generator<{ id: string, idp: object[], requests: object[], planted: string | undefined }>}
 *   idp events: { time, type, who, ua, parsed, ip, session, result?, root?, clientId?, grantType?, app? }
 *   requests:   { time, method, path, status, ip, ua, session, user }
 */
export function* sessions({ events }) {
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
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rnd(), 1e-12))) * Math.cos(2 * Math.PI * rnd());
  const think = () => Math.round(1000 * Math.min(420, Math.max(8, Math.exp(Math.log(40) + 0.9 * gauss()))));

  const estimatedSessions = Math.max(50, Math.round(events * SESSIONS_PER_EVENT));
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
      fingerprint: hex(32),
      net: `10.${r(200) + 20}.${r(256)}`,
    };
  });

  for (let n = 0; ; n++) {
    const who = pick(people);
    const session = `102${id(22)}`;
    const t0 =
      START +
      Math.floor(((n % estimatedSessions) / estimatedSessions) * WEEK_MS * 0.98) +
      Math.floor(n / estimatedSessions) * WEEK_MS +
      r(60_000);
    const ip = `${who.net}.${r(254) + 1}`;
    const roll = r(1000);
    const version = 142 + r(2);
    const ua = UAS[who.browser[0]](version);
    const parsed = [who.browser[1], who.browser[2]];
    const idp = [];
    const requests = [];
    const request = (time, method, path, status, from, agent, sid, user) =>
      addRequest(requests, time, method, path, status, from, agent, sid, user);
    const idpEvent = (time, type, extra = {}) =>
      idp.push({
        time,
        type,
        who,
        ua,
        parsed,
        ip,
        session,
        uuid: `${hex(8)}-${hex(4)}-11f1-${hex(4)}-${hex(12)}`,
        requestId: `aQ${id(21)}AAA`,
        ...extra,
      });

    if (roll < 10) {
      // A service account with its own API token and session: never a person's sign-in.
      const svc = `svc-${id(20)}`;
      let t = t0;
      for (let i = 0; i < 40; i++) {
        request(
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
      yield { id: svc, idp, requests, planted: 'serviceQuiet' };
      continue;
    }

    // Sign-in: sign-on policy, push, session start; then single sign-on into apps and token refreshes all day.
    idpEvent(t0, 'policy.evaluate_sign_on', { result: 'ALLOW' });
    idpEvent(t0 + 8_000 + r(5_000), 'user.authentication.auth_via_mfa');
    idpEvent(t0 + 16_000 + r(3_000), 'user.session.start');
    let t = t0 + 40_000;
    const visits = 1 + r(3);
    for (let v = 0; v < visits; v++) {
      t = browse(requests, t, 1 + r(4), ip, ua, session, who.login);
      t += 5 * 60_000 + r(60 * 60_000);
    }
    const end = t;
    let at = t0 + 30_000;
    const launches = 5 + r(20);
    for (let i = 0; i < launches; i++) {
      const app = pick(APPS);
      idpEvent(at, 'user.authentication.sso', { app });
      at += Math.floor((end - t0) / launches);
    }
    const refreshes = 8 + r(24);
    for (let i = 0; i < refreshes; i++) {
      idpEvent(t0 + Math.floor(((i + 1) / (refreshes + 1)) * (end - t0)), 'app.oauth2.as.token.grant.refresh_token', {
        clientId: '0oa1portal',
        grantType: 'refresh_token',
      });
    }

    let planted;
    if (roll < 30) {
      // An agent on the user's own machine uses the session: same IP.
      planted = 'agent-on-human-session:high';
      const agentUa = pick(AGENTS);
      let a = t0 + 20 * 60_000 + r(60 * 60_000);
      for (let i = 0; i < 10 + r(30); i++) {
        request(a, 'GET', pick(PATHS)(r), 200, ip, agentUa, session, who.login);
        a += 200 + r(25_000);
      }
    } else if (roll < 40) {
      // The session replayed from a cloud host.
      planted = 'agent-on-human-session:critical';
      const from = `203.0.113.${1 + r(250)}`;
      let a = t0 + 60 * 60_000 + r(3 * 60 * 60_000);
      for (let i = 0; i < 20 + r(40); i++) {
        request(a, 'GET', `/api/customers?page=${i + 1}&per_page=100`, 200, from, 'python-requests/2.32.3', session, who.login);
        a += 300 + r(3_000);
      }
    } else if (roll < 45 && who.browser[0] !== 'firefoxWin') {
      // The cookie carried to another browser on another network.
      planted = 'session-context-change';
      browse(requests, t0 + 90 * 60_000, 3 + r(5), `10.250.${r(256)}.${1 + r(250)}`, UAS.firefoxWin(version), session, who.login);
    } else if (roll < 50 && who.browser[0] !== 'mobile') {
      // Something drives the user's browser at machine pace.
      planted = 'inhuman-cadence';
      const a = end + 60_000;
      for (let i = 0; i < 40 + r(60); i++)
        request(a + i * 2000 + r(100) - 50, 'GET', `/api/customers/${10_000 + i * 7}`, 200, ip, ua, session, who.login);
    } else if (roll < 60) {
      // The right pattern: an agent with its own token from a token exchange (a derived session).
      planted = 'derivedQuiet';
      const derived = `102${id(22)}`;
      const agentIp = `203.0.113.${1 + r(250)}`;
      const agentUa = 'ReportAgent/1.3 python-httpx/0.27.0';
      let a = t0 + 30 * 60_000 + r(60 * 60_000);
      idp.push({
        time: a,
        type: 'app.oauth2.as.token.grant.access_token',
        who,
        ua: agentUa,
        parsed: ['Unknown', 'UNKNOWN'],
        ip: agentIp,
        session: derived,
        root: session,
        clientId: '0oa1reportagent',
        grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
        uuid: `${hex(8)}-${hex(4)}-11f1-${hex(4)}-${hex(12)}`,
        requestId: `aQ${id(21)}AAA`,
      });
      for (let i = 0; i < 10 + r(30); i++) {
        a += 300 + r(4_000);
        request(a, 'GET', pick(PATHS)(r), 200, agentIp, agentUa, derived, who.login);
      }
    }
    if (r(10) < 8) idpEvent(end + 5 * 60_000 + r(60_000), 'user.session.end');
    idp.sort((a, b) => a.time - b.time);
    requests.sort((a, b) => a.time - b.time);
    yield { id: session, idp, requests, planted };
  }

  /** Human use of the API: page-load bursts, think time. Returns the time after the last page. */
  function browse(requests, t, pages, from, agent, sid, user) {
    for (let p = 0; p < pages; p++) {
      let at = t;
      const burst = 5 + r(10);
      for (let i = 0; i < burst; i++) {
        addRequest(requests, at, r(10) === 0 ? 'POST' : 'GET', pick(PATHS)(r), r(20) === 0 ? 304 : 200, from, agent, sid, user);
        at += 15 + r(120);
      }
      t += think();
    }
    return t;
  }

  function addRequest(requests, time, method, path, status, ip, ua, session, user) {
    requests.push({ time, method, path, status, ip, ua, session, user, bytes: 200 + r(40_000), ms: 4 + r(300) });
  }
}
