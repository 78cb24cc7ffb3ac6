/** Shared references, so every rule cites the same texts the same way. */
export const REF = {
  owaspAsi02: 'OWASP Top 10 for Agentic Applications 2026, ASI02 Tool Misuse',
  owaspAsi03: 'OWASP Top 10 for Agentic Applications 2026, ASI03 Identity & Privilege Abuse',
  owaspAsi10: 'OWASP Top 10 for Agentic Applications 2026, ASI10 Rogue Agents',
  attackT1539: 'MITRE ATT&CK T1539 Steal Web Session Cookie (https://attack.mitre.org/techniques/T1539/)',
  attackT1550004:
    'MITRE ATT&CK T1550.004 Use Alternate Authentication Material: Web Session Cookie (https://attack.mitre.org/techniques/T1550/004/)',
  attackT1078: 'MITRE ATT&CK T1078 Valid Accounts (https://attack.mitre.org/techniques/T1078/)',
  attackT1528: 'MITRE ATT&CK T1528 Steal Application Access Token (https://attack.mitre.org/techniques/T1528/)',
  rfc8693: 'RFC 8693 OAuth 2.0 Token Exchange (https://www.rfc-editor.org/rfc/rfc8693)',
} as const;

export const DELEGATION_ADVICE =
  'Give the agent its own workload identity with short-lived, task-scoped credentials (an OAuth client of its own, ' +
  "or an RFC 8693 token exchange that names the agent as actor), and revoke this session: a person's session " +
  "carries their whole entitlement set and makes the agent's actions look like theirs.";
