import { describe, expect, it } from 'vitest';
import { okta } from '../../src/input/okta/index.js';
import { entraSignin } from '../../src/input/entra-signin/index.js';

const ctx = { file: 'f', line: 1 };

describe('application names for app: allow patterns', () => {
  it("takes an Okta event's AppInstance target name", () => {
    const event = okta.map(
      {
        published: '2026-11-02T09:00:00.000Z',
        eventType: 'user.authentication.sso',
        actor: { type: 'User', alternateId: 'a@example.com' },
        target: [
          { type: 'User', displayName: 'A' },
          { type: 'AppInstance', displayName: 'Salesforce.com' },
        ],
      },
      ctx,
    );
    expect(event).toMatchObject({ app: 'Salesforce.com' });
  });

  it("takes an Entra sign-in's appDisplayName", () => {
    const event = entraSignin.map(
      {
        createdDateTime: '2026-11-02T09:00:00Z',
        userPrincipalName: 'a@example.com',
        appId: 'x',
        appDisplayName: 'Office 365',
        status: { errorCode: 0 },
      },
      ctx,
    );
    expect(event).toMatchObject({ app: 'Office 365' });
  });
});
