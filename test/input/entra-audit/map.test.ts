import { describe, expect, it } from 'vitest';
import { entraAudit } from '../../../src/input/entra-audit/index.js';
import { entraSignin } from '../../../src/input/entra-signin/index.js';
import { CTX, expectEvent, expectSkip } from '../map-helpers.js';

const properties = {
  activityDateTime: '2026-11-02T10:04:12.304+00:00',
  activityDisplayName: 'Update user',
  result: 'success',
  initiatedBy: { user: { userPrincipalName: 'grace@example.com', ipAddress: '198.51.100.88' } },
  targetResources: [{ type: 'User', displayName: 'Ines' }],
  additionalDetails: [],
};
const diagnostic = (props: object, envelope: object = {}) => ({
  time: '2026-11-02T10:04:12.3040000Z',
  category: 'AuditLogs',
  operationName: 'Update user (envelope)',
  callerIpAddress: '192.0.2.10',
  properties: { ...properties, ...props },
  ...envelope,
});
const map = (record: unknown) => entraAudit.map(record, CTX);

describe('entra-audit map', () => {
  it("reads a person's change as an other event: action, time, actor, address", () => {
    expect(expectEvent(map(diagnostic({})))).toEqual({
      time: Date.parse('2026-11-02T10:04:12.304Z'),
      source: CTX,
      format: 'entra-audit',
      kind: 'other',
      action: 'Update user',
      outcome: 'success',
      user: 'grace@example.com',
      clientId: undefined,
      ip: '198.51.100.88',
      userAgent: undefined,
      app: undefined,
    });
  });

  it('names an application actor by its service principal, its app id as the client', () => {
    const app = { app: { appId: 'app-1', displayName: 'pipeline', servicePrincipalId: 'sp-1', servicePrincipalName: null } };
    expect(expectEvent(map(diagnostic({ initiatedBy: app })))).toMatchObject({ user: 'sp-1', clientId: 'app-1', ip: '192.0.2.10' });
    expect(expectEvent(map(diagnostic({ initiatedBy: { app: { ...app.app, servicePrincipalName: 'pipeline-spn' } } }))).user).toBe(
      'pipeline-spn',
    );
    expect(expectEvent(map(diagnostic({ initiatedBy: { app: { displayName: 'pipeline' } } }))).user).toBe('pipeline');
  });

  it('takes the address from the actor, else the envelope, else the ipaddr claim; 0.0.0.0 is none', () => {
    const noActorIp = { initiatedBy: { user: { userPrincipalName: 'a@example.com', ipAddress: '0.0.0.0' } } };
    expect(expectEvent(map(diagnostic(noActorIp))).ip).toBe('192.0.2.10');
    const claim = { ...noActorIp, additionalDetails: [{ key: 'ipaddr', value: '203.0.113.9' }] };
    expect(expectEvent(map(diagnostic(claim, { callerIpAddress: null }))).ip).toBe('203.0.113.9');
    expect(expectEvent(map(diagnostic(noActorIp, { callerIpAddress: 'not-an-ip' }))).ip).toBeUndefined();
  });

  it('reads the user agent and app id from additionalDetails, and the changed application as the app', () => {
    const event = expectEvent(
      map(
        diagnostic({
          additionalDetails: [
            { key: 'User-Agent', value: 'python-requests/2.32.3' },
            { key: 'AppId', value: 'app-9' },
          ],
          targetResources: [
            { type: 'User', displayName: 'Ines' },
            { type: 'ServicePrincipal', displayName: 'Payroll Export' },
          ],
        }),
      ),
    );
    expect(event).toMatchObject({ userAgent: 'python-requests/2.32.3', clientId: 'app-9', app: 'Payroll Export' });
    expect(
      expectEvent(map(diagnostic({ userAgent: 'curl/8.7.1', additionalDetails: [{ key: 'User-Agent', value: 'x' }] }))).userAgent,
    ).toBe('curl/8.7.1');
  });

  it.each([
    ['success', 'success'],
    ['failure', 'failure'],
    ['Failed', 'failure'],
    ['timeout', 'unknown'],
    [null, 'unknown'],
  ])('result %j is outcome %s', (result, outcome) => {
    expect(expectEvent(map(diagnostic({ result }))).outcome).toBe(outcome);
  });

  it('falls back to the envelope: operationName for the action, time for the time; lowercased envelope keys too', () => {
    expect(expectEvent(map(diagnostic({ activityDisplayName: undefined }))).action).toBe('Update user (envelope)');
    expect(expectEvent(map(diagnostic({ activityDateTime: 'soon' }))).time).toBe(Date.parse('2026-11-02T10:04:12.304Z'));
    const lowered = {
      time: '2026-11-02 10:04:12.304',
      category: 'Policy',
      operationname: 'x',
      calleripaddress: '192.0.2.3',
      properties: { ...properties, initiatedBy: { user: {} } },
    };
    expect(expectEvent(map(lowered))).toMatchObject({ ip: '192.0.2.3', user: undefined, action: 'Update user' });
  });

  it('reads a Graph directoryAudit object, which has no envelope', () => {
    expect(expectEvent(map(properties))).toMatchObject({ action: 'Update user', user: 'grace@example.com', ip: '198.51.100.88' });
  });

  it('skips what is not an audit record, saying why', () => {
    expect(expectSkip(map(diagnostic({}, { category: 'SignInLogs' })))).toBe('a sign-in record (category SignInLogs), not an audit record');
    expect(expectSkip(map(diagnostic({}, { properties: { activityDateTime: 'x' } })))).toMatch(
      /^not an Entra audit record \(properties without/,
    );
    expect(expectSkip(map({ foo: 1 }))).toBe('not an Entra audit record (no properties, activityDateTime or initiatedBy; keys: foo)');
    expect(expectSkip(map(diagnostic({ activityDateTime: 'soon' }, { time: 'later' })))).toBe(
      'no readable time (activityDateTime: "soon", time: "later")',
    );
    expect(expectSkip(map(diagnostic({ activityDisplayName: undefined }, { operationName: undefined })))).toBe(
      'not an Entra audit record (no activityDisplayName or operationName)',
    );
    expect(expectSkip(map([]))).toBe('record is not a JSON object (array)');
  });
});

describe('entra-audit detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims audit records, diagnostic or Graph, whatever their envelope category', () => {
    expect(entraAudit.detect(probe([diagnostic({}), diagnostic({})]))).toBe(true);
    expect(entraAudit.detect(probe([diagnostic({}, { category: 'DirectoryManagement' })]))).toBe(true);
    expect(entraAudit.detect(probe([properties]))).toBe(true);
  });

  it('leaves sign-ins and other JSON alone', () => {
    const signIn = { time: 'x', category: 'SignInLogs', properties: { createdDateTime: 'x', userPrincipalName: 'a' } };
    expect(entraAudit.detect(probe([signIn, signIn]))).toBe(false);
    expect(entraAudit.detect(probe([{ eventType: 'user.session.start', published: 'x' }]))).toBe(false);
    expect(entraAudit.detect({ container: 'csv', records: [diagnostic({})] })).toBe(false);
  });

  it('shares a mixed batch with entra-signin, which is declared preferred over it', () => {
    const signIn = { time: 'x', category: 'SignInLogs', properties: { createdDateTime: 'x', userPrincipalName: 'a' } };
    const batch = probe([signIn, diagnostic({})]);
    expect([entraSignin.detect(batch), entraAudit.detect(batch)]).toEqual([true, true]);
    expect(entraSignin.detection.preferredOver?.['entra-audit']).toMatch(/sign-ins/);
  });
});
