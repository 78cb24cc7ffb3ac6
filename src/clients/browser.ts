import { nativeApp } from './native.js';
import type { ParsedClient } from './parsed-client.js';
import { uaParts } from './ua-parts.js';

export type { ParsedClient } from './parsed-client.js';

const BROWSER_SOURCE = 'browser product tokens (RFC 9110 User-Agent)';

interface BrowserRule {
  pattern: RegExp;
  family: string;
}

/**
 * Chromium-based browsers all carry `Chrome/` and every WebKit browser carries `Safari/`,
 * so the rarer tokens are tried first and plain Chrome and Safari last.
 */
const BROWSER_RULES: readonly BrowserRule[] = [
  { pattern: /\b(?:Edg|EdgA|EdgiOS|Edge)\/[\d.]+/, family: 'Edge' },
  { pattern: /\b(?:OPR|OPiOS)\/[\d.]+/, family: 'Opera' },
  { pattern: /\bSamsungBrowser\/[\d.]+/, family: 'Samsung Internet' },
  { pattern: /\bVivaldi\/[\d.]+/, family: 'Vivaldi' },
  // Desktop Brave sends a plain Chrome string; only some builds add their name.
  { pattern: /\bBrave(?:\/[\d.]+|(?![\w-]))/, family: 'Brave' },
  { pattern: /\b(?:Firefox|FxiOS)\/[\d.]+/, family: 'Firefox' },
  { pattern: /\b(?:Chrome|CriOS)\/[\d.]+/, family: 'Chrome' },
  { pattern: /\bMSIE [\d.]+|\bTrident\/[\d.]+/, family: 'Internet Explorer' },
  // The Google app's browser on iOS: Safari's engine without Safari's Version/ token.
  { pattern: /\bGSA\/[\d.]+/, family: 'Google app' },
  { pattern: /\bVersion\/[\d.]+(?=.*\bSafari\/)/, family: 'Safari' },
  // Mobile Safari as some identity providers log it, its versions cut off: `... Mobile/15E148 Safari` (Okta's
  // System Log sample in Elastic's Filebeat tests).
  { pattern: /\(KHTML, like Gecko\) Mobile\/\w+ Safari$/, family: 'Safari' },
];

/** A real browser or a native app from a raw user agent, or undefined when it is neither. */
export function parseBrowser(userAgent: string): ParsedClient | undefined {
  return nativeApp(userAgent, uaParts(userAgent)) ?? browserFamily(userAgent);
}

/** The browser family a user agent names, by its product tokens alone. */
export function browserFamily(userAgent: string): ParsedClient | undefined {
  for (const rule of BROWSER_RULES) {
    const hit = rule.pattern.exec(userAgent);
    if (hit) return { class: 'browser', family: rule.family, matchedToken: hit[0], source: BROWSER_SOURCE };
  }
  return undefined;
}

const HINT_BROWSERS: ReadonlyArray<[RegExp, ParsedClient]> = [
  [/^(?:microsoft )?edge\b/, { class: 'browser', family: 'Edge' }],
  [/^opera\b/, { class: 'browser', family: 'Opera' }],
  [/^samsung/, { class: 'browser', family: 'Samsung Internet' }],
  [/^vivaldi\b/, { class: 'browser', family: 'Vivaldi' }],
  [/^brave\b/, { class: 'browser', family: 'Brave' }],
  [/^(?:mozilla )?firefox\b/, { class: 'browser', family: 'Firefox' }],
  [/^(?:google )?chrom(?:e|ium)\b/, { class: 'browser', family: 'Chrome' }],
  [/^(?:ie|msie|internet explorer)\b/, { class: 'browser', family: 'Internet Explorer' }],
  [/^(?:mobile )?safari\b/, { class: 'browser', family: 'Safari' }],
  [/^rich client\b/, { class: 'native-app', family: 'Rich Client' }],
];

/**
 * An identity provider's parsed browser name to the parser's families:
 * Entra `Chrome 77.0.3865`, `Mobile Safari`, `IE 11.0`, `Rich Client 4.40.0.0`; Okta `CHROME`, `FIREFOX`.
 * Undefined for empty, `UNKNOWN` and names it does not know.
 */
export function normalizeBrowserHint(browser: string | undefined): ParsedClient | undefined {
  if (typeof browser !== 'string') return undefined;
  const text = browser.trim().toLowerCase().replace(/_/g, ' ');
  for (const [pattern, parsed] of HINT_BROWSERS) {
    if (pattern.test(text)) return { ...parsed, matchedToken: browser.trim() };
  }
  return undefined;
}
