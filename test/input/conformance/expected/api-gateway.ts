import { expect } from 'vitest';
import type { Expectations } from '../support/expectation.js';
import { QUERY_SECRETS } from '../support/secrets.js';

const utc = Date.parse;
/** The generic JSON access log claims these records too, and reads them with less: api-gateway's product tier wins. */
const ALSO = ['access-log'];

export const corpus: Expectations = {
  // Elastic License 2.0: read from the corpus, never copied into fixtures/. AWS's JSON template, varying key
  // spacing and key sets; a CLF requestTime, the route template as the path, a string status.
  'api-gateway/elastic-integrations_aws_apigateway_test-apigateway-rest.log': {
    format: 'api-gateway',
    alsoClaimedBy: ALSO,
    events: 5,
    skipped: 0,
    table: { columns: ['action'], rows: [['GET /pets'], ['GET /pets/{petId}'], ['GET /pets/{petId}'], ['GET /pets/{petId}'], ['GET /']] },
    at: { 0: { time: utc('2023-06-10T15:36:28Z'), ip: '1.128.0.0', status: 200, user: undefined, userAgent: undefined } },
    readAlone: {
      // The generic access log finds CLF requestTime, httpMethod, the route template and the string status too.
      'access-log': {
        format: 'access-log',
        skipped: 0,
        at: { 0: { action: 'GET /pets', status: 200, ip: '1.128.0.0', time: utc('2023-06-10T15:36:28Z') } },
        where: [{ name: 'requests to the route template', select: { path: '/pets/{petId}' }, events: 3 }],
      },
    },
  },
};

export const fixtures: Expectations = {
  // A concrete path, an epoch time, Cognito claims, an IAM caller, an API key.
  'api-gateway/rest-cognito/access.ndjson': {
    format: 'api-gateway',
    alsoClaimedBy: ALSO,
    events: 4,
    skipped: 0,
    at: {
      0: {
        time: utc('2026-03-03T09:00:01.412Z'),
        format: 'api-gateway',
        kind: 'request',
        action: 'GET /prod/orders',
        outcome: 'success',
        status: 200,
        ip: '198.51.100.23',
        user: 'alice@example.com',
        tokenId: '0b7e1f4c-2d3a-4b5c-8d9e-af0b1c2d3e4f',
        clientId: '5r2pe6ngl8mq2e8kfl0example',
        userAgent: expect.stringMatching(/Chrome\/141/),
        sessionId: undefined,
      },
      1: {
        action: 'POST /prod/orders/5521/refund',
        status: 202,
        userAgent: 'python-httpx/0.28.1',
        user: 'alice@example.com',
        tokenId: '0b7e1f4c-2d3a-4b5c-8d9e-af0b1c2d3e4f',
      },
      2: { user: 'AIDACKCEVSQ6C2EXAMPLE', tokenId: undefined, clientId: undefined, userAgent: 'aws-sdk-js/3.700.0' },
      3: {
        time: utc('2026-03-03T09:06:30Z'),
        action: 'DELETE /prod/orders/5521',
        status: 403,
        outcome: 'failure',
        user: undefined,
        tokenId: 'a1b2c3d4e5',
      },
    },
  },
  // routeKey, nested and flat dotted authorizer claims, the identity provider's session id.
  'api-gateway/http-api-jwt/access.ndjson': {
    format: 'api-gateway',
    alsoClaimedBy: ALSO,
    events: 3,
    skipped: 0,
    secrets: QUERY_SECRETS,
    at: {
      0: {
        action: 'GET /items/42',
        user: 'bob@example.com',
        sessionId: 'idp-session-7Qm2',
        tokenId: 'AT.rY3kq9',
        clientId: '0oa1portal',
        ip: '198.51.100.77',
      },
      1: {
        action: 'POST /items',
        status: 201,
        user: 'bob@example.com',
        sessionId: 'idp-session-7Qm2',
        tokenId: 'AT.zP8wn2',
        clientId: '0oa9agent',
        userAgent: 'mcp-remote/0.1.18',
      },
      2: { action: 'GET /static/app.js', status: 304, user: undefined, sessionId: undefined, time: utc('2026-03-03T10:00:12Z') },
    },
  },
  // Damaged records are skipped with their line and reason.
  'api-gateway/malformed/broken.ndjson': {
    format: 'api-gateway',
    alsoClaimedBy: ALSO,
    table: {
      columns: ['line', 'action', 'status'],
      rows: [
        [1, 'GET /pets', 200],
        [7, 'PUT /pets/{petId}', 500],
      ],
    },
    skips: {
      2: 'no readable time (requestTime: "yesterday")',
      3: 'not an API Gateway request (httpMethod: "-")',
      4: /^invalid JSON: /,
      5: 'not an API Gateway request (no path, resourcePath or routeKey)',
      6: 'record is not a JSON object (string)',
    },
  },

  // An authorizer's act claim, flattened to JSON text (scanned with okta/web-sign-ins).
  'api-gateway/authorizer-act/done-right.ndjson': {
    format: 'api-gateway',
    alsoClaimedBy: ['access-log'],
    skipped: 0,
    every: { sessionId: '102erinGateway000000001', user: 'erin@example.com' },
    at: {
      1: {
        agent: {
          kind: 'delegated',
          agent: 'order-bot',
          onBehalfOf: 'erin@example.com',
          proof: 'authorizer.claims.act.sub = order-bot; authorizer.claims.act.sub_profile = ai_agent',
        },
      },
    },
  },
  'api-gateway/authorizer-act/borrowed.ndjson': {
    format: 'api-gateway',
    alsoClaimedBy: ['access-log'],
    skipped: 0,
    every: { agent: undefined, sessionId: '102frankGateway00000001' },
  },
};
