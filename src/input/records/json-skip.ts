/**
 * Skips a JSON object or array in a line's bytes, checking every byte as JSON.parse would, in one pass of table
 * lookups: the state after each byte is `NEXT[state * 256 + byte]`, and only brackets, commas and errors call for
 * more than the lookup. Strings (most of a record's bytes) stay in their state byte after byte. Bytes outside ASCII
 * are taken inside strings only (JSON.parse sees the characters they decode to, which are no JSON outside strings).
 */

/** Returned when the bytes are no valid JSON value. */
export const INVALID_JSON = -1;

// States. A value, a key, a colon, or what may follow a value, is expected; or a string, number or literal is read.
const VALUE = 0;
const VALUE_OR_CLOSE = 1; // just after '['
const KEY = 2; // after ',' in an object
const KEY_OR_CLOSE = 3; // just after '{'
const IN_KEY = 4;
const KEY_ESCAPE = 5;
const KEY_HEX1 = 6;
const KEY_HEX2 = 7;
const KEY_HEX3 = 8;
const KEY_HEX4 = 9;
const COLON = 10;
const IN_STRING = 11;
const ESCAPE = 12;
const HEX1 = 13;
const HEX2 = 14;
const HEX3 = 15;
const HEX4 = 16;
const AFTER = 17; // after a value: ',', '}' or ']'
const MINUS = 18; // after '-': a digit
const ZERO = 19; // a leading 0: the integer part is complete
const INT = 20;
const DOT = 21; // after '.': a digit
const FRACTION = 22;
const E = 23; // after 'e': sign or digit
const E_SIGN = 24; // after the exponent's sign: a digit
const EXPONENT = 25;
const LITERAL = 26; // 26 + position in 'true', 'false' or 'null': the letters after the first
const STATES = 40;
// Actions: a byte that opens or closes a container, or a comma, or an error.
const OPEN_OBJECT = 64;
const OPEN_ARRAY = 65;
const CLOSE_OBJECT = 66;
const CLOSE_ARRAY = 67;
const NEXT_MEMBER = 68;
const ERROR = 69;
/** A quote opens a string (or a key): its plain bytes are passed over in a loop of their own. */
const ENTER_STRING = 70;
const ENTER_KEY = 71;

const NEXT = new Uint8Array(STATES * 256).fill(ERROR);

function on(state: number, bytes: string | number[], next: number): void {
  const list = typeof bytes === 'string' ? [...bytes].map((c) => c.charCodeAt(0)) : bytes;
  for (const b of list) NEXT[state * 256 + b] = next;
}
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const SPACE = ' \t\n\r';
const DIGITS = '0123456789';
const HEX = '0123456789abcdefABCDEF';
/** Bytes that are plain inside a string: all but control bytes, the quote and the backslash. */
const STRING_BYTES = range(0x20, 0xff).filter((b) => b !== 0x22 && b !== 0x5c);

