import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../model/finding.js';

/** The base every artifact URI is relative to, named as CodeQL names its own. */
export const SRCROOT = '%SRCROOT%';

export interface LocationBase {
  /** Absolute: artifact URIs are relative to it (`--sarif-root`, default the working directory). */
  root: string;
  /** Absolute: what relative evidence paths were read from. */
  cwd: string;
}

/** `originalUriBaseIds`: where %SRCROOT% is, as an absolute file URI ending in a slash, as SARIF asks. */
export function originalUriBaseIds(base: LocationBase): Record<string, { uri: string }> {
  const href = pathToFileURL(base.root).href;
  return { [SRCROOT]: { uri: href.endsWith('/') ? href : `${href}/` } };
}

/**
 * A log file as a URI relative to the root, segment by segment percent-encoded (so a `:` or `#` in a name stays part
 * of the path). GitHub code scanning maps relative URIs to files of the repository; absolute file:// URIs map to
 * nothing. A file outside the root gets `../` segments. Standard input stays `-`.
 */
export function relativeUri(file: string, base: LocationBase): string {
  if (file === '-') return '-';
  const absolute = isAbsolute(file) ? file : resolve(base.cwd, file);
  const path = relative(base.root, absolute).split(sep).join('/');
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * Where a result points: its first evidence line. GitHub rejects a whole upload for one result without a location,
 * so a finding without evidence points at line 1 of the first input that was read, and says so.
 */
export function resultLocation(f: Finding, fallbackFile: string, base: LocationBase) {
  const first = f.evidence[0];
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(first?.file ?? fallbackFile, base), uriBaseId: SRCROOT },
      region: { startLine: Math.max(1, first?.line ?? 1) },
    },
    ...(first ? {} : { message: { text: 'No evidence line was kept for this finding: it points at the first input read.' } }),
  };
}
