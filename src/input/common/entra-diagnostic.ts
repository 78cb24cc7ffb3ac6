/**
 * The diagnostic-settings envelope that Entra ID sign-in and audit records share (Event Hub, storage account, Log
 * Analytics exports): `time`, `category`, `operationName`, `resultType`, `callerIpAddress`, and the record's own
 * fields under `properties`. A SIEM may lowercase these keys.
 */
export const ENVELOPE = {
  category: 'category',
  properties: 'properties',
  time: 'time',
  operationName: 'operationName',
  resultType: 'resultType',
  callerIpAddress: 'callerIpAddress',
} as const;

export interface SignInCategory {
  name: string;
  interactive: boolean;
  /** The principal is an application (service principal or managed identity), not a person. */
  servicePrincipal: boolean;
}

const CATEGORIES: readonly SignInCategory[] = [
  { name: 'SignInLogs', interactive: true, servicePrincipal: false },
  { name: 'NonInteractiveUserSignInLogs', interactive: false, servicePrincipal: false },
  { name: 'ServicePrincipalSignInLogs', interactive: false, servicePrincipal: true },
  { name: 'ManagedIdentitySignInLogs', interactive: false, servicePrincipal: true },
  { name: 'MicrosoftServicePrincipalSignInLogs', interactive: false, servicePrincipal: true },
];

const BY_LOWER_NAME = new Map(CATEGORIES.map((c) => [c.name.toLowerCase(), c]));

export function signInCategory(category: string): SignInCategory | undefined {
  return BY_LOWER_NAME.get(category.toLowerCase());
}
