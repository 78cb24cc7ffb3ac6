import type { UaPart, UaParts } from './ua-parts.js';

/**
 * The grammar of a browser's own user agent: its product names and the words of its platform comment, as browsers
 * build them (MDN "User-Agent" reference; browser names as ua-parser-js documents them). A part outside this grammar
 * in a browser-shaped user agent was put there by something else: an agent or tool that appends its name, a monitor,
 * a scanner. Numbers and versions never count.
 */
const BROWSER_PRODUCTS = new Set([
  'mozilla',
  'applewebkit',
  'gecko',
  'like',
  'khtml',
  'chrome',
  'chromium',
  'crios',
  'safari',
  'version',
  'mobile',
  'firefox',
  'fxios',
  'edg',
  'edga',
  'edgios',
  'edge',
  'opr',
  'opios',
  'opt',
  'opera',
  'samsungbrowser',
  'vivaldi',
  'brave',
  'yabrowser',
  'yowser',
  'ucbrowser',
  'whale',
  'qqbrowser',
  'mqqbrowser',
  'huaweibrowser',
  'miuibrowser',
  'heytapbrowser',
  'duckduckgo',
  'ddg',
  'ecosia',
  'gsa',
  'silk',
  'puffin',
  'iron',
  'iceweasel',
  'icecat',
  'palemoon',
  'waterfox',
  'seamonkey',
  'librewolf',
  'thunderbird',
  'lightning',
  'midori',
  'rekonq',
  'konqueror',
  'epiphany',
  'falkon',
  'qupzilla',
  'maxthon',
  'sleipnir',
  'coolnovo',
  'metasr',
  'camino',
  'flock',
  'netscape',
  'bonecho',
  'minefield',
  'trident',
  'ubuntu',
  'centos',
  'fedora',
  'debian',
  'linuxmint',
  'electron',
]);

/** Products that show a browser engine. */
const ENGINES = new Set(['applewebkit', 'gecko', 'chrome', 'safari', 'firefox', 'trident', 'headlesschrome']);

/** Words of platform comments: `(Windows NT 10.0; Win64; x64)`, `(iPhone; CPU iPhone OS 18_1 like Mac OS X)`. */
const PLATFORM_WORDS = new Set([
  'windows',
  'nt',
  'win64',
  'win32',
  'wow64',
  'x64',
  'x86',
  'x86_64',
  'amd64',
  'i386',
  'i586',
  'i686',
  'arm',
  'arm64',
  'aarch64',
  'armv7l',
  'armv8l',
  'ppc',
  'ppc64',
  'on',
  'macintosh',
  'intel',
  'mac',
  'os',
  'x',
  'like',
  'cpu',
  'iphone',
  'ipad',
  'ipod',
  'touch',
  'x11',
  'linux',
  'ubuntu',
  'fedora',
  'debian',
  'cros',
  'freebsd',
  'openbsd',
  'netbsd',
  'mobile',
  'tablet',
  'tv',
  'wv',
  'u',
  'n',
  'i',
  'k',
  'compatible',
  'khtml',
  'gecko',
  'msie',
  'trident',
]);
/** Windows browsers' comments also collected what runtimes added (`.NET CLR 3.5.30729`, `SLCC2`, `Media Center PC 6.0`). */
const WINDOWS_EXTRAS = new Set([
  '.net',
  'clr',
  'media',
  'center',
  'pc',
  'infopath',
  'ms-rtc',
  'lm',
  'zune',
  'tablet',
  'slcc',
  'aol',
  'aolbuild',
  'chromeframe',
  'build',
  'compatible',
  'mozilla',
  'msie',
]);

const VERSION = /^v?\d[\d._]*(?:[a-z]+\d*)?$/;
const LOCALE = /^[a-z]{2}(?:[-_][a-z]{2,3})?$/;
const LEADING_LETTERS = /^\.?[a-z][a-z-]*/;
const MAX_ITEM = 100;

/** A product name (lowercase) that browsers use. */
export function isBrowserProduct(name: string): boolean {
  return BROWSER_PRODUCTS.has(name);
}

/** True when the user agent presents a browser engine. */
export function hasBrowserEngine({ parts, products }: UaParts): boolean {
  for (const engine of ENGINES) if (products.has(engine)) return true;
  return parts.some((p) => p.comment !== 0 && p.text.toLowerCase().startsWith('msie '));
}

