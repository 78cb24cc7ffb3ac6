import { entry, SRC, type TokenEntry } from './entry.js';

const CUA_UAP = `${SRC.cua}; ${SRC.uap}`;

/** HTTP client libraries, by language. */
export const LIBRARY_TOKENS: readonly TokenEntry[] = [
  // Python
  entry('python-requests/', 'http-library', SRC.cua),
  entry('python-httpx/', 'http-library', SRC.cua),
  entry('aiohttp/', 'http-library', SRC.cua, 'aiohttp', 'substring', 'follows Python/x.y, never starts the string'),
  entry('Python-urllib/', 'http-library', SRC.cua),
  entry('python-urllib3/', 'http-library', 'urllib3/urllib3 src/urllib3/connection.py: `python-urllib3/<version>`'),
  entry('Scrapy/', 'http-library', `${SRC.cua}; ${SRC.air}`),
  // JavaScript
  entry('axios/', 'http-library', CUA_UAP),
  entry('node-fetch', 'http-library', CUA_UAP),
  entry('got (', 'http-library', SRC.cua, 'got', 'prefix'),
  entry('Bun/', 'http-library', SRC.uap),
  entry('Deno/', 'http-library', SRC.uap),
  entry('node', 'http-library', 'nodejs/undici #2306; microsoft/vscode #264502', 'node', 'exact', "Node's built-in fetch"),
  entry('undici', 'http-library', 'nodejs/undici #2306', 'undici', 'exact', "older Node's built-in fetch"),
  // Go
  entry('Go-http-client/', 'http-library', SRC.cua),
  entry('fasthttp', 'http-library', CUA_UAP),
  entry('colly', 'http-library', SRC.cua, 'colly', 'prefix'),
  // JVM
  entry(
    'okhttp/',
    'http-library',
    CUA_UAP,
    'okhttp',
    'prefix',
    'an Android app that puts its own name first is a native app, so only a bare okhttp counts',
  ),
  entry('Java-http-client/', 'http-library', CUA_UAP),
  entry('Java/', 'http-library', CUA_UAP),
  entry('Apache-HttpClient/', 'http-library', CUA_UAP),
  entry('Jakarta Commons-HttpClient/', 'http-library', SRC.cua, 'Commons-HttpClient'),
  entry('AHC/', 'http-library', SRC.cua, 'AsyncHttpClient', 'prefix'),
  entry('Jersey/', 'http-library', SRC.cua, 'Jersey', 'prefix'),
  // PHP, Ruby, Perl
  entry('GuzzleHttp/', 'http-library', CUA_UAP),
  entry('PHP-Curl-Class/', 'http-library', SRC.cua),
  entry('Faraday v', 'http-library', 'lostisland/faraday lib/faraday/connection.rb: `Faraday v<version>`', 'Faraday', 'prefix'),
  entry('Mechanize/', 'http-library', SRC.cua),
  entry('libwww-perl/', 'http-library', SRC.cua),
];
