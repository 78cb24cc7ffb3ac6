import type { LogFormat } from '../format.js';
import { detectGoogleWorkspace } from './detect.js';
import { ACTIVITY, PARAMETER } from './fields.js';
import { GOOGLE_WORKSPACE_ID, mapGoogleWorkspace } from './map.js';

export const googleWorkspace: LogFormat = {
  id: GOOGLE_WORKSPACE_ID,
  title: 'Google Workspace Admin SDK Reports activities',
  container: 'json',
  detection: { tier: 'vendor' },
  detect: detectGoogleWorkspace,
  map: mapGoogleWorkspace,
  docs: {
    summary:
      'Google Workspace Reports API activities (login, token, admin, drive, gmail, saml, ... applications): the ' +
      'API page `{"kind":"admin#reports#activities","items":[...]}`, a JSON array or one activity per line, with ' +
      '`events` as an array (API) or a single object (Elastic), and the Panther flattening (`name`, `type`, ' +
      '`parameters` map on the activity). An activity with several events maps to its login_success, logout, ' +
      'authorize or login_failure event, else to its first. login_success/login_failure are sign-ins (not ' +
      'interactive when login_type is exchange), logout a sign-out, token authorize a grant; the rest is `other`.',
    detectedBy: '`kind: "admin#reports#activity"`, or an `id.applicationName` with an `actor` object, `events`, `name` or `type`',
    fields: {
      user: ACTIVITY.user,
      session: 'none: Reports activities carry no session id',
      client:
        `event parameter ${PARAMETER.userAgent} (calendar); ` + `token grants: parameter ${PARAMETER.clientId}, app ${PARAMETER.appName}`,
      time: ACTIVITY.time,
      ip: ACTIVITY.ip,
    },
  },
};
