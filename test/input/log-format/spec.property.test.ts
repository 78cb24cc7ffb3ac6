import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSkip } from '../../../src/input/format.js';
import { compileLogFormat } from '../../../src/input/log-format/index.js';
import { CTX } from '../map-helpers.js';

const SPEC =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" ' +
  '"$cookie_session" "$http_authorization" rid=$request_id sa="$http_signature_agent"';
const FORMAT = compileLogFormat(SPEC);

describe('compileLogFormat on arbitrary specs', () => {
  it('returns a format or throws an Error saying the spec is invalid; the format never throws on a line', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '$remote_addr',
        '$time_local',
        '$request',
        '$status',
        '${http_user_agent}',
        '$cookie_sid',
        '$msec',
        '$',
        '${',
        '"',
        "'",
        ' ',
        '[',
        ']',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        fc.string(),
        (spec, line) => {
          let format: ReturnType<typeof compileLogFormat>;
          try {
            format = compileLogFormat(spec);
          } catch (err) {
            expect(err).toBeInstanceOf(Error);
            expect((err as Error).message).toMatch(/^invalid --log-format: /);
            return;
          }
          const r = format.map(line, CTX);
          if (!isSkip(r)) expect(r.path).not.toMatch(/[?#]/);
          expect(() => format.detect({ container: 'text', records: [line, spec] })).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('a compiled format on lines with credentials', () => {
  it('never puts the Authorization value or the session cookie into the event', () => {
    const credential = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{12,60}$/);
    fc.assert(
      fc.property(credential, credential, fc.constantFrom('Bearer ', 'Basic ', 'token ', ''), (token, cookie, scheme) => {
        const line =
          `192.0.2.1 - - [10/Jun/2023:15:36:28 +0000] "GET /a?k=${token} HTTP/1.1" 200 1 "-" "agent/1.0" ` +
          `"${cookie}" "${scheme}${token}" rid=abc sa="-"`;
        const r = FORMAT.map(line, CTX);
        if (isSkip(r)) throw new Error(r.skip);
        const shown = JSON.stringify(r);
        expect(shown).not.toContain(token);
        expect(shown).not.toContain(cookie);
        expect(r.tokenId).toMatch(/^sha256:[0-9a-f]{16}$/);
        expect(r.sessionId).toMatch(/^sha256:[0-9a-f]{16}$/);
      }),
      { numRuns: 500 },
    );
  });
});
