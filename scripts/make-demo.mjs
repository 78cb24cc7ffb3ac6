#!/usr/bin/env node
/**
 * Writes the demo data set in fixtures/demo/: one synthetic working day (2026-11-02, UTC) at example.com.
 *
 *   node scripts/make-demo.mjs            write the files
 *   node scripts/make-demo.mjs --check    exit 1 when the files on disk differ from what would be written
 *
 * Deterministic: a seeded PRNG drives every choice (never Math.random or Date.now), so the same script always
 * writes the same bytes. The story and the expected findings are described in docs/demo.md; every
 * finding comes from what the events show.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo');
const DAY = Date.UTC(2026, 10, 2);

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(20261102);
const uniform = (a, b) => a + (b - a) * rnd();
const int = (a, b) => Math.floor(uniform(a, b + 1));
const pick = (list) => list[Math.floor(rnd() * list.length)];
const chance = (p) => rnd() < p;
function gaussian() {
  const u = Math.max(rnd(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}
/** Think time of a person between two clicks: log-normal around a median, clamped. */
function thinkMs(medianS = 40, sigma = 0.9, minS = 10, maxS = 420) {
  const s = Math.exp(Math.log(medianS) + sigma * gaussian());
  return Math.round(Math.min(maxS, Math.max(minS, s)) * 1000 + uniform(0, 999));
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const B64URL = `${B62}-_`;
const chars = (alphabet, n) => Array.from({ length: n }, () => pick(alphabet)).join('');
const hex = (n) => chars('0123456789abcdef', n);
const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab')}${hex(3)}-${hex(12)}`;
/** Okta uuids are time-based (version 1). */
const uuid1 = () => `${hex(8)}-${hex(4)}-11f1-${pick('89ab')}${hex(3)}-${hex(12)}`;
const oktaSessionId = () => `102${chars(B64URL, 22)}`;
const oktaId = (prefix) => `${prefix}${chars(B62, 17)}`;
const oktaRequestId = () => `aQ${chars(B62, 21)}AAA${chars(B62, 2)}`;

/** `HH:MM[:SS[.mmm]]` on the demo day, as epoch ms. */
function at(hhmm) {
  const [h, m, s = '0'] = hhmm.split(':');
  return DAY + (Number(h) * 3600 + Number(m) * 60) * 1000 + Math.round(Number(s) * 1000);
}
const iso = (ms) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------------------------------------------
// Clients, networks, people

const UA = {
  chromeWin142: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  chromeWin143: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  edgeWin:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.3595.65',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15',
  firefoxWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:145.0) Gecko/20100101 Firefox/145.0',
  exampleMobile: 'ExampleMobile/4.2.0 (iPhone; iOS 18.1; Scale/3.00) CFNetwork/1568.200.51 Darwin/24.1.0',
  claudeCli: 'claude-cli/2.1.205 (external, cli)',
  pythonRequests: 'python-requests/2.32.3',
  backup: 'python-requests/2.31.0',
  reportAgent: 'ReportAgent/1.3 python-httpx/0.27.0',
};

/** How Okta parses a user agent into `client.userAgent.{os,browser}` and `client.device`. */
const OKTA_PARSED = {
  [UA.chromeWin142]: { os: 'Windows 10', browser: 'CHROME', device: 'Computer' },
  [UA.chromeWin143]: { os: 'Windows 10', browser: 'CHROME', device: 'Computer' },
  [UA.chromeMac]: { os: 'Mac OS X', browser: 'CHROME', device: 'Computer' },
  [UA.edgeWin]: { os: 'Windows 10', browser: 'EDGE_CHROMIUM', device: 'Computer' },
  [UA.safariMac]: { os: 'Mac OS X', browser: 'SAFARI', device: 'Computer' },
  [UA.firefoxWin]: { os: 'Windows 10', browser: 'FIREFOX', device: 'Computer' },
  [UA.firefoxMac]: { os: 'Mac OS X', browser: 'FIREFOX', device: 'Computer' },
  [UA.exampleMobile]: { os: 'iOS', browser: 'UNKNOWN', device: 'Mobile' },
  [UA.reportAgent]: { os: 'Unknown', browser: 'UNKNOWN', device: 'Unknown' },
};

/** Documentation address ranges only (RFC 5737, RFC 3849, RFC 6598 shared space for carrier NAT). */
const NET = {
  office: {
    geo: { city: 'Dublin', state: 'Leinster', country: 'Ireland', postalCode: 'D02', geolocation: { lat: 53.3438, lon: -6.2546 } },
    security: { asNumber: 64500, asOrg: 'example fibre business', isp: 'Example Fibre', domain: 'examplefibre.example', isProxy: false },
  },
  bobHome: {
    geo: { city: 'Bray', state: 'Leinster', country: 'Ireland', postalCode: 'A98', geolocation: { lat: 53.2028, lon: -6.0983 } },
    security: { asNumber: 64501, asOrg: 'example broadband', isp: 'Example Broadband', domain: 'examplebroadband.example', isProxy: false },
  },
  mobile: {
    geo: { city: 'Dublin', state: 'Leinster', country: 'Ireland', postalCode: null, geolocation: { lat: 53.3331, lon: -6.2489 } },
    security: { asNumber: 64505, asOrg: 'example mobile ireland', isp: 'Example Mobile', domain: 'examplemobile.example', isProxy: false },
  },
  cloud: {
    geo: { city: 'Frankfurt am Main', state: 'Hesse', country: 'Germany', postalCode: '60313', geolocation: { lat: 50.1109, lon: 8.6821 } },
    security: { asNumber: 64510, asOrg: 'example cloud gmbh', isp: 'Example Cloud', domain: 'examplecloud.example', isProxy: false },
  },
};

