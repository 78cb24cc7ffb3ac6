const MAX_SHOWN = 40;

/**
 * Raw log text as a skip reason quotes it: cut to 40 characters, `"` and control characters escaped.
 * Backslashes are kept as written, so nginx's own `\x16\x03` escapes read as in the log.
 */
export function quoteRaw(text: string): string {
  let cut = text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text;
  // Do not leave half of a surrogate pair at the cut.
  if (text.length > MAX_SHOWN && /[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const escaped = cut.replace(/["\u0000-\u001f\u007f]/g, (c) =>
    c === '"' ? '\\"' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`,
  );
  return `"${escaped}${text.length > MAX_SHOWN ? '…' : ''}"`;
}

/** Undoes the escapes nginx (`\x22`) and Apache (`\"`, `\\`) write inside quoted fields. */
export function unescapeQuoted(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\x22|\\x5[cC]|\\"|\\\\/g, (e) => (e === '\\x22' || e === '\\"' ? '"' : '\\'));
}
