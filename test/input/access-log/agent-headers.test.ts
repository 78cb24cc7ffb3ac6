import { describe, expect, it } from 'vitest';
import { accessLog, accessLogCsv } from '../../../src/input/access-log/index.js';
import { MAX_HEADER_VALUE } from '../../../src/input/common/bounded.js';
import { CTX, expectEvent } from '../map-helpers.js';

const T = '2026-11-02T09:00:00.000Z';
const base = { timestamp: T, method: 'POST', path: '/mcp', status: 200 };
const map = (record: Record<string, unknown>) => expectEvent(accessLog.map({ ...base, ...record }, CTX));

describe('client headers in JSON access logs', () => {
  it('reads OpenTelemetry http.request.header.<name> arrays, flat or nested', () => {
    const flat = map({
      'http.request.header.mcp-method': ['tools/call'],
      'http.request.header.mcp-name': ['search_tickets'],
      'http.request.header.mcp-protocol-version': ['2026-07-28'],
    });
    expect(flat.headers).toEqual({ mcpMethod: 'tools/call', mcpName: 'search_tickets', mcpProtocolVersion: '2026-07-28' });
    const nested = map({ http: { request: { header: { 'mcp-name': ['search_tickets'] }, method: 'POST' } } });
    expect(nested.headers).toEqual({ mcpName: 'search_tickets' });
  });

  it('reads OpenTelemetry log records, whose headers sit under attributes', () => {
    const e = map({
      attributes: { 'http.request.header.x-stainless-lang': ['js'], 'http.request.header.x-stainless-package-version': ['5.1.0'] },
    });
    expect(e.headers).toEqual({ stainlessLang: 'js', stainlessVersion: '5.1.0' });
  });

  it('reads ECS-style http.request.headers.<name>, headers.<name> and request_headers.<name>, in any case', () => {
    expect(map({ 'http.request.headers.Signature-Agent': '"https://chatgpt.com"' }).headers).toEqual({
      signatureAgent: 'https://chatgpt.com',
    });
    expect(map({ headers: { 'Sec-CH-UA-Platform': '"Linux"' } }).headers).toEqual({ platformHint: 'Linux' });
    expect(map({ request_headers: { 'MCP-Session-Id': 'sess-1' } }).headers).toEqual({ mcpSessionId: 'sess-1' });
    expect(map({ 'headers.mcp-name': 'fetch_page' }).headers).toEqual({ mcpName: 'fetch_page' });
  });

  it("reads the flat names the README's nginx JSON log_format writes", () => {
    const e = map({
      signature_agent: '"https://chatgpt.com"',
      signature_input: 'sig1=("@authority" "signature-agent");created=1735689600;keyid="poqkLGiym";tag="web-bot-auth"',
      sec_ch_ua_platform: '"macOS"',
      mcp_session_id: 'mcp-sess-1',
      mcp_method: 'tools/call',
      mcp_name: 'search_tickets',
      mcp_protocol_version: '2026-07-28',
      x_stainless_lang: '-',
    });
    expect(e.headers).toEqual({
      signatureAgent: 'https://chatgpt.com',
      webBotAuth: true,
      platformHint: 'macOS',
      mcpSessionId: 'mcp-sess-1',
      mcpMethod: 'tools/call',
      mcpName: 'search_tickets',
      mcpProtocolVersion: '2026-07-28',
    });
    // The MCP session is not the person's session: it stays a header.
    expect(e.sessionId).toBeUndefined();
  });

  it('sets webBotAuth only for a signature tagged web-bot-auth, and never keeps the Signature-Input', () => {
    const e = map({ signature_agent: '"https://agent.example"', signature_input: 'sig1=("@method");created=1;tag="other"' });
    expect(e.headers).toEqual({ signatureAgent: 'https://agent.example' });
    expect(JSON.stringify(e)).not.toContain('created=');
  });

  it('caps every header value, whatever the client sent', () => {
    const e = map({ mcp_name: 'x'.repeat(100_000), 'http.request.header.signature-agent': [`"https://${'a'.repeat(10_000)}"`] });
    expect(e.headers!.mcpName).toHaveLength(MAX_HEADER_VALUE);
    expect(e.headers!.signatureAgent!.length).toBeLessThanOrEqual(MAX_HEADER_VALUE);
  });

  it('adds no headers field to a log that keeps none', () => {
    expect(map({})).not.toHaveProperty('headers');
  });

  it('reads the same columns in CSV', () => {
    const e = expectEvent(accessLogCsv.map({ ...base, mcp_method: 'tools/call', mcp_name: 'search_tickets' }, CTX));
    expect(e.headers).toEqual({ mcpMethod: 'tools/call', mcpName: 'search_tickets' });
  });
});

