export interface Field {
  value: string;
  quoted: boolean;
}

/** Index of the quote closing the field opened at `open`, skipping `\"`; -1 when none. */
function closingQuote(line: string, open: number): number {
  for (let j = open + 1; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return j;
  }
  return -1;
}

/**
 * Splits a line of space-separated fields, some in double quotes that may hold spaces (`\"` inside
 * quotes is an escaped quote). Returns undefined when a quote is left open.
 */
export function splitFields(line: string): Field[] | undefined {
  const fields: Field[] = [];
  let i = 0;
  while (i < line.length) {
    if (line.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    if (line.charCodeAt(i) === 34) {
      const close = closingQuote(line, i);
      if (close < 0) return undefined;
      fields.push({ value: line.slice(i + 1, close), quoted: true });
      i = close + 1;
    } else {
      const space = line.indexOf(' ', i);
      const end = space < 0 ? line.length : space;
      fields.push({ value: line.slice(i, end), quoted: false });
      i = end;
    }
  }
  return fields;
}

/**
 * Index just past the quote that closes the field whose opening quote is at `open`; -1 when none does. A backslash
 * escapes the character after it, unless that is a line terminator (as `"(?:[^"\\]|\\.)*"` reads a field). Linear and
 * on no stack: that regex keeps a backtracking entry per character in V8, and overflows on a field of megabytes.
 */
export function quotedFieldEnd(line: string, open: number): number {
  let quote = line.indexOf('"', open + 1);
  let backslash = line.indexOf('\\', open + 1);
  for (;;) {
    if (quote < 0) return -1;
    if (backslash < 0 || backslash > quote) return quote + 1;
    if (backslash + 1 >= line.length || isLineTerminator(line.charCodeAt(backslash + 1))) return -1;
    // The escaped character is no closing quote: look on after it.
    const from = backslash + 2;
    if (quote < from) quote = line.indexOf('"', from);
    backslash = line.indexOf('\\', from);
  }
}

/** The line ends at `at`, or goes on with a space and text that holds no line terminator (`(?: .*)?$`). */
export function endsOrGoesOn(line: string, at: number): boolean {
  if (at === line.length) return true;
  if (line.charCodeAt(at) !== 32) return false;
  for (const terminator of LINE_TERMINATORS) if (line.indexOf(terminator, at + 1) >= 0) return false;
  return true;
}

const LINE_TERMINATORS = ['\r', '\n', '\u2028', '\u2029'];

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}
