import type { ParsedClient } from './parsed-client.js';
import { electronAppName, foreignPart } from './browser-shape.js';
import { stripVersion } from './names.js';
import type { UaParts } from './ua-parts.js';

const NATIVE_SOURCE = 'app token before CFNetwork/ Darwin/ (Apple networking stack)';
const ALAMOFIRE_SOURCE =
  'Alamofire/Alamofire HTTPHeaders.swift: `<app>/<version> (<bundle id>; build:<build>; <os> <version>) Alamofire/<version>`';
const DALVIK_SOURCE = "Android's default http.agent: `[<app>/<version> ]Dalvik/<vm> (Linux; U; Android <version>; <device> Build/<id>)`";
const OKHTTP_APP_SOURCE = "an Android app's own token before its OkHttp client (`<app>/<version> (Linux; Android ...) okhttp/<version>`)";
const ELECTRON_SOURCE = 'app token before Chrome/ in an Electron shell';
const WEBVIEW_SOURCE = 'in-app WebView markers (Android "; wv)", iOS Mobile/ without Safari/)';

const CFNETWORK = /\bCFNetwork\/[\d.]+/;
const ALAMOFIRE = /\) Alamofire\/[\d.]+/;
const DALVIK = /\bDalvik\/[\d.]+/;
const OKHTTP = /\bokhttp\/[\d.]+/i;
const ANDROID = /\bAndroid\b/;
const ELECTRON = /\bElectron\/[\d.]+/;
const LEADING_PRODUCT = /^[^\s/();,]+/;

/**
 * A person's native app, from the shapes apps' networking stacks give their user agents: Apple's CFNetwork, Alamofire,
 * Android's Dalvik default and an app's OkHttp client, an Electron shell, an in-app WebView. An Electron shell with a
 * product no app puts there (a monitor appending its name) is not taken for an app.
 */
export function nativeApp(ua: string, parts: UaParts): ParsedClient | undefined {
  const { products } = parts;
  const cfnetwork = products.has('cfnetwork') ? CFNETWORK.exec(ua) : null;
  if (cfnetwork) return app(appName(leading(ua)) ?? 'CFNetwork', cfnetwork[0], NATIVE_SOURCE);
  const alamofire = products.has('alamofire') ? ALAMOFIRE.exec(ua) : null;
  if (alamofire) return app(appName(leading(ua)) ?? 'Alamofire', alamofire[0].slice(2), ALAMOFIRE_SOURCE);
  const dalvik = products.has('dalvik') ? DALVIK.exec(ua) : null;
  if (dalvik && ANDROID.test(ua)) return app(appName(ua.slice(0, dalvik.index).trim()) ?? 'Dalvik', dalvik[0], DALVIK_SOURCE);
  const okhttp = products.has('okhttp') ? OKHTTP.exec(ua) : null;
  if (okhttp && okhttp.index > 0 && ANDROID.test(ua)) {
    const name = appName(leading(ua));
    if (name) return app(name, okhttp[0], OKHTTP_APP_SOURCE);
  }
  const electron = products.has('electron') ? ELECTRON.exec(ua) : null;
  if (electron) {
    if (foreignPart(parts)) return undefined;
    return app(appName(electronAppName(parts)) ?? 'Electron', electron[0], ELECTRON_SOURCE);
  }
  const webview = parts.parts.find((p) => p.comment !== 0 && p.text === 'wv');
  if (webview) return app('WebView', '; wv)', WEBVIEW_SOURCE);
  const ios = products.has('applewebkit') && products.has('mobile') && !products.has('safari');
  if (ios) return app('WebView', parts.parts.find((p) => p.name === 'applewebkit')!.text, WEBVIEW_SOURCE);
  return undefined;
}

function app(family: string, matchedToken: string, source: string): ParsedClient {
  return { class: 'native-app', family, matchedToken, source };
}

function leading(ua: string): string | undefined {
  return LEADING_PRODUCT.exec(ua.trim())?.[0];
}

/** Apps URL-encode their display name (`Microsoft%20Outlook/4.2`); a browser's or stack's own token is no app name. */
function appName(token: string | undefined): string | undefined {
  if (!token || /^(?:Mozilla|AppleWebKit|KHTML|Gecko|Safari|CFNetwork|Darwin|Dalvik|okhttp|Alamofire)$/i.test(token)) return undefined;
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // Not valid percent-encoding: keep the raw token.
  }
  return stripVersion(decoded) || undefined;
}
