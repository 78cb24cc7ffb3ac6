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