function person(login, displayName) {
  return { login: `${login}@example.com`, displayName, oktaId: oktaId('00u'), entraId: guid() };
}
const P = {
  alice: person('alice', 'Alice Murphy'),
  bob: person('bob', 'Bob Kavanagh'),
  carol: person('carol', 'Carol Byrne'),
  dave: person('dave', 'Dave Okafor'),
  erin: person('erin', 'Erin Walsh'),
  frank: person('frank', 'Frank Doyle'),
  grace: person('grace', 'Grace Nolan'),
  henry: person('henry', 'Henry Lynch'),
};

/** A device as Okta sees it: user agent, IP, network; the fingerprint and dtHash stay with the device. */
function device(ua, ip, net) {
  return { ua, ip, net, fingerprint: hex(32), dtHash: hex(64) };
}

const APPS = {
  portal: { id: oktaId('0oa'), name: 'example_api_portal', label: 'Example API Portal', mode: 'OPENID_CONNECT' },
  wiki: { id: oktaId('0oa'), name: 'example_wiki', label: 'Example Wiki', mode: 'OPENID_CONNECT' },
  m365: { id: oktaId('0oa'), name: 'office365', label: 'Microsoft Office 365', mode: 'WS_FEDERATION' },
  reportAgent: { id: oktaId('0oa'), name: 'report_agent', label: 'ReportAgent', mode: 'OPENID_CONNECT' },
};
const AUTH_SERVER = { id: `aus${chars(B62, 17)}`, name: 'api.example.com' };
const POLICY = { id: oktaId('00p'), rule: oktaId('0pr') };

// ---------------------------------------------------------------------------------------------------------------
// Okta System Log

const okta = [];

function oktaEvent({
  time,
  type,
  who,
  dev,
  session,
  result = 'SUCCESS',
  reason = null,
  target = null,
  debug = {},
  rootSessionId,
  clientId = null,
  credentialType = null,
}) {
  const parsed = OKTA_PARSED[dev.ua] ?? { os: 'Unknown', browser: 'UNKNOWN', device: 'Unknown' };
  const requestId = oktaRequestId();
  const meta = EVENT_META[type];
  const authenticationContext = {
    authenticationProvider: credentialType ? 'OKTA_AUTHENTICATION_PROVIDER' : null,
    credentialProvider: credentialType === 'OKTA_VERIFY_PUSH' ? 'OKTA_CREDENTIAL_PROVIDER' : null,
    credentialType,
    issuer: null,
    interface: null,
    authenticationStep: 0,
    externalSessionId: session,
  };
  if (rootSessionId !== undefined) authenticationContext.rootSessionId = rootSessionId;
  okta.push({
    time,
    event: {
      actor: { id: who.oktaId, type: 'User', alternateId: who.login, displayName: who.displayName, detailEntry: null },
      client: {
        userAgent: { rawUserAgent: dev.ua, os: parsed.os, browser: parsed.browser },
        zone: 'null',
        device: parsed.device,
        id: clientId,
        ipAddress: dev.ip,
        geographicalContext: dev.net.geo,
      },
      device: null,
      authenticationContext,
      displayMessage: meta.message,
      eventType: type,
      outcome: { result, reason },
      published: iso(time),
      securityContext: dev.net.security,
      severity: result === 'FAILURE' ? 'WARN' : 'INFO',
      debugContext: {
        debugData: {
          requestId,
          requestUri: meta.uri,
          url: meta.url ?? meta.uri,
          threatSuspected: 'false',
          ...(clientId ? {} : { deviceFingerprint: dev.fingerprint, dtHash: dev.dtHash }),
          ...debug,
        },
      },
      legacyEventType: meta.legacy,
      transaction: { type: 'WEB', id: requestId, detail: {} },
      uuid: uuid1(),
      version: '0',
      request: { ipChain: [{ ip: dev.ip, geographicalContext: dev.net.geo, version: dev.ip.includes(':') ? 'V6' : 'V4', source: null }] },
      target,
    },
  });
}

const EVENT_META = {
  'user.session.start': { message: 'User login to Okta', uri: '/idp/idx/identify', legacy: 'core.user_auth.login_success' },
  'user.authentication.auth_via_mfa': {
    message: 'Authentication of user via MFA',
    uri: '/idp/idx/challenge/answer',
    legacy: 'core.user.factor.attempt_success',
  },
  'policy.evaluate_sign_on': { message: 'Evaluation of sign-on policy', uri: '/idp/idx/introspect', legacy: null },
  'user.authentication.sso': { message: 'User single sign on to app', uri: '/oauth2/v1/authorize', legacy: 'app.auth.sso' },
  'app.oauth2.as.authorize.code': { message: 'OAuth2 authorization code request', uri: '/oauth2/default/v1/authorize', legacy: null },
  'app.oauth2.as.token.grant.access_token': { message: 'OAuth2 access token is granted', uri: '/oauth2/default/v1/token', legacy: null },
  'user.session.end': { message: 'User logout from Okta', uri: '/login/signout', legacy: 'core.user_auth.logout_success' },
};

