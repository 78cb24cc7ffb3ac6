import { describe, expect, it } from 'vitest';
import { fixture, leakedSecrets, nonBlankLines, readDetected, skipsByLine, utc } from '../combined-log/helpers.js';

describe('api-gateway fixtures, read with the registry (format detected, not forced)', () => {
  it('rest-cognito: concrete path, epoch time, Cognito claims, IAM caller, API key', async () => {
    const { report, events } = await readDetected(fixture('api-gateway/rest-cognito/access.ndjson'));
    expect(report).toMatchObject({ format: 'api-gateway', events: 4, skipped: 0, errors: [] });
    expect(events[0]).toMatchObject({
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
    });
    expect(events[0]!.userAgent).toMatch(/Chrome\/141/);
    expect(events[0]!.sessionId).toBeUndefined();
    expect(events[1]).toMatchObject({
      action: 'POST /prod/orders/5521/refund',
      status: 202,
      userAgent: 'python-httpx/0.28.1',
      user: 'alice@example.com',
      tokenId: events[0]!.tokenId,
    });
    expect(events[2]).toMatchObject({ user: 'AIDACKCEVSQ6C2EXAMPLE', tokenId: undefined, clientId: undefined, userAgent: 'aws-sdk-js/3.700.0' });
    expect(events[3]).toMatchObject({
      time: utc('2026-03-03T09:06:30Z'),
      action: 'DELETE /prod/orders/5521',
      status: 403,
      outcome: 'failure',
      user: undefined,
      tokenId: 'a1b2c3d4e5',
    });
  });

  it('http-api-jwt: routeKey, nested and flat dotted authorizer claims, IdP session id', async () => {
    const { report, events } = await readDetected(fixture('api-gateway/http-api-jwt/access.ndjson'));
    expect(report).toMatchObject({ format: 'api-gateway', events: 3, skipped: 0 });
    expect(events[0]).toMatchObject({
      action: 'GET /items/42',
      user: 'bob@example.com',
      sessionId: 'idp-session-7Qm2',
      tokenId: 'AT.rY3kq9',
      clientId: '0oa1portal',
      ip: '198.51.100.77',
    });
    expect(events[1]).toMatchObject({
      action: 'POST /items',
      status: 201,
      user: 'bob@example.com',
      sessionId: 'idp-session-7Qm2',
      tokenId: 'AT.zP8wn2',
      clientId: '0oa9agent',
      userAgent: 'mcp-remote/0.1.18',
    });
    expect(events[2]).toMatchObject({ action: 'GET /static/app.js', status: 304, user: undefined, sessionId: undefined, time: utc('2026-03-03T10:00:12Z') });
    expect(leakedSecrets(events)).toEqual([]);
  });

  it('malformed: damaged records are skipped with their line and reason', async () => {
    const file = fixture('api-gateway/malformed/broken.ndjson');
    const { report, events } = await readDetected(file);
    expect(report.format).toBe('api-gateway');
    expect(events.map((e) => [e.source.line, e.action, e.status])).toEqual([
      [1, 'GET /pets', 200],
      [7, 'PUT /pets/{petId}', 500],
    ]);
    const skips = skipsByLine(report);
    expect(skips[4]).toMatch(/^invalid JSON: /);
    expect({ ...skips, 4: 'invalid JSON' }).toEqual({
      2: 'no readable time (requestTime: "yesterday")',
      3: 'not an API Gateway request (httpMethod: "-")',
      4: 'invalid JSON',
      5: 'not an API Gateway request (no path, resourcePath or routeKey)',
      6: 'record is not a JSON object (string)',
    });
    expect(events.length + report.skipped).toBe(nonBlankLines(file));
  });
});
