import { describe, expect, it } from 'vitest';
import { classifyClient } from '../../../src/clients/classify.js';
import { cloudtrail } from '../../../src/input/cloudtrail/index.js';
import { CTX, expectEvent } from '../map-helpers.js';

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const BOTO = 'Boto3/1.34.108 md/Botocore#1.34.108 ua/2.0 os/linux#5.10 Botocore/1.34.108';

const alice = {
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLE',
  arn: 'arn:aws:iam::111122223333:user/dev/alice',
  accountId: '111122223333',
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  userName: 'alice',
};

const base = {
  eventVersion: '1.09',
  userIdentity: alice,
  eventTime: '2026-11-02T09:00:09Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  awsRegion: 'eu-west-1',
  sourceIPAddress: '198.51.100.7',
  userAgent: BOTO,
  eventType: 'AwsApiCall',
};

describe('cloudtrail map: users', () => {
  it.each([
    ['IAMUser with userName', alice, 'alice'],
    ['IAMUser without userName', { ...alice, userName: undefined }, 'alice'],
    [
      'AssumedRole',
      {
        type: 'AssumedRole',
        principalId: 'AROAEXAMPLE:alice@example.com',
        arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice@example.com',
        sessionContext: { sessionIssuer: { type: 'Role', userName: 'Admin' } },
      },
      'Admin/alice@example.com',
    ],
    ['AssumedRole, ARN only', { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Admin/i-0abc' }, 'Admin/i-0abc'],
    ['Root', { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root' }, 'root'],
    ['FederatedUser', { type: 'FederatedUser', arn: 'arn:aws:sts::111122223333:federated-user/bob' }, 'bob'],
    ['AWSService', { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' }, undefined],
    [
      'placeholders of a published sample',
      { type: 'IAMUser', userName: '<userName>', arn: 'arn:aws:iam::<accountId>:user/<username>' },
      undefined,
    ],
  ])('%s', (_, userIdentity, user) => {
    expect(expectEvent(cloudtrail.map({ ...base, userIdentity }, CTX)).user).toBe(user);
  });
});

describe('cloudtrail map: kinds and sessions', () => {
  it('maps an API call to a request on the access key, with eventSource:eventName as action', () => {
    expect(expectEvent(cloudtrail.map(base, CTX))).toEqual({
      time: Date.parse('2026-11-02T09:00:09Z'),
      source: CTX,
      format: 'cloudtrail',
      kind: 'request',
      action: 's3.amazonaws.com:GetObject',
      outcome: 'success',
      user: 'alice',
      sessionId: 'ASIAEXAMPLEKEY000001',
      rootSessionId: undefined,
      grantType: undefined,
      ip: '198.51.100.7',
      userAgent: BOTO,
      clientHint: undefined,
      interactive: undefined,
    });
  });

  it('fails a call with an errorCode and ignores an empty or placeholder access key', () => {
    expect(expectEvent(cloudtrail.map({ ...base, errorCode: 'AccessDenied' }, CTX)).outcome).toBe('failure');
    expect(expectEvent(cloudtrail.map({ ...base, userIdentity: { ...alice, accessKeyId: '' } }, CTX)).sessionId).toBeUndefined();
    expect(
      expectEvent(cloudtrail.map({ ...base, userIdentity: { ...alice, accessKeyId: '<accessKeyId>' } }, CTX)).sessionId,
    ).toBeUndefined();
  });

  it('reads ConsoleLogin as an interactive sign-in, its outcome from responseElements', () => {
    const login = {
      ...base,
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      eventType: 'AwsConsoleSignIn',
      userAgent: CHROME,
    };
    const ok = expectEvent(cloudtrail.map({ ...login, responseElements: { ConsoleLogin: 'Success' } }, CTX));
    expect(ok).toMatchObject({ kind: 'signin', interactive: true, outcome: 'success', action: 'signin.amazonaws.com:ConsoleLogin' });
    const failed = expectEvent(
      cloudtrail.map({ ...login, errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } }, CTX),
    );
    expect(failed.outcome).toBe('failure');
  });

  it('reads other console sign-in steps (CheckMfa) and service events as other', () => {
    const mfa = { ...base, eventSource: 'signin.amazonaws.com', eventName: 'CheckMfa', eventType: 'AwsConsoleSignIn', userAgent: CHROME };
    expect(expectEvent(cloudtrail.map(mfa, CTX)).kind).toBe('other');
    expect(expectEvent(cloudtrail.map({ ...base, eventType: 'AwsServiceEvent' }, CTX)).kind).toBe('other');
  });

  it('takes records without an eventType (before eventVersion 1.02) as API calls', () => {
    expect(expectEvent(cloudtrail.map({ ...base, eventType: undefined }, CTX)).kind).toBe('request');
  });

  it.each(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken'])(
    '%s is a token event on the new key, derived from the caller key',
    (eventName) => {
      const e = expectEvent(
        cloudtrail.map(
          {
            ...base,
            eventSource: 'sts.amazonaws.com',
            eventName,
            responseElements: { credentials: { accessKeyId: 'ASIANEWKEY0000000001' } },
          },
          CTX,
        ),
      );
      expect(e).toMatchObject({
        kind: 'token',
        sessionId: 'ASIANEWKEY0000000001',
        rootSessionId: 'ASIAEXAMPLEKEY000001',
        grantType: eventName,
        user: 'alice',
      });
    },
  );

  it('keeps a failed AssumeRole (no new key) on the caller key', () => {
    const e = expectEvent(
      cloudtrail.map({ ...base, eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', errorCode: 'AccessDenied' }, CTX),
    );
    expect(e).toMatchObject({ kind: 'token', outcome: 'failure', sessionId: 'ASIAEXAMPLEKEY000001', grantType: 'AssumeRole' });
    expect(e.rootSessionId).toBeUndefined();
  });

  it('does not take UpdateAssumeRolePolicy for a credential hand-off', () => {
    expect(expectEvent(cloudtrail.map({ ...base, eventSource: 'iam.amazonaws.com', eventName: 'UpdateAssumeRolePolicy' }, CTX)).kind).toBe(
      'request',
    );
  });
});

describe('cloudtrail map: console sessions', () => {
  const consoleCall = { ...base, sessionCredentialFromConsole: 'true', userAgent: CHROME };

  it('reads a browser call with console credentials as the interactive start of the console session', () => {
    expect(expectEvent(cloudtrail.map(consoleCall, CTX))).toMatchObject({
      kind: 'signin',
      interactive: true,
      outcome: 'success',
      action: 's3.amazonaws.com:GetObject (console session)',
      sessionId: 'ASIAEXAMPLEKEY000001',
      userAgent: CHROME,
    });
  });

  it('reads the same key used by an SDK, by AWS itself or without the flag as requests', () => {
    expect(expectEvent(cloudtrail.map({ ...consoleCall, userAgent: BOTO }, CTX)).kind).toBe('request');
    expect(expectEvent(cloudtrail.map({ ...consoleCall, userAgent: 'AWS Internal' }, CTX)).kind).toBe('request');
    expect(
      expectEvent(cloudtrail.map({ ...consoleCall, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0.0.0' }, CTX)).kind,
    ).toBe('request');
    expect(expectEvent(cloudtrail.map({ ...consoleCall, sessionCredentialFromConsole: undefined }, CTX)).kind).toBe('request');
  });
});

describe('cloudtrail map: clients and addresses', () => {
  it.each([
    ['AWS Internal', 'AWS Internal'],
    ['inspector2.amazonaws.com', 'inspector2.amazonaws.com'],
    ['[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.4.247 OpenJDK_64-Bit_Server_VM/25.372-b08]', 'S3Console'],
    ['RDS Console, aws-internal/3 aws-sdk-java/1.11.975 Linux/5.10', 'RDS Console'],
  ])('%s is AWS calling for itself: an app hint, not a user agent, never automation', (userAgent, app) => {
    const e = expectEvent(cloudtrail.map({ ...base, userAgent }, CTX));
    expect(e.userAgent).toBeUndefined();
    expect(e.clientHint).toEqual({ app });
    expect(classifyClient(e.userAgent, e.clientHint).class).toBe('unknown');
  });

  it('removes the brackets S3 data events put around the user agent', () => {
    expect(expectEvent(cloudtrail.map({ ...base, userAgent: `[${BOTO}]` }, CTX)).userAgent).toBe(BOTO);
  });

  it('uses invokedBy as the app hint of a service call without user agent', () => {
    const e = expectEvent(
      cloudtrail.map({ ...base, userAgent: undefined, userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' } }, CTX),
    );
    expect(e.clientHint).toEqual({ app: 'ec2.amazonaws.com' });
  });

  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['2001:db8::17', '2001:db8::17'],
    ['AWS Internal', undefined],
    ['secretsmanager.amazonaws.com', undefined],
    ['30.*.0.210', undefined],
  ])('sourceIPAddress %s gives ip %s', (sourceIPAddress, ip) => {
    expect(expectEvent(cloudtrail.map({ ...base, sourceIPAddress }, CTX)).ip).toBe(ip);
  });
});

describe('cloudtrail map: skips', () => {
  it('skips what it cannot read, with a reason', () => {
    expect(cloudtrail.map([base], CTX)).toEqual({ skip: 'record is not a JSON object (array)' });
    expect(cloudtrail.map({ ...base, eventTime: undefined }, CTX)).toEqual({ skip: 'no readable time (eventTime missing)' });
    expect(cloudtrail.map({ ...base, eventTime: 'soon' }, CTX)).toEqual({ skip: 'no readable time (eventTime: "soon")' });
    expect(cloudtrail.map({ ...base, eventName: '' }, CTX)).toEqual({ skip: 'not a CloudTrail event (no eventName)' });
    expect(cloudtrail.map({ ...base, eventSource: null }, CTX)).toEqual({ skip: 'not a CloudTrail event (no eventSource)' });
    expect(cloudtrail.map({ eventTime: '2026-11-02T09:00:00Z', eventType: 'AwsCloudTrailInsight', insightDetails: {} }, CTX)).toEqual({
      skip: 'CloudTrail Insights event (AwsCloudTrailInsight): a summary of call rates, not a call',
    });
  });
});

describe('cloudtrail detect', () => {
  const probe = (records: unknown[]) => ({ container: 'json' as const, records });

  it('claims CloudTrail records', () => {
    expect(cloudtrail.detect(probe([base]))).toBe(true);
    expect(cloudtrail.detect(probe([{ eventSource: 'x', eventName: 'y', eventTime: 'z', awsRegion: 'us-east-1' }]))).toBe(true);
  });

  it('leaves other JSON alone', () => {
    expect(cloudtrail.detect(probe([]))).toBe(false);
    expect(cloudtrail.detect(probe([{ eventType: 'user.session.start', published: '2026-01-01T00:00:00Z', actor: {} }]))).toBe(false);
    expect(cloudtrail.detect(probe([{ class_uid: 6003, metadata: { version: '1.0.0' }, time: 1 }]))).toBe(false);
    expect(cloudtrail.detect(probe([{ eventSource: 's3', eventName: 'GetObject', eventTime: 'now' }]))).toBe(false);
    expect(cloudtrail.detect({ container: 'csv', records: [base] })).toBe(false);
  });
});
