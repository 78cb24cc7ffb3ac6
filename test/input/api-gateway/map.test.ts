import { describe, expect, it } from 'vitest';
import { apiGateway } from '../../../src/input/api-gateway/index.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const BASE = {
  requestId: 'r-1',
  ip: '192.0.2.1',
  caller: '-',
  user: '-',
  requestTime: '10/Jun/2023:15:36:28 +0000',
  httpMethod: 'GET',
  resourcePath: '/pets/{petId}',
  status: '200',
};
const map = (r: unknown) => apiGateway.map(r, CTX);

describe('api-gateway map', () => {
  it('reads the documented template; `-` is no user', () => {
    expect(expectEvent(map(BASE))).toMatchObject({
      time: Date.parse('2023-06-10T15:36:28Z'),
      action: 'GET /pets/{petId}',
      status: 200,
      ip: '192.0.2.1',
      user: undefined,
      source: CTX,
    });
  });

  it('prefers requestTimeEpoch, path over resourcePath, and drops the query', () => {
    const e = expectEvent(map({ ...BASE, requestTimeEpoch: 1686411388123, path: '/prod/pets/7?x=secret' }));
    expect(e).toMatchObject({ time: 1686411388123, path: '/prod/pets/7' });
  });

  it('takes the IAM user before authorizer claims, and claims in every placement', () => {
    expect(expectEvent(map({ ...BASE, user: 'AIDAEXAMPLE', email: 'a@example.com' })).user).toBe('AIDAEXAMPLE');
    expect(expectEvent(map({ ...BASE, 'authorizer.claims.email': 'a@example.com' })).user).toBe('a@example.com');
    expect(expectEvent(map({ ...BASE, authorizer: { claims: { 'cognito:username': 'ann' } } })).user).toBe('ann');
    expect(
      expectEvent(map({ ...BASE, authorizer: { jwt: { claims: { email: 'j@example.com', sid: 's1', jti: 't1', azp: 'c1' } } } })),
    ).toMatchObject({
      user: 'j@example.com',
      sessionId: 's1',
      tokenId: 't1',
      clientId: 'c1',
    });
    expect(expectEvent(map({ ...BASE, principalId: 'user|42' })).user).toBe('user|42');
    expect(expectEvent(map({ ...BASE, 'authorizer.principalId': 'user|43' })).user).toBe('user|43');
  });

  it('reads HTTP API routeKey when there is no httpMethod or path', () => {
    const { httpMethod: _m, resourcePath: _p, ...rest } = BASE;
    expect(expectEvent(map({ ...rest, routeKey: 'POST /items' }))).toMatchObject({ method: 'POST', path: '/items' });
    expect(expectSkip(map({ ...rest, routeKey: '$default' }))).toBe('not an API Gateway request (no httpMethod or routeKey)');
  });

  it('skips with reasons', () => {
    expect(expectSkip(map([BASE]))).toBe('record is not a JSON object (array)');
    expect(expectSkip(map({ ...BASE, requestTime: undefined }))).toBe('no readable time (requestTime missing)');
    expect(expectSkip(map({ ...BASE, requestTimeEpoch: 'x' }))).toBe('no readable time (requestTimeEpoch: "x")');
    expect(expectSkip(map({ ...BASE, httpMethod: 'G E T' }))).toBe('not an API Gateway request (httpMethod: "G E T")');
  });

  it('claims records with requestId, httpMethod and a request time', () => {
    expect(apiGateway.detect({ container: 'json', records: [BASE, BASE, {}] })).toBe(true);
    expect(apiGateway.detect({ container: 'json', records: [{ ...BASE, requestTime: undefined, requestTimeEpoch: 1 }] })).toBe(true);
    const { requestId: _r, ...noId } = BASE;
    expect(apiGateway.detect({ container: 'json', records: [noId] })).toBe(false);
    expect(apiGateway.detect({ container: 'text', records: [BASE] })).toBe(false);
  });
});
