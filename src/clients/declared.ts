import { isBrowserProduct } from './browser-shape.js';
import { stripVersion } from './names.js';
import type { UaPart, UaParts } from './ua-parts.js';

/** How a user agent that no table names declares itself automation. */
export interface Declared {
  kind: 'invoking-agent' | 'agent' | 'crawler' | 'sdk';
  family: string;
  /** The part of the user agent that says so. */
  evidence: string;
}

export const DECLARED_SOURCE: Record<Declared['kind'], string> = {
  'invoking-agent': 'a tool run by an agent names it: `Agent/<name>` (GitHub CLI, cli/cli api/http_client.go)',
  agent: 'self-declared agent: the word Agent or Assistant in a product, or a product named …-User (as ChatGPT-User)',
  crawler: 'self-declared crawler: a bot, crawler or spider name, a `compatible; Name` product, or a contact URL, e-mail or host',
  sdk: 'API SDK form `Name/Python <version>`, `Name/JS <version>`, `Name/Go <version>` (Stainless-generated SDKs)',
};

const MAX_FAMILY = 40;

/** A tool that says which agent runs it: `GitHub CLI 2.80.0 Agent/claude-code` (a version there is a product's own). */
export function invokingAgent({ parts, products }: UaParts): Declared | undefined {
  if (!products.has('agent')) return undefined;
  for (const part of parts) {
    const slash = part.text.indexOf('/');
    if (part.comment !== 0 || slash < 0 || part.name !== 'agent') continue;
    const name = part.text.slice(slash + 1);
    if (/^[a-z]/i.test(name)) return { kind: 'invoking-agent', family: name.slice(0, MAX_FAMILY), evidence: part.text };
  }
  return undefined;
}

/**
 * A product that calls itself an agent or assistant or a fetcher for a user (`Name-User`), or a crawler (its own
 * words, a `compatible; Name` product, a contact address). The earliest part that says either wins; within one part,
 * the agent.
 */
export function declaredAutomation(ua: UaParts, lower: string, signalled: boolean): Declared | undefined {
  const { parts } = ua;
  // Most user agents hold none of the SIGNALS, which the table's pass over the text has already looked for.
  if (!signalled) return parts.length > 1 ? domainContact(parts) : undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (isContact(part.text) || isEmail(part.text)) continue;
    const found = words(part.text);
    const before = i > 0 ? words(parts[i - 1]!.text).pop() : undefined;
    if (isUserFetcher(part) || found.some((w, j) => isAgentWord(w, j > 0 ? found[j - 1] : before))) {
      return { kind: 'agent', family: namedFamily(part, parts[i - 1]), evidence: part.text };
    }
    if (found.some(isCrawlerWord)) return { kind: 'crawler', family: namedFamily(part, parts[i - 1]), evidence: part.text };
  }
  const compatible = compatibleProduct(parts);
  if (compatible) return { kind: 'crawler', family: familyOf(compatible), evidence: compatible.text };
  // A user agent that is nothing but a host or URL names a service, not a robot's contact line.
  if (parts.length < 2) return undefined;
  const contact = parts.find((p) => isContact(p.text) || isEmail(p.text) || isDomain(p.text));
  if (contact || lower.includes('http://') || lower.includes('https://')) return crawlerWithContact(parts, contact);
  return undefined;
}

/** What declares a robot, as lowercase text: its words, a `compatible` product, a contact. */
export const SIGNALS: readonly string[] = [
  'agent',
  'assistant',
  '-user',
  '_user',
  'bot',
  'fetcher',
  'crawl',
  'spider',
  'spyder',
  'slurp',
  'scrap',
  'compatible',
  'http://',
  'https://',
  'www.',
  'mailto:',
  '@',
  '+',
];

function domainContact(parts: readonly UaPart[]): Declared | undefined {
  const contact = parts.find((p) => isDomain(p.text));
  return contact && crawlerWithContact(parts, contact);
}

/** A crawler known by its contact: named by its first product of its own, else by the contact's host. */
function crawlerWithContact(parts: readonly UaPart[], contact: UaPart | undefined): Declared {
  const named = parts.find((p) => p !== contact && !isContact(p.text) && /[a-z]/i.test(p.text) && !isCommonWord(p));
  const evidence = contact?.text ?? 'URL';
  return { kind: 'crawler', family: named ? familyOf(named) : hostOf(evidence), evidence };
}

function isUserFetcher(part: UaPart): boolean {
  const lower = part.name;
  return (lower.endsWith('-user') || lower.endsWith('_user')) && lower.length > 5;
}

const BARE_NAMES = new Set(['agent', 'assistant', 'bot', 'robot', 'crawler', 'webcrawler', 'spider', 'fetcher']);

/** `Datadog Agent/7.69.2` is cut into `Datadog` and `Agent/7.69.2`, `Linguee Bot` into two: the family is both. */
function namedFamily(part: UaPart, previous: UaPart | undefined): string {
  const bare = BARE_NAMES.has(stripVersion(part.text).toLowerCase());
  if (bare && previous && previous.comment === part.comment && !isContact(previous.text)) {
    const before = stripVersion(previous.text);
    if (/^[a-z]/i.test(before) && !isBrowserProduct(before.toLowerCase())) {
      return `${before} ${stripVersion(part.text)}`.slice(0, MAX_FAMILY);
    }
  }
  return familyOf(part);
}

const SDK_LANGUAGES = new Set(['python', 'js', 'go']);