/** Where a value may start: a string, a number, a literal or a container. */
function valueStarts(state: number): void {
  on(state, SPACE, state);
  on(state, '"', ENTER_STRING);
  on(state, '-', MINUS);
  on(state, '0', ZERO);
  on(state, '123456789', INT);
  on(state, 't', LITERAL);
  on(state, 'f', LITERAL + 3);
  on(state, 'n', LITERAL + 7);
  on(state, '{', OPEN_OBJECT);
  on(state, '[', OPEN_ARRAY);
}
/** What may follow a complete value (also the end of a number, which needs no byte of its own to end). */
function valueEnds(state: number): void {
  on(state, SPACE, AFTER);
  on(state, ',', NEXT_MEMBER);
  on(state, '}', CLOSE_OBJECT);
  on(state, ']', CLOSE_ARRAY);
}
valueStarts(VALUE);
valueStarts(VALUE_OR_CLOSE);
on(VALUE_OR_CLOSE, ']', CLOSE_ARRAY);
on(KEY, SPACE, KEY);
on(KEY, '"', ENTER_KEY);
on(KEY_OR_CLOSE, SPACE, KEY_OR_CLOSE);
on(KEY_OR_CLOSE, '"', ENTER_KEY);
on(KEY_OR_CLOSE, '}', CLOSE_OBJECT);
on(IN_KEY, STRING_BYTES, IN_KEY);
on(IN_KEY, '"', COLON);
on(IN_KEY, '\\', KEY_ESCAPE);
on(KEY_ESCAPE, '"\\/bfnrt', IN_KEY);
on(KEY_ESCAPE, 'u', KEY_HEX1);
on(KEY_HEX1, HEX, KEY_HEX2);
on(KEY_HEX2, HEX, KEY_HEX3);
on(KEY_HEX3, HEX, KEY_HEX4);
on(KEY_HEX4, HEX, IN_KEY);
on(COLON, SPACE, COLON);
on(COLON, ':', VALUE);
on(IN_STRING, STRING_BYTES, IN_STRING);
on(IN_STRING, '"', AFTER);
on(IN_STRING, '\\', ESCAPE);
on(ESCAPE, '"\\/bfnrt', IN_STRING);
on(ESCAPE, 'u', HEX1);
on(HEX1, HEX, HEX2);
on(HEX2, HEX, HEX3);
on(HEX3, HEX, HEX4);
on(HEX4, HEX, IN_STRING);
/** Bytes passed over inside a string without a lookup of the state: all but control bytes, the quote, the backslash. */
const PLAIN = new Uint8Array(256);
for (const b of STRING_BYTES) PLAIN[b] = 1;
valueEnds(AFTER);
on(AFTER, SPACE, AFTER);
on(MINUS, '0', ZERO);
on(MINUS, '123456789', INT);
valueEnds(ZERO);
on(ZERO, '.', DOT);
on(ZERO, 'eE', E);
valueEnds(INT);
on(INT, DIGITS, INT);
on(INT, '.', DOT);
on(INT, 'eE', E);
on(DOT, DIGITS, FRACTION);
valueEnds(FRACTION);
on(FRACTION, DIGITS, FRACTION);
on(FRACTION, 'eE', E);
on(E, '+-', E_SIGN);
on(E, DIGITS, EXPONENT);
on(E_SIGN, DIGITS, EXPONENT);
valueEnds(EXPONENT);
on(EXPONENT, DIGITS, EXPONENT);
// t-r-u-e, f-a-l-s-e, n-u-l-l: the first letter chose the state of the second.
const spell = (at: number, rest: string): void => {
  for (let k = 0; k < rest.length; k++) on(at + k, rest[k]!, k === rest.length - 1 ? AFTER : at + k + 1);
};
spell(LITERAL, 'rue');
spell(LITERAL + 3, 'alse');
spell(LITERAL + 7, 'ull');

const IN_OBJECT = 1;
const IN_ARRAY = 2;
/** The containers open while a value is skipped, innermost last (one skip at a time: it never calls out). */
let open = new Uint8Array(64);

/**
 * Skips the object or array whose bracket is at `at`: the index after its closing bracket, or INVALID_JSON when the
 * bytes up to `end` are no valid JSON container.
 */
export function skipContainer(b: Uint8Array, at: number, end: number): number {
  let depth = 1;
  open[0] = b[at] === 0x7b ? IN_OBJECT : IN_ARRAY;
  let s = open[0] === IN_OBJECT ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
  for (let i = at + 1; i < end; i++) {
    s = NEXT[(s << 8) | b[i]!]!;
    if (s < STATES) continue;
    switch (s) {
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (depth === open.length) {
          const deeper = new Uint8Array(depth * 2);
          deeper.set(open);
          open = deeper;
        }
        open[depth++] = s === OPEN_OBJECT ? IN_OBJECT : IN_ARRAY;
        s = s === OPEN_OBJECT ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        if (open[depth - 1] !== (s === CLOSE_OBJECT ? IN_OBJECT : IN_ARRAY)) return INVALID_JSON;
        if (--depth === 0) return i + 1;
        s = AFTER;
        break;
      case NEXT_MEMBER:
        s = open[depth - 1] === IN_OBJECT ? KEY : VALUE;
        break;
      case ENTER_STRING:
      case ENTER_KEY: {
        // Each byte's test depends on no other: this loop runs at about twice the speed of the lookups.
        let j = i + 1;
        while (j < end && PLAIN[b[j]!] === 1) j++;
        i = j - 1;
        s = s === ENTER_STRING ? IN_STRING : IN_KEY;
        break;
      }
      default:
        return INVALID_JSON;
    }
  }
  return INVALID_JSON;
}
