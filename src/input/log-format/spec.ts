/** One piece of an nginx `log_format`: constant text, or a `$variable`. */
export type Part = { literal: string } | { variable: string };

const NAME = /[A-Za-z0-9_]/;

function fail(message: string): never {
  throw new Error(`invalid --log-format: ${message}`);
}

/** nginx joins the quoted strings of a directive: `'$remote_addr - ' '$status'`. */
function joinQuoted(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const quote = s[i];
    if (quote !== "'" && quote !== '"') fail(`unexpected text after a quoted string at character ${i + 1}: ${s.slice(i, i + 20)}`);
    let j = i + 1;
    for (; j < s.length && s[j] !== quote; j++) {
      if (s[j] === '\\' && j + 1 < s.length) {
        j++;
        out += s[j] === quote || s[j] === '\\' ? s[j] : `\\${s[j]}`;
      } else {
        out += s[j];
      }
    }
    if (j >= s.length) fail(`unterminated ${quote} quote starting at character ${i + 1}`);
    i = j + 1;
    while (i < s.length && /\s/.test(s[i]!)) i++;
  }
  return out;
}

const DIRECTIVE = /^log_format\s+\S+\s+(?:escape=\S+\s+)?/;

/**
 * The format string itself, from what a user may paste: the bare string; the string in single quotes
 * as in nginx.conf (several quoted strings are joined, a final `;` dropped); or the whole `log_format`
 * directive with its name and `escape=` parameter. A bare string starting with `"` is taken as written:
 * `"$request" $status` is a format, not a quoted one.
 */
export function unwrapSpec(spec: string): string {
  const s = spec.trim();
  const directive = DIRECTIVE.exec(s);
  if (directive) {
    const rest = s.slice(directive[0].length).replace(/;\s*$/, '');
    return rest.startsWith("'") || rest.startsWith('"') ? joinQuoted(rest) : rest;
  }
  return s.startsWith("'") ? joinQuoted(s.replace(/;\s*$/, '')) : s;
}

/** Splits a format string into literals and variables (`$name` or `${name}`). */
export function parseSpec(spec: string): Part[] {
  const format = unwrapSpec(spec);
  if (format.length === 0) fail('the log format is empty');
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < format.length) {
    if (format[i] !== '$') {
      literal += format[i];
      i++;
      continue;
    }
    let name = '';
    let end = i + 1;
    if (format[end] === '{') {
      const close = format.indexOf('}', end);
      name = close < 0 ? '' : format.slice(end + 1, close);
      if (close < 0 || !/^[A-Za-z0-9_]+$/.test(name)) fail(`\`\${\` at character ${i + 1} is not closed by \`}\` around a variable name`);
      end = close + 1;
    } else {
      while (end < format.length && NAME.test(format[end]!)) end++;
      name = format.slice(i + 1, end);
      if (name.length === 0) fail(`\`$\` at character ${i + 1} does not start a variable name such as $remote_addr`);
    }
    if (literal.length > 0) parts.push({ literal });
    else if (parts.length > 0) {
      const previous = parts[parts.length - 1] as { variable: string };
      fail(`$${previous.variable} and $${name} have no text between them, so a line cannot be split between them`);
    }
    literal = '';
    parts.push({ variable: name.toLowerCase() });
    i = end;
  }
  if (literal.length > 0) parts.push({ literal });
  if (!parts.some((p) => 'variable' in p)) fail(`no nginx variables ($name) in ${JSON.stringify(format.slice(0, 60))}`);
  return parts;
}