function appTarget(app) {
  return { id: app.id, type: 'AppInstance', alternateId: app.label, displayName: app.label, detailEntry: { signOnModeType: app.mode } };
}
function userTarget(who) {
  return { id: who.oktaId, type: 'User', alternateId: who.login, displayName: who.displayName, detailEntry: null };
}

/** A person's sign-in to Okta: an optional typo, the password step, the push, the sign-on policy. Returns the session id. */
function signIn(who, dev, time, { typo = false } = {}) {
  if (typo) {
    oktaEvent({
      time: time - int(25_000, 50_000),
      type: 'user.session.start',
      who,
      dev,
      session: `trs${chars(B64URL, 22)}`,
      result: 'FAILURE',
      reason: 'INVALID_CREDENTIALS',
      credentialType: 'PASSWORD',
    });
  }
  const session = oktaSessionId();
  const policyTarget = [
    {
      id: POLICY.id,
      type: 'PolicyEntity',
      alternateId: 'unknown',
      displayName: 'Default Policy',
      detailEntry: { policyType: 'OktaSignOn' },
    },
    { id: POLICY.rule, type: 'PolicyRule', alternateId: 'unknown', displayName: 'Require Okta Verify', detailEntry: null },
  ];
  oktaEvent({
    time,
    type: 'policy.evaluate_sign_on',
    who,
    dev,
    session,
    result: 'ALLOW',
    reason: 'Sign-on policy evaluation resulted in ALLOW',
    target: policyTarget,
    debug: {
      behaviors:
        '{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, Velocity=NEGATIVE, New City=NEGATIVE}',
      risk: '{level=LOW}',
    },
  });
  oktaEvent({
    time: time + int(6_000, 14_000),
    type: 'user.authentication.auth_via_mfa',
    who,
    dev,
    session,
    credentialType: 'OKTA_VERIFY_PUSH',
    debug: { factor: 'OKTA_VERIFY_PUSH', factorIntent: 'AUTHENTICATION' },
    target: [userTarget(who)],
  });
  oktaEvent({
    time: time + int(15_000, 20_000),
    type: 'user.session.start',
    who,
    dev,
    session,
    credentialType: 'PASSWORD',
    target: [userTarget(who)],
  });
  return session;
}

/** Single sign-on to an app; for the OIDC portal also the code and token requests of the single-page app. */
function sso(who, dev, session, time, app) {
  oktaEvent({
    time,
    type: 'user.authentication.sso',
    who,
    dev,
    session,
    target: [
      appTarget(app),
      { id: oktaId('0ua'), type: 'AppUser', alternateId: who.login, displayName: who.displayName, detailEntry: null },
    ],
  });
  if (app === APPS.portal) {
    oktaEvent({
      time: time + int(300, 900),
      type: 'app.oauth2.as.authorize.code',
      who,
      dev,
      session,
      target: [appTarget(app)],
      debug: { grantType: 'authorization_code', responseType: 'code', requestedScopes: 'openid profile email api.read api.write' },
    });
    oktaEvent({
      time: time + int(1_000, 1_900),
      type: 'app.oauth2.as.token.grant.access_token',
      who,
      dev,
      session,
      target: [
        {
          id: `AT.${chars(B64URL, 43)}`,
          type: 'access_token',
          alternateId: 'urn:okta:oauth:token:jti',
          displayName: 'Access Token',
          detailEntry: { expires: iso(time + 3_600_000), subject: who.oktaId },
        },
      ],
      debug: {
        grantType: 'authorization_code',
        grantedScopes: 'openid, profile, email, api.read, api.write',
        authorizationServer: AUTH_SERVER.name,
      },
    });
  }
}

function signOut(who, dev, session, time) {
  oktaEvent({ time, type: 'user.session.end', who, dev, session });
}

// ---------------------------------------------------------------------------------------------------------------
// Access logs: the API gateway (OpenTelemetry keys, JSON lines) and the wiki (CSV)

const api = [];
const wiki = [];

function apiRequest(time, dev, who, session, { method = 'GET', path, status = 200 }) {
  api.push({
    time,
    line: {
      timestamp: iso(time),
      'http.request.method': method,
      'url.path': path,
      'http.response.status_code': status,
      'client.address': dev.ip,
      'user_agent.original': dev.ua,
      'session.id': session,
      'enduser.id': who.login,
      'http.server.request.duration': Math.round(uniform(0.004, status >= 500 ? 2.5 : 0.35) * 1000) / 1000,
    },
  });
}

function wikiRequest(time, dev, who, session, { method = 'GET', path, status = 200 }) {
  wiki.push({ time, row: [iso(time), method, path, String(status), dev.ip, dev.ua, who.login, session] });
}

const ids = {
  project: () => `p-${int(101, 260)}`,
  customer: () => String(int(10_000, 10_900)),
  invoice: () => `INV-2026-${String(int(1, 4800)).padStart(5, '0')}`,
  user: () => `00u${chars(B62, 17)}`,
  file: () => `f_${chars(B62, 12)}`,
};
const signedToken = () => `eyJhbGciOiJIUzI1NiJ9.${chars(B64URL, 36)}.${chars(B64URL, 43)}`;

