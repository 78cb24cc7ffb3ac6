import { describe, expect, it } from 'vitest';
import { cloudtrail } from '../../../src/input/cloudtrail/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const base = {
  eventVersion: '1.11',
  eventTime: '2026-11-02T10:00:00Z',
  eventSource: 'bedrock-agentcore.amazonaws.com',
  eventType: 'AwsApiCall',
  awsRegion: 'us-east-1',
  sourceIPAddress: '203.0.113.60',
  userAgent: 'Boto3/1.40.1 md/Botocore#1.40.1 ua/2.1 os/linux#6.1 lang/python#3.12.3',
  userIdentity: {
    type: 'AssumedRole',
    principalId: 'AROAEXAMPLE:agent-runtime',
    accessKeyId: 'ASIAEXAMPLEAGENT0001',
    sessionContext: { sessionIssuer: { userName: 'AgentRuntimeRole' } },
  },
};
const map = (over: Record<string, unknown>) => expectEvent(cloudtrail.map({ ...base, ...over }, CTX));

describe('cloudtrail Bedrock AgentCore', () => {
  it('takes a workload access token for the agent itself as its own, a token event on the caller key', () => {
    const e = map({ eventName: 'GetWorkloadAccessToken', requestParameters: { workloadName: 'report-agent' } });
    expect(e).toMatchObject({ kind: 'token', grantType: 'GetWorkloadAccessToken', sessionId: 'ASIAEXAMPLEAGENT0001' });
    expect(e.agent).toEqual({
      kind: 'own',
      agent: 'report-agent',
      proof: 'eventName = GetWorkloadAccessToken; requestParameters.workloadName = report-agent',
    });
  });

  it('takes a workload access token for a user as a delegation to that user', () => {
    expect(
      map({ eventName: 'GetWorkloadAccessTokenForUserId', requestParameters: { workloadName: 'report-agent', userId: 'alice' } }).agent,
    ).toMatchObject({
      kind: 'delegated',
      agent: 'report-agent',
      onBehalfOf: 'alice',
    });
    expect(
      map({
        eventName: 'GetWorkloadAccessTokenForJWT',
        requestParameters: { workloadName: 'report-agent', userToken: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      }).agent,
    ).toEqual({
      kind: 'delegated',
      agent: 'report-agent',
      proof: 'eventName = GetWorkloadAccessTokenForJWT; requestParameters.workloadName = report-agent',
    });
  });

  it("reads a Gateway MCP call's method and tool as the MCP headers, unless the body is redacted", () => {
    const call = {
      eventName: 'InvokeMcp',
      requestParameters: { body: { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'search_tickets', arguments: {} } } },
    };
    expect(map(call)).toMatchObject({ kind: 'request', headers: { mcpMethod: 'tools/call', mcpName: 'search_tickets' } });
    expect(
      map({ eventName: 'InvokeGateway', requestParameters: { body: { method: 'resources/read', params: { uri: 'file:///docs/a.md' } } } })
        .headers,
    ).toEqual({
      mcpMethod: 'resources/read',
      mcpName: 'file:///docs/a.md',
    });
    expect(map({ eventName: 'InvokeMcp', requestParameters: { body: 'REDACTED' } })).not.toHaveProperty('headers');
  });

  it('leaves other services alone', () => {
    const e = map({ eventSource: 's3.amazonaws.com', eventName: 'GetWorkloadAccessToken', requestParameters: { workloadName: 'x' } });
    expect(e.kind).toBe('request');
    expect(e).not.toHaveProperty('agent');
  });
});