/** `Mozilla/…` with a browser engine: what every browser sends, and what programs imitate. */
export function isBrowserShaped(ua: UaParts): boolean {
  const first = ua.parts[0];
  return first !== undefined && first.comment === 0 && first.name === 'mozilla' && hasBrowserEngine(ua);
}

/**
 * The first part of a browser-shaped user agent that no browser puts there, if any. An Electron app's own name
 * (the products between the last comment and `Chrome/`) is the app's; whatever follows `Android` is the device.
 */
export function foreignPart(ua: UaParts): UaPart | undefined {
  const { parts } = ua;
  const app = electronApp(ua);
  // Internet Explorer's comment collected whatever toolbars and OEMs added to it: only the products in it are checked.
  const ie = parts.some((p) => p.comment !== 0 && /^(?:msie |trident\/)/.test(p.text.toLowerCase()));
  let android = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.comment === 0) {
      const name = part.name;
      if (BROWSER_PRODUCTS.has(name) || !/[a-z]/.test(name) || (app && i >= app.from && i < app.to)) continue;
      return part;
    }
    if (part.comment !== parts[i - 1]?.comment) android = false;
    if (android || (ie && ieItem(part.text))) continue;
    if (part.text.length > MAX_ITEM) return part;
    const verdict = platformItemOf(part.text);
    if (verdict === 'android') android = true;
    else if (verdict === 'foreign') return part;
  }
  return undefined;
}

/** The name an Electron app gives itself (`Slack`, `Visual Studio Code`), when the user agent is an Electron shell's. */
export function electronAppName(ua: UaParts): string | undefined {
  const app = electronApp(ua);
  if (!app || app.to <= app.from) return undefined;
  return ua.parts
    .slice(app.from, app.to)
    .map((p) => p.text)
    .join(' ');
}

function electronApp({ parts, products }: UaParts): { from: number; to: number } | undefined {
  if (!products.has('electron')) return undefined;
  const chrome = parts.findIndex((p) => p.comment === 0 && p.name === 'chrome');
  if (chrome < 0) return undefined;
  let from = chrome;
  while (from > 0 && parts[from - 1]!.comment === 0 && parts[from - 1]!.name !== 'applewebkit') from--;
  return { from, to: chrome };
}

const IE_PRODUCTS = new Set(['trident', 'iemobile', 'chromeframe', 'mozilla']);

/** An item of Internet Explorer's comment: anything but a product (`Name/1.0`) other than its own. */
function ieItem(item: string): boolean {
  const slash = item.indexOf('/');
  return slash < 0 || IE_PRODUCTS.has(item.slice(0, slash).trim().toLowerCase());
}

/** Platform items repeat across user agents that differ only in versions: their verdicts are kept, boundedly. */
const verdicts = new Map<string, ReturnType<typeof platformItem>>();
const MAX_VERDICTS = 2000;

function platformItemOf(item: string): ReturnType<typeof platformItem> {
  let verdict = verdicts.get(item);
  if (verdict === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdict = platformItem(item);
    verdicts.set(item, verdict);
  }
  return verdict;
}

/** Every word of a platform item is a platform word, a version or a locale; `android` frees what follows (the device). */
function platformItem(item: string): 'ok' | 'android' | 'foreign' {
  for (const raw of item.toLowerCase().split(' ')) {
    if (raw === '') continue;
    const last = raw.charCodeAt(raw.length - 1);
    const word = raw.charCodeAt(0) === 40 || last === 41 || last === 59 || last === 44 ? raw.replace(/^[(]+|[);,]+$/g, '') : raw;
    if (PLATFORM_WORDS.has(word) || word === '') continue;
    if (word === 'android') return 'android';
    if (VERSION.test(word) || (word.length <= 6 && LOCALE.test(word))) continue;
    if (word.startsWith('rv:') && VERSION.test(word.slice(3))) continue;
    const slash = word.indexOf('/');
    if (slash > 0 && PLATFORM_WORDS.has(word.slice(0, slash))) continue;
    if (WINDOWS_EXTRAS.has(LEADING_LETTERS.exec(word)?.[0] ?? '')) continue;
    return 'foreign';
  }
  return 'ok';
}
