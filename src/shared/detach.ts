/**
 * Strings that outlive the record they came from. A reader cuts a line out of a 64 KB (or 1 MB) piece of decoded
 * text, and a field out of the line; V8 makes such a cut of 13 characters or more a view of the whole piece, not a
 * copy. A session that kept one such user agent or session id would keep the whole piece alive, and a scan of
 * sessions would come to hold most of the file. Whatever the session store keeps, it keeps detached.
 */

/** Below this length V8 copies a cut instead of viewing its parent (SlicedString::kMinLength). */
const VIEW_MIN_LENGTH = 13;

/**
 * A copy of `text` that holds no larger string alive: JSON.parse makes every string value it reads a string of its own.
 * (A slice of a copy, as this did, was itself a view: 32 bytes of view beside the copy, 96 bytes per session for its
 * id, user and IP.)
 */
export function detach(text: string): string {
  return text.length < VIEW_MIN_LENGTH ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * Detached strings, one copy per distinct value: the user agents, IPs and names that thousands of sessions share are
 * kept once. Bounded: past `maxEntries` the table starts again (values already handed out stay valid).
 */
export class Interner {
  private readonly table = new Map<string, string>();

  constructor(private readonly maxEntries = 65_536) {}

  intern(text: string): string {
    const known = this.table.get(text);
    if (known !== undefined) return known;
    if (this.table.size >= this.maxEntries) this.table.clear();
    const kept = detach(text);
    this.table.set(kept, kept);
    return kept;
  }
}