/** `Groq/Python 0.11.0`: an API SDK generated by Stainless names its client class and language. */
export function sdkForm({ parts }: UaParts, lower: string): Declared | undefined {
  if (!lower.includes('/python ') && !lower.includes('/js ') && !lower.includes('/go ')) return undefined;
  for (let i = 0; i + 1 < parts.length; i++) {
    const part = parts[i]!;
    const slash = part.text.indexOf('/');
    if (part.comment !== 0 || slash <= 0) continue;
    const language = part.text.slice(slash + 1).toLowerCase();
    if (SDK_LANGUAGES.has(language) && /^\d/.test(parts[i + 1]!.text)) {
      return { kind: 'sdk', family: `${part.text.slice(0, slash)} SDK`.slice(0, MAX_FAMILY), evidence: part.text };
    }
  }
  return undefined;
}

/** Runs of letters: `trendictionbot0.5.0` → `trendictionbot`, `Acme-Agent/1.0` → `Acme`, `Agent`. */
function words(text: string): string[] {
  return text.split(/[^A-Za-z]+/).filter((w) => w !== '');
}

/** The word `agent` or `assistant` on its own (`Acme-Agent`, `ThousandEyes Agent`), not in `user agent`. */
function isAgentWord(word: string, previous: string | undefined): boolean {
  const lower = word.toLowerCase();
  return (lower === 'agent' || lower === 'assistant') && previous?.toLowerCase() !== 'user';
}

/** Device names that end like a crawler's (a phone maker). */
const NOT_CRAWLERS = new Set(['cubot']);

function isCrawlerWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (NOT_CRAWLERS.has(lower)) return false;
  return (
    lower.endsWith('bot') ||
    lower.endsWith('bots') ||
    lower.endsWith('fetcher') ||
    lower.includes('crawl') ||
    lower.includes('spider') ||
    lower.includes('spyder') ||
    lower.includes('slurp') ||
    lower.includes('scrap')
  );
}

const BROWSER_COMPATIBLE = new Set(['msie', 'konqueror']);

/** The product after a `compatible` item, unless it is a browser's (`compatible; MSIE 9.0`). */
function compatibleProduct(parts: readonly UaPart[]): UaPart | undefined {
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i]!.text.toLowerCase() !== 'compatible') continue;
    const next = parts[i + 1]!;
    if (next.comment !== parts[i]!.comment) continue;
    const name = next.text.split(/[\s/]/, 1)[0]!.toLowerCase();
    if (!BROWSER_COMPATIBLE.has(name) && !isBrowserProduct(name) && /[a-z]/.test(name) && !isContact(next.text)) return next;
  }
  return undefined;
}

function isContact(text: string): boolean {
  const lower = text.toLowerCase();
  return (
    lower.startsWith('+') ||
    lower.includes('http://') ||
    lower.includes('https://') ||
    lower.startsWith('www.') ||
    lower.includes('mailto:')
  );
}

function isEmail(text: string): boolean {
  const at = text.indexOf('@');
  return at > 0 && text.indexOf('.', at) > at + 1;
}

/** Top-level domains robots give as contact; `app` is left out (macOS apps are `Name.app`). */
const TLDS = new Set([
  'com',
  'net',
  'org',
  'io',
  'ai',
  'co',
  'me',
  'ly',
  'info',
  'biz',
  'us',
  'uk',
  'de',
  'fr',
  'nl',
  'ru',
  'cz',
  'pl',
  'es',
  'it',
  'eu',
  'jp',
  'cn',
  'br',
  'ca',
  'au',
  'ch',
  'se',
  'dk',
  'fi',
  'kr',
  'tw',
  'sg',
  'nz',
  'edu',
  'gov',
  'tech',
  'site',
  'online',
  'cloud',
  'dev',
  'xyz',
]);
/** A name that starts with one of these is a reverse-DNS app id (`com.example.app`), not a web address. */
const REVERSE_DNS = new Set(['com', 'org', 'net', 'io', 'de', 'fr', 'uk', 'ru', 'cn', 'jp', 'br', 'app']);

/** `feeder.co`, `Siteimprove.com`, `abuse.xmco.fr`: a host name where a product would be. */
function isDomain(text: string): boolean {
  const dot = text.lastIndexOf('.');
  const after = dot < 0 ? 0 : text.charCodeAt(dot + 1) | 0x20;
  if (after < 97 || after > 122) return false;
  const host = text
    .replace(/^[+(]+/, '')
    .split('/', 1)[0]!
    .toLowerCase();
  const labels = host.split('.');
  if (labels.length < 2 || REVERSE_DNS.has(labels[0]!)) return false;
  if (!TLDS.has(labels[labels.length - 1]!)) return false;
  return labels.every((label) => label !== '' && /^[a-z\d-]+$/.test(label));
}

/** Parts that name no product of their own: comment items, `compatible`, a browser's products. */
function isCommonWord(part: UaPart): boolean {
  const name = part.name;
  return part.comment !== 0 || name === 'compatible' || isBrowserProduct(name);
}

function familyOf(part: UaPart): string {
  return (stripVersion(part.text.replace(/^[+(]+/, '')) || part.text).slice(0, MAX_FAMILY);
}

/** The host of a contact: after `://`, after `@`, or the text itself (`www.example.com`). */
function hostOf(text: string): string {
  const scheme = text.indexOf('://');
  const at = text.lastIndexOf('@');
  const from = scheme >= 0 ? scheme + 3 : at >= 0 ? at + 1 : 0;
  const host = text
    .slice(from)
    .replace(/^\+/, '')
    .replace(/^www\./i, '')
    .split(/[/\s)]/, 1)[0];
  return (host || 'contact URL').slice(0, MAX_FAMILY);
}