/** Pages of the API portal: what one navigation requests from api.example.com. */
const API_PAGES = {
  dashboard: {
    poll: '/api/notifications/unread',
    requests: () => [
      { path: '/api/me' },
      { path: '/api/dashboard/summary' },
      { path: '/api/notifications/unread' },
      { path: '/api/projects?limit=5&sort=updated' },
      { path: '/api/activity?limit=20' },
      { path: '/api/feature-flags' },
      ...repeat(int(0, 6), () => ({ path: `/api/users/${ids.user()}/avatar`, status: pick([200, 304, 304]) })),
    ],
  },
  projects: {
    requests: () => {
      const page = int(1, 4);
      return [
        { path: `/api/projects?page=${page}&per_page=25&sort=updated` },
        ...repeat(int(4, 14), () => ({ path: `/api/projects/${ids.project()}/summary` })),
      ];
    },
  },
  project: {
    requests: () => {
      const p = ids.project();
      return [
        { path: `/api/projects/${p}` },
        { path: `/api/projects/${p}/tasks?status=open&page=1` },
        { path: `/api/projects/${p}/members` },
        { path: `/api/projects/${p}/files` },
        ...repeat(int(1, 12), () => ({ path: `/api/users/${ids.user()}/avatar`, status: pick([200, 304]) })),
      ];
    },
  },
  task: {
    requests: () => {
      const p = ids.project();
      const t = int(1000, 9999);
      return [
        { method: 'PATCH', path: `/api/projects/${p}/tasks/${t}` },
        { path: `/api/projects/${p}/tasks/${t}` },
        { path: `/api/projects/${p}/tasks/${t}/comments` },
        ...(chance(0.5) ? [{ method: 'POST', path: `/api/projects/${p}/tasks/${t}/comments`, status: 201 }] : []),
      ];
    },
  },
  customers: {
    requests: () => [
      { path: `/api/customers?page=${int(1, 6)}&per_page=50&sort=name` },
      { path: '/api/customers/segments' },
      ...repeat(int(3, 18), () => ({ path: `/api/customers/${ids.customer()}/summary` })),
    ],
  },
  customer: {
    requests: () => {
      const c = ids.customer();
      return [
        { path: `/api/customers/${c}` },
        { path: `/api/customers/${c}/orders?page=1` },
        { path: `/api/customers/${c}/contacts` },
        { path: `/api/customers/${c}/notes` },
        ...(chance(0.15) ? [{ path: `/api/customers/${ids.customer()}`, status: 404 }] : []),
      ];
    },
  },
  invoices: {
    requests: () => [
      { path: `/api/invoices?status=${pick(['open', 'overdue', 'paid'])}&page=${int(1, 3)}` },
      { path: '/api/invoices/totals?period=2026-10' },
      ...repeat(int(2, 10), () => ({ path: `/api/invoices/${ids.invoice()}/status` })),
    ],
  },
  search: {
    requests: () => [
      { path: `/api/search?q=${pick(['renewal', 'acme', 'q4+forecast', 'onboarding', 'vat', 'sla'])}&page=1` },
      { path: '/api/search/suggestions' },
    ],
  },
  download: {
    requests: () => [
      { path: `/api/files/${ids.file()}/download?token=${signedToken()}` },
      { path: `/api/exports/${int(4000, 4999)}?page=2&token=${signedToken()}` },
    ],
  },
  builds: {
    poll: '/api/builds/status?project=p-204',
    requests: () => [
      { path: '/api/builds?project=p-204&limit=20' },
      { path: '/api/builds/status?project=p-204' },
      ...repeat(int(3, 8), () => ({ path: `/api/builds/${int(88000, 88999)}/summary` })),
    ],
  },
};

/** Pages of the wiki: the HTML, its static assets and its own API calls. */
const WIKI_DOCS = [
  'onboarding',
  'vpn-setup',
  'expense-policy',
  'on-call',
  'release-process',
  'security-faq',
  'team-contacts',
  'holiday-calendar',
];
function wikiPage() {
  const doc = pick(WIKI_DOCS);
  const kind = pick(['doc', 'doc', 'doc', 'search', 'home', 'edit']);
  const html =
    kind === 'search'
      ? `/search?q=${pick(['vpn', 'expenses', 'pager', 'laptop+refresh', 'release'])}`
      : kind === 'home'
        ? '/'
        : kind === 'edit'
          ? `/docs/${doc}/edit`
          : `/docs/${doc}`;
  const assets = [
    { path: '/static/js/app.8c41e2.js', status: 304 },
    { path: '/static/css/app.1f9b07.css', status: 304 },
    { path: '/api/session' },
    { path: '/static/img/logo.svg', status: 304 },
    { path: '/favicon.ico', status: 304 },
  ];
  const extra =
    kind === 'edit' ? [{ method: 'POST', path: `/api/pages/${doc}/draft`, status: 201 }] : [{ path: `/api/pages/${doc}/comments` }];
  return [{ path: html }, ...assets.slice(0, int(2, 5)), ...extra];
}

function repeat(n, make) {
  return Array.from({ length: n }, make);
}

/**
 * A person using the API portal in a browser (or the mobile app): navigations whose requests come in a burst of
 * well under 2 s, then think time; a page with a poller keeps calling one endpoint every 30 s while it is open.
 */
function visitApi(who, dev, session, start, pages) {
  let t = start;
  for (let i = 0; i < pages.length; i++) {
    const page = API_PAGES[pages[i]];
    let at2 = t;
    for (const req of page.requests()) {
      apiRequest(at2, dev, who, session, req);
      at2 += int(15, 130);
    }
    const think = thinkMs();
    if (page.poll) {
      for (let p = t + 30_000 + int(-8, 8); p < t + think; p += 30_000 + int(-8, 8)) apiRequest(p, dev, who, session, { path: page.poll });
    }
    t += think;
  }
  return t;
}

