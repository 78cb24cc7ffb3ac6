/** The cells of a CSV record read so far, and the text of a quoted value still open at the end of the last line. */
export interface CsvRecordState {
  cells: string[];
  /** Null when no quoted value is open. */
  quoted: string | null;
}

/** How a line left its record: complete, still inside a quoted value (the record goes on), or broken. */
export type LineOutcome = 'complete' | 'open' | { broken: string };

const QUOTE = 34;
const COMMA = 44;

/**
 * Reads one line of CSV into `state` (RFC 4180, comma-separated): a value in double quotes may hold commas, `""`
 * for a quote, and line breaks (then the record goes on at the next line, which the caller passes with
 * `state.quoted` ending in its line break). A quote inside an unquoted value is kept as written. After a closing
 * quote only spaces may come before the next comma.
 */
export function readCsvLine(text: string, state: CsvRecordState): LineOutcome {
  if (state.quoted === null && state.cells.length === 0 && text.indexOf('"') < 0) {
    state.cells = text.split(',');
    return 'complete';
  }
  const n = text.length;
  let i = 0;
  for (;;) {
    if (state.quoted !== null) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        state.quoted += text.slice(i);
        return 'open';
      }
      if (text.charCodeAt(q + 1) === QUOTE) {
        state.quoted += text.slice(i, q + 1);
        i = q + 2;
        continue;
      }
      state.cells.push(state.quoted + text.slice(i, q));
      state.quoted = null;
      i = q + 1;
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (i === n) return 'complete';
      if (text.charCodeAt(i) !== COMMA) return { broken: 'text after the closing quote of a value' };
      i++;
      continue;
    }
    if (text.charCodeAt(i) === QUOTE) {
      state.quoted = '';
      i++;
      continue;
    }
    const comma = text.indexOf(',', i);
    if (comma < 0) {
      state.cells.push(text.slice(i));
      return 'complete';
    }
    state.cells.push(text.slice(i, comma));
    i = comma + 1;
  }
}
