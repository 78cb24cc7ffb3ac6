import { describe, expect, it } from 'vitest';
import { compileLogFormat } from '../../../src/input/log-format/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const SPEC =
  '$remote_addr [$time_local] "$request" $status "$http_user_agent" sa="$http_signature_agent" si="$http_signature_input" ' +
  'p="$http_sec_ch_ua_platform" sl="$http_x_stainless_lang" sv="$http_x_stainless_package_version" m="$http_mcp_method" ' +
  'n="$http_mcp_name" v="$http_mcp_protocol_version" s="$http_mcp_session_id"';

describe('--log-format client headers', () => {
  const format = compileLogFormat(SPEC);

  it('reads every client header variable, with nginx escapes undone and Structured Field quotes removed', () => {
    const line =
      '203.0.113.7 [03/Mar/2026:09:04:10 +0000] "POST /mcp HTTP/1.1" 200 "node" sa="\\x22https://chatgpt.com\\x22" ' +
      'si="sig1=(\\x22@authority\\x22);created=1735689600;tag=\\x22web-bot-auth\\x22" p="\\x22Linux\\x22" sl="js" sv="5.1.0" ' +
      'm="tools/call" n="search_tickets" v="2026-07-28" s="-"';
    expect(expectEvent(format.map(line, CTX)).headers).toEqual({
      signatureAgent: 'https://chatgpt.com',
      webBotAuth: true,
      platformHint: 'Linux',
      stainlessLang: 'js',
      stainlessVersion: '5.1.0',
      mcpMethod: 'tools/call',
      mcpName: 'search_tickets',
      mcpProtocolVersion: '2026-07-28',
    });
  });

  it('keeps $http_mcp_session_id the session where no session cookie is logged, and the header too', () => {
    const line =
      '203.0.113.7 [03/Mar/2026:09:04:10 +0000] "POST /mcp HTTP/1.1" 200 "node" sa="-" si="-" p="-" sl="-" sv="-" m="-" n="-" v="-" s="mcp-1"';
    const e = expectEvent(format.map(line, CTX));
    expect(e.sessionId).toBe('mcp-1');
    expect(e.headers).toEqual({ mcpSessionId: 'mcp-1' });
  });

  it('adds no headers where every header variable is "-"', () => {
    const line =
      '203.0.113.7 [03/Mar/2026:09:04:10 +0000] "GET / HTTP/1.1" 200 "curl/8" sa="-" si="-" p="-" sl="-" sv="-" m="-" n="-" v="-" s="-"';
    expect(expectEvent(format.map(line, CTX))).not.toHaveProperty('headers');
  });
});
