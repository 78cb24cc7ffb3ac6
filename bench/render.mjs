/**
 * How the world's events are written in each benchmarked format, one line each. `okta` renders identity-provider
 * events; the three access-log formats render API requests.
 */

const iso = (ms) => new Date(ms).toISOString();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

/** `02/Nov/2026:07:00:51 +0000`, as nginx writes `$time_local` on a UTC host. */
function clf(ms) {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function csvCell(value) {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const FORMATS = {
  okta: {
    source: 'idp',
    extension: 'ndjson',
    header: undefined,
    line(e) {
      const who = e.who;
      const event = {
        actor: { id: who.oktaId, type: 'User', alternateId: who.login, displayName: who.name, detailEntry: null },
        client: {
          userAgent: { rawUserAgent: e.ua, os: e.parsed[0], browser: e.parsed[1] },
          zone: 'null',
          device: e.parsed[0] === 'iOS' ? 'Mobile' : 'Computer',
          id: e.clientId ?? null,
          ipAddress: e.ip,
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
          externalSessionId: e.session,
          ...(e.root ? { rootSessionId: e.root } : {}),
        },
        displayMessage: e.type,
        eventType: e.type,
        outcome: { result: e.result ?? 'SUCCESS', reason: null },
        published: iso(e.time),
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
            requestId: e.requestId,
            requestUri: '/idp/idx/identify',
            threatSuspected: 'false',
            deviceFingerprint: who.fingerprint,
            ...(e.grantType ? { grantType: e.grantType } : {}),
          },
        },
        legacyEventType: null,
        transaction: { type: 'WEB', id: e.requestId, detail: {} },
        uuid: e.uuid,
        version: '0',
        request: { ipChain: [{ ip: e.ip, version: 'V4', source: null }] },
        target: e.app ? [{ id: e.app[0], type: 'AppInstance', alternateId: e.app[1], displayName: e.app[1], detailEntry: null }] : null,
      };
      return JSON.stringify(event);
    },
  },
  access: {
    source: 'requests',
    extension: 'ndjson',
    header: undefined,
    line(e) {
      return JSON.stringify({
        timestamp: iso(e.time),
        'http.request.method': e.method,
        'url.path': e.path,
        'http.response.status_code': e.status,
        'client.address': e.ip,
        'user_agent.original': e.ua,
        'session.id': e.session,
        'enduser.id': e.user,
        'server.address': 'api.example.com',
        'http.server.request.duration': e.ms / 1000,
      });
    },
  },
  nginx: {
    source: 'requests',
    extension: 'log',
    header: undefined,
    line(e) {
      return `${e.ip} - - [${clf(e.time)}] "${e.method} ${e.path} HTTP/1.1" ${e.status} ${e.bytes} "https://app.example.com/" "${e.ua}"`;
    },
  },
  csv: {
    source: 'requests',
    extension: 'csv',
    header: 'timestamp,method,path,status,client_ip,session_id,user,bytes,user_agent',
    line(e) {
      return [iso(e.time), e.method, e.path, e.status, e.ip, e.session, e.user, e.bytes, e.ua].map(csvCell).join(',');
    },
  },
};
