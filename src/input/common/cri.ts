/** Kubernetes CRI log prefix: `2025-12-31T17:37:40.493035218+01:00 stdout F `. */
const CRI_PREFIX = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}) (?:stdout|stderr) ([PF]) /;

export const PARTIAL_LINE = 'partial container log line (CRI tag P): the runtime split a long line and its parts are not joined';

/** Whether a line may start with a CRI prefix (`2025-12-31T`...): a check of two characters, made before the pattern. */
export function mayHaveCriPrefix(line: string): boolean {
  return line.charCodeAt(4) === 45 && line.charCodeAt(10) === 84;
}

/** The log line inside a CRI-prefixed line, or the line itself; `partial` for a line the runtime split. */
export function stripCri(line: string): { text: string; partial: boolean } {
  const m = mayHaveCriPrefix(line) ? CRI_PREFIX.exec(line) : null;
  if (!m) return { text: line, partial: false };
  return { text: line.slice(m[0].length), partial: m[1] === 'P' };
}
