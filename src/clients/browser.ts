import type { ClientClass } from '../model/client.js';
import { stripVersion } from './names.js';

export interface ParsedClient {
  class: ClientClass;
  family: string;
  matchedToken?: string;
  source?: string;
}

const BROWSER_SOURCE = 'browser product tokens (RFC 9110 User-Agent)';
const NATIVE_SOURCE = 'app token before CFNetwork/ Darwin/ (Apple networking stack)';
const ELECTRON_SOURCE = 'app token before Chrome/ in an Electron shell';
const WEBVIEW_SOURCE = 'in-app WebView markers (Android "; wv)", iOS Mobile/ without Safari/)';

interface BrowserRule {
  pattern: RegExp;
  class: ClientClass;
  family: string;
  source: string;
}

/**
 * Chromium-based browsers all carry `Chrome/` and every WebKit browser carries `Safari/`,
 * so the rarer tokens are tried first and plain Chrome and Safari last.
 */
const BROWSER_RULES: readonly BrowserRule[] = [
  { pattern: /\b(?:Edg|EdgA|EdgiOS|Edge)\/[\d.]+/, class: 'browser', family: 'Edge', source: BROWSER_SOURCE },
  { pattern: /\b(?:OPR|OPiOS)\/[\d.]+/, class: 'browser', family: 'Opera', source: BROWSER_SOURCE },
  { pattern: /\bSamsungBrowser\/[\d.]+/, class: 'browser', family: 'Samsung Internet', source: BROWSER_SOURCE },
  { pattern: /\bVivaldi\/[\d.]+/, class: 'browser', family: 'Vivaldi', source: BROWSER_SOURCE },
  // Desktop Brave sends a plain Chrome string; only some builds add their name.
  { pattern: /\bBrave(?:\/[\d.]+|(?![\w-]))/, class: 'browser', family: 'Brave', source: BROWSER_SOURCE },
  { pattern: /\b(?:Firefox|FxiOS)\/[\d.]+/, class: 'browser', family: 'Firefox', source: BROWSER_SOURCE },
  { pattern: /; wv\)/, class: 'native-app', family: 'WebView', source: WEBVIEW_SOURCE },
  { pattern: /\b(?:Chrome|CriOS)\/[\d.]+/, class: 'browser', family: 'Chrome', source: BROWSER_SOURCE },
  { pattern: /\bMSIE [\d.]+|\bTrident\/[\d.]+/, class: 'browser', family: 'Internet Explorer', source: BROWSER_SOURCE },
  { pattern: /\bVersion\/[\d.]+(?=.*\bSafari\/)/, class: 'browser', family: 'Safari', source: BROWSER_SOURCE },
  {
    pattern: /\bAppleWebKit\/[\d.]+(?=.*\bMobile\/)(?!.*\bSafari\/)/,
    class: 'native-app',
    family: 'WebView',
    source: WEBVIEW_SOURCE,
  },
];

const CFNETWORK = /\bCFNetwork\/[\d.]+/;
const ELECTRON = /\bElectron\/[\d.]+/;
const ELECTRON_APP = /\)\s+([A-Za-z][\w.-]*)\/[\w.-]+\s+Chrome\//;
const LEADING_PRODUCT = /^[^\s/();,]+/;

/** A real browser or a native app from a raw user agent, or undefined when it is neither. */
export function parseBrowser(userAgent: string): ParsedClient | undefined {
  const cfnetwork = CFNETWORK.exec(userAgent);
  if (cfnetwork) {
    const app = appName(LEADING_PRODUCT.exec(userAgent.trim())?.[0]);
    return { class: 'native-app', family: app ?? 'CFNetwork', matchedToken: cfnetwork[0], source: NATIVE_SOURCE };
  }
  const electron = ELECTRON.exec(userAgent);
  if (electron) {
    const app = appName(ELECTRON_APP.exec(userAgent)?.[1]);
    return { class: 'native-app', family: app ?? 'Electron', matchedToken: electron[0], source: ELECTRON_SOURCE };
  }
  for (const rule of BROWSER_RULES) {
    const hit = rule.pattern.exec(userAgent);
    if (hit) return { class: rule.class, family: rule.family, matchedToken: hit[0], source: rule.source };
  }
  return undefined;
}

/** Apps URL-encode their display name (`Microsoft%20Outlook/4.2`). */
function appName(token: string | undefined): string | undefined {
  if (!token || /^(?:Mozilla|AppleWebKit|KHTML|Gecko|Safari|CFNetwork|Darwin)$/i.test(token)) return undefined;
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // Not valid percent-encoding: keep the raw token.
  }
  return stripVersion(decoded) || undefined;
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