describe('token claims in JSON access logs', () => {
  it('takes an RFC 8693 act claim for the agent acting for the subject, delegated', () => {
    const e = map({
      claims: {
        sub: 'alice@example.com',
        azp: '0oa8agent',
        jti: 'AT.1',
        sid: 'idp-s1',
        act: { sub: 'wlp8report', sub_profile: 'ai_agent' },
      },
    });
    expect(e.agent).toEqual({
      kind: 'delegated',
      agent: 'wlp8report',
      onBehalfOf: 'alice@example.com',
      proof: 'claims.act.sub = wlp8report; claims.act.sub_profile = ai_agent',
    });
    expect(e).toMatchObject({ user: 'alice@example.com', clientId: '0oa8agent', tokenId: 'AT.1', sessionId: 'idp-s1' });
  });

  it('reads claims flat or nested under authorizer.claims, jwt and token, and act as JSON text', () => {
    expect(map({ 'jwt.sub': 'bob', 'jwt.act': '{"sub":"agent-7","act":{"sub":"svc-intake"}}' }).agent).toMatchObject({
      kind: 'delegated',
      agent: 'agent-7',
      proof: 'jwt.act.sub = agent-7; 2 actors in the act chain',
    });
    expect(map({ token: { sub: 'bob', act: { sub: 'agent-8' } } }).agent).toMatchObject({ kind: 'delegated', agent: 'agent-8' });
    expect(map({ 'authorizer.claims.act': { sub: 'agent-9' } }).agent).toMatchObject({
      agent: 'agent-9',
      proof: 'authorizer.claims.act.sub = agent-9',
    });
  });

  it('reads Entra Agent ID facets: an agent identity acting as itself is its own, acting for a person delegated', () => {
    const autonomous = map({ claims: { azp: 'agent-app', xms_act_fct: '3 9 11', xms_sub_fct: '9 3 11', xms_par_app_azp: 'blueprint-1' } });
    expect(autonomous.agent).toEqual({
      kind: 'own',
      agent: 'agent-app',
      proof: 'claims.xms_act_fct = 3 9 11; claims.xms_sub_fct = 9 3 11',
    });
    const forPerson = map({ claims: { azp: 'agent-app', upn: 'alice@example.com', idtyp: 'user', xms_act_fct: '11' } });
    expect(forPerson.agent).toMatchObject({ kind: 'delegated', agent: 'agent-app', onBehalfOf: 'alice@example.com' });
    expect(map({ claims: { azp: 'agent-app', xms_sub_fct: '13' } }).agent).toMatchObject({ kind: 'own' });
    expect(map({ claims: { azp: 'agent-app', xms_par_app_azp: 'blueprint-1' } }).agent).toMatchObject({
      kind: 'own',
      proof: 'claims.xms_par_app_azp = blueprint-1',
    });
  });

  it('says nothing about an agent for ordinary claims, or facets that name none (3 and 9 are on every app token)', () => {
    expect(map({ claims: { sub: 'alice', azp: 'web-portal', jti: 'AT.2' } })).not.toHaveProperty('agent');
    expect(map({ claims: { azp: 'vm', xms_act_fct: '3 9', xms_sub_fct: '9 3' } })).not.toHaveProperty('agent');
    expect(map({ claims: { act: 'not json {' } })).not.toHaveProperty('agent');
  });

  it("keeps the log's own user, session, token and client ahead of the claims", () => {
    const e = map({
      user: 'ann',
      session_id: 's-own',
      jti: 'own-jti',
      client_id: 'own-client',
      claims: { sub: 'x', sid: 'y', jti: 'z', azp: 'w' },
    });
    expect(e).toMatchObject({ user: 'ann', sessionId: 's-own', tokenId: 'own-jti', clientId: 'own-client' });
  });

  it('caps what the claims carry', () => {
    const e = map({ claims: { sub: 'p', act: { sub: 'a'.repeat(50_000) } } });
    expect(e.agent!.agent!.length).toBeLessThanOrEqual(128);
    expect(e.agent!.proof.length).toBeLessThanOrEqual(240);
  });
});

describe('client headers in proxy logs', () => {
  it("reads Traefik's request_<Name> and Envoy JSON's header-named keys", async () => {
    const { traefik } = await import('../../../src/input/traefik/index.js');
    const { envoyJson } = await import('../../../src/input/envoy/index.js');
    const t = expectEvent(
      traefik.map(
        {
          StartUTC: T,
          RequestMethod: 'POST',
          RequestPath: '/mcp',
          DownstreamStatus: 200,
          ClientHost: '192.0.2.1',
          'request_Mcp-Name': 'search_tickets',
        },
        CTX,
      ),
    );
    expect(t.headers).toEqual({ mcpName: 'search_tickets' });
    const e = expectEvent(
      envoyJson.map(
        {
          start_time: T,
          method: 'POST',
          path: '/mcp',
          response_code: 200,
          'mcp-method': 'tools/call',
          'signature-agent': '"https://a.example"',
        },
        CTX,
      ),
    );
    expect(e.headers).toEqual({ mcpMethod: 'tools/call', signatureAgent: 'https://a.example' });
  });
});