function visitWiki(who, dev, session, start, pageCount) {
  let t = start;
  for (let i = 0; i < pageCount; i++) {
    let at2 = t;
    for (const req of wikiPage()) {
      wikiRequest(at2, dev, who, session, req);
      at2 += int(20, 160);
    }
    t += thinkMs(50);
  }
  return t;
}

/** The wiki's OIDC callback after single sign-on (the code in the query string is a secret the tool must not keep). */
function wikiLogin(who, dev, session, time) {
  wikiRequest(time, dev, who, session, { path: `/login/callback?code=${chars(B64URL, 43)}&state=${chars(B64URL, 22)}`, status: 302 });
  visitWiki(who, dev, session, time + int(200, 600), 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Microsoft Entra ID sign-ins (Graph beta `auditLogs/signIns`)

const entra = [];
const M365 = {
  officeHome: { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' },
  outlook: { id: '9199bf20-a13f-4107-85dc-02114787ef48', name: 'One Outlook Web' },
  teams: { id: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', name: 'Microsoft Teams Web Client' },
  exchange: { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
  graph: { id: '00000003-0000-0000-c000-000000000000', name: 'Microsoft Graph' },
  skype: { id: '00000004-0000-0ff1-ce00-000000000000', name: 'Skype for Business Online' },
};
const ENTRA_GEO = {
  office: {
    city: 'Dublin',
    state: 'Dublin',
    countryOrRegion: 'IE',
    geoCoordinates: { altitude: null, latitude: 53.3438, longitude: -6.2546 },
  },
  mobile: {
    city: 'Dublin',
    state: 'Dublin',
    countryOrRegion: 'IE',
    geoCoordinates: { altitude: null, latitude: 53.3331, longitude: -6.2489 },
  },
};

function entraSignIn({ time, who, ip, geo, ua, browserHint, os, sessionId, interactive, app, resource, errorCode = 0, failureReason }) {
  const id = guid();
  entra.push({
    time,
    event: {
      id,
      createdDateTime: iso(time).replace(/\.\d{3}Z$/, 'Z'),
      userDisplayName: who.displayName,
      userPrincipalName: who.login,
      userId: who.entraId,
      appId: app.id,
      appDisplayName: app.name,
      ipAddress: ip,
      clientAppUsed: 'Browser',
      userAgent: interactive ? ua : '',
      correlationId: guid(),
      conditionalAccessStatus: errorCode === 0 ? 'success' : 'notApplied',
      originalRequestId: id,
      isInteractive: interactive,
      tokenIssuerName: '',
      tokenIssuerType: 'AzureAD',
      processingTimeInMilliseconds: int(40, 420),
      riskDetail: 'none',
      riskLevelAggregated: 'none',
      riskLevelDuringSignIn: 'none',
      riskState: 'none',
      riskEventTypes_v2: [],
      resourceDisplayName: resource.name,
      resourceId: resource.id,
      servicePrincipalId: '',
      sessionId,
      signInEventTypes: [interactive ? 'interactiveUser' : 'nonInteractiveUser'],
      authenticationRequirement: interactive ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
      incomingTokenType: interactive ? 'none' : 'primaryRefreshToken',
      uniqueTokenIdentifier: Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url'),
      status:
        errorCode === 0
          ? { errorCode: 0, failureReason: 'Other.', additionalDetails: interactive ? 'MFA completed in Azure AD' : null }
          : { errorCode, failureReason, additionalDetails: "The user didn't enter the right credentials." },
      deviceDetail: {
        deviceId: '',
        displayName: '',
        operatingSystem: os,
        browser: browserHint,
        isCompliant: false,
        isManaged: false,
        trustType: '',
      },
      location: geo,
      appliedConditionalAccessPolicies: [],
      networkLocationDetails: [],
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The day

const devices = {
  alice: device(UA.chromeWin142, '198.51.100.23', NET.office),
  aliceUpdated: null,
  bob: device(UA.chromeMac, '192.0.2.44', NET.bobHome),
  carol: device(UA.edgeWin, '198.51.100.57', NET.office),
  dave: device(UA.safariMac, '198.51.100.81', NET.office),
  erin: device(UA.chromeMac, '198.51.100.64', NET.office),
  frank: device(UA.firefoxMac, '198.51.100.90', NET.office),
  grace: device(UA.exampleMobile, '100.64.12.34', NET.mobile),
  henry: device(UA.chromeMac, '198.51.100.102', NET.office),
};
// Same laptop, same browser profile, after Chrome updated itself over lunch.
devices.aliceUpdated = { ...devices.alice, ua: UA.chromeWin143 };
// Henry's laptop when he leaves the office and tethers to his phone.
const henryTethered = { ...devices.henry, ip: '100.66.40.7', net: NET.mobile };

// alice: Chrome on Windows at the office; mistypes her password once; Chrome updates from 142 to 143 at lunch.
{
  const who = P.alice;
  const s = signIn(who, devices.alice, at('08:01:40'), { typo: true });
  sso(who, devices.alice, s, at('08:02:31'), APPS.portal);
  visitApi(who, devices.alice, s, at('08:02:34'), ['dashboard', 'projects', 'project', 'task']);
  sso(who, devices.alice, s, at('08:20:05'), APPS.wiki);
  wikiLogin(who, devices.alice, s, at('08:20:06.900'));
  visitWiki(who, devices.alice, s, at('08:21:30'), 3);
  visitApi(who, devices.alice, s, at('10:12:00'), ['dashboard', 'invoices', 'invoices', 'customer']);
  sso(who, devices.aliceUpdated, s, at('13:06:12'), APPS.portal);
  visitApi(who, devices.aliceUpdated, s, at('13:06:15'), ['dashboard', 'builds', 'project', 'task']);
  visitWiki(who, devices.aliceUpdated, s, at('15:40:00'), 2);
  visitApi(who, devices.aliceUpdated, s, at('16:30:00'), ['search', 'customer', 'download']);
  signOut(who, devices.aliceUpdated, s, at('17:12:44'));
}

// bob: Chrome on his Mac at home; 40 minutes in, Claude Code on the same laptop calls the API with his session.
{
  const who = P.bob;
  const dev = devices.bob;
  const s = signIn(who, dev, at('08:31:05'));
  sso(who, dev, s, at('08:31:40'), APPS.portal);
  visitApi(who, dev, s, at('08:31:43'), ['dashboard', 'projects', 'project', 'project', 'task']);
  const agent = { ...dev, ua: UA.claudeCli };
  let t = at('09:11:20');
  const project = 'p-217';
  const calls = [
    { path: '/api/me' },
    { path: '/api/projects?page=1&per_page=100' },
    { path: `/api/projects/${project}` },
    { path: `/api/projects/${project}/tasks?status=open&page=1` },
    { path: `/api/projects/${project}/tasks?status=open&page=2` },
    ...repeat(8, () => ({ path: `/api/projects/${project}/tasks/${int(1000, 9999)}` })),
    { path: `/api/projects/${project}/files` },
    { path: `/api/files/${ids.file()}/download?token=${signedToken()}` },
    ...repeat(4, () => ({ method: 'PATCH', path: `/api/projects/${project}/tasks/${int(1000, 9999)}` })),
    { method: 'POST', path: `/api/projects/${project}/tasks/${int(1000, 9999)}/comments`, status: 201 },
    { path: `/api/projects/${project}/tasks?status=open&page=1` },
    { path: '/api/search?q=flaky+test&page=1' },
    { path: `/api/projects/${project}/members` },
    { path: `/api/projects/${project}/tasks/${int(1000, 9999)}`, status: 404 },
  ];
  for (const call of calls) {
    apiRequest(t, agent, who, s, call);
    // An agent loop: a tool call, then the model thinks for a few seconds, sometimes longer.
    t += chance(0.3) ? int(150, 600) : int(3_000, 28_000);
  }
  visitApi(who, dev, s, at('10:05:00'), ['task', 'project', 'dashboard']);
  visitApi(who, dev, s, at('14:20:00'), ['projects', 'project', 'task', 'search']);
  signOut(who, dev, s, at('16:44:10'));
}

// carol: Edge on Windows at the office; in the afternoon python-requests from a cloud host replays her session.
{
  const who = P.carol;
  const dev = devices.carol;
  const s = signIn(who, dev, at('08:14:50'));
  sso(who, dev, s, at('08:15:31'), APPS.portal);
  visitApi(who, dev, s, at('08:15:34'), ['dashboard', 'customers', 'customer', 'customer', 'invoices']);
  sso(who, dev, s, at('09:02:10'), APPS.wiki);
  wikiLogin(who, dev, s, at('09:02:11.400'));
  visitWiki(who, dev, s, at('09:03:00'), 2);
  visitApi(who, dev, s, at('11:40:00'), ['customers', 'customer', 'invoices']);
  const replay = { ...dev, ua: UA.pythonRequests, ip: '203.0.113.77', net: NET.cloud };
  let t = at('14:02:11');
  for (let page = 1; page <= 28; page++) {
    apiRequest(t, replay, who, s, { path: `/api/customers?page=${page}&per_page=100&sort=id` });
    t += int(700, 2_400);
  }
  for (let page = 1; page <= 9; page++) {
    apiRequest(t, replay, who, s, { path: `/api/invoices?status=all&page=${page}&per_page=100` });
    t += int(700, 2_400);
  }
  visitApi(who, dev, s, at('15:10:00'), ['dashboard', 'customer', 'invoices']);
  signOut(who, dev, s, at('17:31:02'));
}

// dave: Safari on his Mac at the office; late morning Firefox on Windows from another network uses his wiki session.
{
  const who = P.dave;
  const dev = devices.dave;
  oktaEvent({
    time: at('08:44:02'),
    type: 'user.authentication.auth_via_mfa',
    who,
    dev,
    session: `trs${chars(B64URL, 22)}`,
    result: 'FAILURE',
    reason: 'VERIFY_PUSH_TIMEOUT',
    credentialType: 'OKTA_VERIFY_PUSH',
    debug: { factor: 'OKTA_VERIFY_PUSH' },
  });
  const s = signIn(who, dev, at('08:45:20'));
  sso(who, dev, s, at('08:46:02'), APPS.wiki);
  wikiLogin(who, dev, s, at('08:46:03.200'));
  visitWiki(who, dev, s, at('08:47:00'), 4);
  sso(who, dev, s, at('09:30:40'), APPS.portal);
  visitApi(who, dev, s, at('09:30:43'), ['dashboard', 'projects', 'project']);
  const other = { ...device(UA.firefoxWin, '2001:db8:7a2:1f::35', NET.mobile) };
  visitWiki(who, other, s, at('11:20:14'), 4);
  visitWiki(who, dev, s, at('13:45:00'), 2);
  visitApi(who, dev, s, at('14:30:00'), ['dashboard', 'search', 'project']);
  signOut(who, dev, s, at('17:02:37'));
}

// erin: Chrome on her Mac at the office; for three minutes something drives her browser through customer records.
{
  const who = P.erin;
  const dev = devices.erin;
  const s = signIn(who, dev, at('08:50:12'));
  sso(who, dev, s, at('08:50:55'), APPS.portal);
  visitApi(who, dev, s, at('08:50:58'), ['dashboard', 'customers', 'customer', 'invoices']);
  visitApi(who, dev, s, at('09:40:00'), ['customers', 'customer']);
  const first = 10_214;
  const start = at('10:30:04.120');
  for (let i = 0; i < 86; i++) {
    apiRequest(start + i * 2000 + int(-50, 50), dev, who, s, { path: `/api/customers/${first + i * 3}` });
  }
  visitApi(who, dev, s, at('10:45:00'), ['dashboard', 'customers', 'customer']);
  visitApi(who, dev, s, at('15:05:00'), ['invoices', 'customer', 'search']);
  signOut(who, dev, s, at('16:58:49'));
}

// frank: Firefox on his Mac; his report agent gets its own delegated token by token exchange (the right pattern).
{
  const who = P.frank;
  const dev = devices.frank;
  const s = signIn(who, dev, at('08:20:30'));
  sso(who, dev, s, at('08:21:11'), APPS.portal);
  visitApi(who, dev, s, at('08:21:14'), ['dashboard', 'projects', 'project']);
  const agentHost = device(UA.reportAgent, '203.0.113.140', NET.cloud);
  for (const [when, month] of [
    ['10:00:02', '2026-10'],
    ['15:00:03', '2026-10'],
  ]) {
    const derived = oktaSessionId();
    const time = at(when);
    oktaEvent({
      time,
      type: 'app.oauth2.as.token.grant.access_token',
      who,
      dev: agentHost,
      session: derived,
      rootSessionId: s,
      clientId: APPS.reportAgent.id,
      target: [
        {
          id: `AT.${chars(B64URL, 43)}`,
          type: 'access_token',
          alternateId: 'urn:okta:oauth:token:jti',
          displayName: 'Access Token',
          detailEntry: { expires: iso(time + 900_000), subject: who.oktaId, actor: APPS.reportAgent.id },
        },
        appTarget(APPS.reportAgent),
      ],
      debug: {
        grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
        requestedScopes: 'reports.read',
        grantedScopes: 'reports.read',
        subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token',
        actorTokenType: 'urn:ietf:params:oauth:token-type:jwt',
        clientAuthType: 'private_key_jwt',
        authorizationServer: AUTH_SERVER.name,
      },
    });
    let t = time + int(400, 900);
    const calls = [
      { path: `/api/reports/monthly?month=${month}` },
      { path: `/api/reports/monthly/sections?month=${month}` },
      ...repeat(12, () => ({ path: `/api/projects/${ids.project()}/metrics?month=${month}` })),
      ...repeat(5, () => ({ path: `/api/invoices/totals?period=${month}&team=${pick(['platform', 'sales', 'support', 'finance'])}` })),
      { method: 'POST', path: '/api/reports/drafts', status: 201 },
    ];
    for (const call of calls) {
      apiRequest(t, agentHost, who, derived, call);
      t += int(300, 4_000);
    }
  }
  visitApi(who, dev, s, at('11:15:00'), ['dashboard', 'task', 'project']);
  visitApi(who, dev, s, at('15:20:00'), ['dashboard', 'download']);
  signOut(who, dev, s, at('17:45:20'));
}

// grace: out at customers all day; the iOS app on her phone, over the mobile network.
{
  const who = P.grace;
  const dev = devices.grace;
  const s = signIn(who, dev, at('09:28:41'));
  sso(who, dev, s, at('09:29:20'), APPS.portal);
  visitApi(who, dev, s, at('09:29:23'), ['dashboard', 'customers', 'customer']);
  visitApi(who, dev, s, at('12:02:00'), ['customer', 'invoices']);
  visitApi(who, dev, s, at('16:11:00'), ['dashboard', 'customer']);
}

// henry: Chrome on his Mac; mistypes his password; after lunch he leaves the office and tethers to his phone.
{
  const who = P.henry;
  const dev = devices.henry;
  const s = signIn(who, dev, at('08:08:15'), { typo: true });
  sso(who, dev, s, at('08:09:02'), APPS.portal);
  visitApi(who, dev, s, at('08:09:05'), ['dashboard', 'builds', 'project']);
  sso(who, dev, s, at('09:15:30'), APPS.wiki);
  wikiLogin(who, dev, s, at('09:15:31.100'));
  visitWiki(who, dev, s, at('09:16:00'), 3);
  visitApi(who, dev, s, at('11:00:00'), ['builds', 'task']);
  sso(who, henryTethered, s, at('13:10:40'), APPS.portal);
  visitApi(who, henryTethered, s, at('13:10:43'), ['dashboard', 'project', 'task']);
  visitWiki(who, henryTethered, s, at('14:00:00'), 2);
  signOut(who, henryTethered, s, at('15:55:03'));
}

// svc-backup: a backup job with its own API token and session id; no person ever signs in with it.
{
  const who = { login: 'svc-backup@example.com' };
  const dev = { ua: UA.backup, ip: '10.20.3.15' };
  const session = `svc-${chars(B62, 20)}`;
  for (let hour = 8; hour <= 17; hour++) {
    let t = DAY + hour * 3_600_000 + int(4_000, 6_000);
    const exportId = int(4000, 4999);
    const calls = [
      { path: `/api/exports/changes?since=2026-11-02T${String(hour - 1).padStart(2, '0')}:00:00Z` },
      { method: 'POST', path: '/api/exports', status: 202 },
      { path: `/api/exports/${exportId}?page=1&token=${signedToken()}` },
      { path: `/api/exports/${exportId}?page=2&token=${signedToken()}` },
    ];
    for (const call of calls) {
      apiRequest(t, dev, who, session, call);
      t += int(800, 9_000);
    }
  }
}

// Microsoft 365 through Entra ID: alice (Chrome on Windows) and henry (Chrome on his Mac).
{
  const aliceSession = guid();
  const henrySession = guid();
  const chrome142 = 'Chrome 142.0.0';
  const chrome143 = 'Chrome 143.0.0';
  entraSignIn({
    time: at('08:05:10'),
    who: P.alice,
    ip: devices.alice.ip,
    geo: ENTRA_GEO.office,
    ua: UA.chromeWin142,
    browserHint: chrome142,
    os: 'Windows10',
    sessionId: aliceSession,
    interactive: true,
    app: M365.officeHome,
    resource: M365.officeHome,
  });
  for (const [when, app, resource, hint] of [
    ['08:05:22', M365.outlook, M365.exchange, chrome142],
    ['08:05:40', M365.teams, M365.skype, chrome142],
    ['09:41:03', M365.outlook, M365.graph, chrome142],
    ['11:02:47', M365.teams, M365.graph, chrome142],
    ['13:07:30', M365.outlook, M365.exchange, chrome143],
    ['14:31:09', M365.teams, M365.graph, chrome143],
    ['16:02:55', M365.outlook, M365.graph, chrome143],
  ]) {
    entraSignIn({
      time: at(when),
      who: P.alice,
      ip: devices.alice.ip,
      geo: ENTRA_GEO.office,
      ua: '',
      browserHint: hint,
      os: 'Windows10',
      sessionId: aliceSession,
      interactive: false,
      app,
      resource,
    });
  }
  entraSignIn({
    time: at('08:11:02'),
    who: P.henry,
    ip: devices.henry.ip,
    geo: ENTRA_GEO.office,
    ua: UA.chromeMac,
    browserHint: chrome142,
    os: 'MacOs',
    sessionId: '',
    interactive: true,
    app: M365.officeHome,
    resource: M365.officeHome,
    errorCode: 50126,
    failureReason: 'Error validating credentials due to invalid username or password.',
  });
  entraSignIn({
    time: at('08:11:40'),
    who: P.henry,
    ip: devices.henry.ip,
    geo: ENTRA_GEO.office,
    ua: UA.chromeMac,
    browserHint: chrome142,
    os: 'MacOs',
    sessionId: henrySession,
    interactive: true,
    app: M365.officeHome,
    resource: M365.officeHome,
  });
  for (const [when, app, resource, dev, geo] of [
    ['08:12:01', M365.outlook, M365.exchange, devices.henry, ENTRA_GEO.office],
    ['10:12:44', M365.teams, M365.graph, devices.henry, ENTRA_GEO.office],
    ['13:12:05', M365.outlook, M365.exchange, henryTethered, ENTRA_GEO.mobile],
    ['14:40:19', M365.teams, M365.graph, henryTethered, ENTRA_GEO.mobile],
  ]) {
    entraSignIn({
      time: at(when),
      who: P.henry,
      ip: dev.ip,
      geo,
      ua: '',
      browserHint: chrome142,
      os: 'MacOs',
      sessionId: henrySession,
      interactive: false,
      app,
      resource,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const byTime = (a, b) => a.time - b.time;
/** Stable sort: ties keep the order they were generated in. */
function sorted(list) {
  return list
    .map((item, i) => ({ item, i }))
    .sort((a, b) => byTime(a.item, b.item) || a.i - b.i)
    .map((x) => x.item);
}

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const files = {
  'okta-system-log.json': `${JSON.stringify(
    sorted(okta).map((e) => e.event),
    null,
    2,
  )}\n`,
  'api-gateway-access.jsonl': sorted(api)
    .map((e) => `${JSON.stringify(e.line)}\n`)
    .join(''),
  'webapp-access.csv': `${['timestamp,method,path,status,remote_addr,user_agent,user,session_id', ...sorted(wiki).map((e) => e.row.map(csvCell).join(','))].join('\n')}\n`,
  'entra-signins.json': `${JSON.stringify(
    {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns',
      value: sorted(entra)
        .reverse()
        .map((e) => e.event),
    },
    null,
    2,
  )}\n`,
};

const check = process.argv.includes('--check');
let differs = false;
mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  const path = join(OUT, name);
  if (check) {
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      old = '';
    }
    if (old !== text) {
      differs = true;
      console.error(`fixtures/demo/${name} differs from what scripts/make-demo.mjs writes`);
    }
  } else {
    writeFileSync(path, text);
    console.log(`fixtures/demo/${name}  ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
  }
}
if (check) {
  if (differs) process.exitCode = 1;
  else console.log('fixtures/demo is up to date');
}
