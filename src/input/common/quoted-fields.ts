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
