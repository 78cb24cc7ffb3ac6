/**
 * Case-insensitive comparison of UTF-16 code units, exactly as a JavaScript RegExp with the `i` flag and without `u`
 * compares them (ECMAScript's Canonicalize): a unit stands for its upper case when that is a single unit, except that
 * a non-ASCII unit never stands for an ASCII one (so `ſ` does not match `s`, nor the Kelvin sign `k`). Patterns used
 * to be such regexes; matching the same way keeps what every existing pattern matches.
 */

const folded = new Uint16Array(0x10000);
const known = new Uint8Array(0x10000);

/** The unit two case-insensitively equal units share. */
export function foldCase(unit: number): number {
  if (unit < 0x80) return unit >= 0x61 && unit <= 0x7a ? unit - 0x20 : unit;
  if (known[unit] === 1) return folded[unit]!;
  const upper = String.fromCharCode(unit).toUpperCase();
  const result = upper.length === 1 && upper.charCodeAt(0) >= 0x80 ? upper.charCodeAt(0) : unit;
  folded[unit] = result;
  known[unit] = 1;
  return result;
}
