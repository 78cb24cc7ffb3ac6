import type { EventKind, NormalizedEvent, Outcome } from '../../model/event.js';
import { detach } from '../../shared/detach.js';

/**
 * Events cross from the parsing worker to the main thread in columns: numbers in a Float64Array, strings as slots
 * of a string table that both sides keep, whose new entries travel with the batch. A structured clone of event
 * objects costs as much as parsing them again; user agents, session ids, users and IPs repeat from event to event,
 * so most strings cross once.
 */

/**
 * The string fields of an event, in column order. `tokenId` and `path` rarely repeat (one per request): interning
 * them would cost a hash of each and push out strings that do repeat, so they travel inline, in the batch's own
 * list. A request's `action` is its method and path (`GET /x`): a flag says so and the receiver rebuilds it.
 */
const STRING_FIELDS = [
  'format',
  'kind',
  'action',
  'outcome',
  'user',
  'sessionId',
  'rootSessionId',
  'tokenId',
  'clientId',
  'grantType',
  'ip',
  'userAgent',
  'app',
  'method',
  'path',
] as const;
const HINT_FIELDS = ['browser', 'os', 'app'] as const;
/**
 * Fields that are rare and structured (agent evidence, request headers, risk signals) cross together as one inline
 * JSON text: most events have none of them, and those that do are few.
 */
const EXTRA_FIELDS = ['agent', 'headers', 'risk'] as const;
type Extras = Pick<NormalizedEvent, (typeof EXTRA_FIELDS)[number]>;

/** Every event field is carried: adding one to NormalizedEvent without a column here does not compile. */
type Carried = (typeof STRING_FIELDS)[number] | (typeof EXTRA_FIELDS)[number] | 'time' | 'source' | 'status' | 'interactive' | 'clientHint';
const everyFieldCarried: Exclude<keyof NormalizedEvent, Carried> extends never ? true : never = true;
void everyFieldCarried;

const STRINGS_PER_EVENT = STRING_FIELDS.length + HINT_FIELDS.length + 1;
/** time, line, status (NaN when absent), flags. */
const NUMBERS_PER_EVENT = 4;
const FLAG_HINT = 1;
const FLAG_INTERACTIVE_TRUE = 2;
const FLAG_INTERACTIVE_FALSE = 4;
const FLAG_ACTION_IS_REQUEST_LINE = 8;
const ABSENT = -1;
/** Slots at or below this stand for an inline string: index = INLINE_BASE - slot. */
const INLINE_BASE = -2;

/** Strings remembered on both sides. */
export const DEFAULT_TABLE_SIZE = 65_536;

/** One batch of encoded events, and the table entries it defines (applied before its first event is read). */
export interface EncodedBatch {
  count: number;
  numbers: Float64Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
  defSlots: Int32Array<ArrayBuffer>;
  defStrings: string[];
  /** Values of the inline columns, in the order the events use them. */
  inline: string[];
}

/**
 * Worker side: turns events into batches. The line stands in for `source`; the receiver knows the file.
 * A slot that a batch refers to is never given another string within that batch, so the receiver can apply all
 * of a batch's definitions first; the table is large enough that a batch always finds a slot it does not use.
 */
export class EventEncoder {
  private readonly ids = new Map<string, number>();
  private readonly table: (string | undefined)[];
  /** The batch that last referred to each slot. */
  private readonly usedBy: Int32Array;
  private batchNumber = 1;
  private hand = 0;
  private count = 0;
  private numbers: Float64Array<ArrayBuffer>;
  private slots: Int32Array<ArrayBuffer>;
  private defSlots: number[] = [];
  private defStrings: string[] = [];
  private inline: string[] = [];
  /** Per column, the last value and its slot: consecutive events often repeat a value (format, kind, method). */
  private readonly lastValue: (string | undefined)[] = new Array<string | undefined>(STRINGS_PER_EVENT);
  private readonly lastSlot = new Int32Array(STRINGS_PER_EVENT);
  private readonly freeNumbers: Float64Array<ArrayBuffer>[] = [];
  private readonly freeSlots: Int32Array<ArrayBuffer>[] = [];

  constructor(
    readonly batchSize: number,
    tableSize = DEFAULT_TABLE_SIZE,
  ) {
    if (tableSize <= batchSize * STRINGS_PER_EVENT) throw new Error('string table too small for a batch');
    this.table = new Array<string | undefined>(tableSize);
    this.usedBy = new Int32Array(tableSize);
    this.numbers = new Float64Array(batchSize * NUMBERS_PER_EVENT);
    this.slots = new Int32Array(batchSize * STRINGS_PER_EVENT);
  }

  get length(): number {
    return this.count;
  }

  /** Adds an event; returns true when the batch is full and should be taken. */
  add(event: NormalizedEvent): boolean {
    const i = this.count++;
    const n = i * NUMBERS_PER_EVENT;
    this.numbers[n] = event.time;
    this.numbers[n + 1] = event.source.line;
    this.numbers[n + 2] = event.status ?? Number.NaN;
    let flags = 0;
    if (event.clientHint !== undefined) flags |= FLAG_HINT;
    if (event.interactive === true) flags |= FLAG_INTERACTIVE_TRUE;
    else if (event.interactive === false) flags |= FLAG_INTERACTIVE_FALSE;
    const requestLine = isRequestLine(event.action, event.method, event.path);
    if (requestLine) flags |= FLAG_ACTION_IS_REQUEST_LINE;
    this.numbers[n + 3] = flags;
    // One property read per field, spelled out: a loop over field names makes every read a slow keyed lookup.
    const slots = this.slots;
    const s = i * STRINGS_PER_EVENT;
    slots[s] = this.columnSlot(0, event.format);
    slots[s + 1] = this.columnSlot(1, event.kind);
    slots[s + 2] = requestLine ? ABSENT : this.columnSlot(2, event.action);
    slots[s + 3] = this.columnSlot(3, event.outcome);
    slots[s + 4] = this.columnSlot(4, event.user);
    slots[s + 5] = this.columnSlot(5, event.sessionId);
    slots[s + 6] = this.columnSlot(6, event.rootSessionId);
    slots[s + 7] = this.inlineSlot(event.tokenId);
    slots[s + 8] = this.columnSlot(8, event.clientId);
    slots[s + 9] = this.columnSlot(9, event.grantType);
    slots[s + 10] = this.columnSlot(10, event.ip);
    slots[s + 11] = this.columnSlot(11, event.userAgent);
    slots[s + 12] = this.columnSlot(12, event.app);
    slots[s + 13] = this.columnSlot(13, event.method);
    slots[s + 14] = this.inlineSlot(event.path);
    const hint = event.clientHint;
    slots[s + 15] = this.columnSlot(15, hint?.browser);
    slots[s + 16] = this.columnSlot(16, hint?.os);
    slots[s + 17] = this.columnSlot(17, hint?.app);
    slots[s + 18] = this.inlineSlot(extrasOf(event));
    return this.count === this.batchSize;
  }

  /** The batch so far; the encoder starts a new one. Its arrays may be transferred. */
  take(): EncodedBatch {
    const batch: EncodedBatch = {
      count: this.count,
      numbers: this.numbers,
      slots: this.slots,
      defSlots: Int32Array.from(this.defSlots),
      defStrings: this.defStrings,
      inline: this.inline,
    };
    this.batchNumber++;
    this.count = 0;
    this.numbers = this.freeNumbers.pop() ?? new Float64Array(this.batchSize * NUMBERS_PER_EVENT);
    this.slots = this.freeSlots.pop() ?? new Int32Array(this.batchSize * STRINGS_PER_EVENT);
    this.defSlots = [];
    this.defStrings = [];
    this.inline = [];
    return batch;
  }

  /** Takes back the column buffers of decoded batches, to fill again. */
  recycle(buffers: ArrayBuffer[]): void {
    for (const buffer of buffers) {
      if (buffer.byteLength === this.batchSize * NUMBERS_PER_EVENT * Float64Array.BYTES_PER_ELEMENT) {
        this.freeNumbers.push(new Float64Array(buffer));
      } else if (buffer.byteLength === this.batchSize * STRINGS_PER_EVENT * Int32Array.BYTES_PER_ELEMENT) {
        this.freeSlots.push(new Int32Array(buffer));
      }
    }
  }

  private inlineSlot(value: string | undefined): number {
    return value === undefined ? ABSENT : INLINE_BASE - (this.inline.push(value) - 1);
  }

  private columnSlot(column: number, value: string | undefined): number {
    if (value === undefined) return ABSENT;
    let slot = this.lastSlot[column]!;
    // The last value is kept as the table holds it: whether its slot still holds it is then a comparison of
    // references, and only the comparison with the new value reads characters.
    const last = this.lastValue[column];
    if (value !== last || this.table[slot] !== last) {
      slot = this.slotOf(value);
      this.lastValue[column] = this.table[slot];
      this.lastSlot[column] = slot;
    }
    this.usedBy[slot] = this.batchNumber;
    return slot;
  }

  private slotOf(cut: string): number {
    const known = this.ids.get(cut);
    if (known !== undefined) return known;
    // The table outlives the line the string was cut from: a cut kept as it is would keep the whole line alive (up to
    // 65,536 lines of 1.5 KB, for Okta's, in the worker's heap).
    const value = detach(cut);
    // The next slot this batch does not use is given to the new string; whatever held it is forgotten.
    const size = this.table.length;
    while (this.usedBy[this.hand] === this.batchNumber) this.hand = (this.hand + 1) % size;
    const slot = this.hand;
    this.hand = (this.hand + 1) % size;
    const old = this.table[slot];
    if (old !== undefined) this.ids.delete(old);
    this.table[slot] = value;
    this.ids.set(value, slot);
    this.defSlots.push(slot);
    this.defStrings.push(value);
    return slot;
  }
}

function extrasOf(event: NormalizedEvent): string | undefined {
  if (event.agent === undefined && event.headers === undefined && event.risk === undefined) return undefined;
  const extras: Extras = { agent: event.agent, headers: event.headers, risk: event.risk };
  return JSON.stringify(extras);
}

function isRequestLine(action: string, method: string | undefined, path: string | undefined): boolean {
  return (
    method !== undefined &&
    path !== undefined &&
    action.length === method.length + 1 + path.length &&
    action.charCodeAt(method.length) === 32 &&
    action.startsWith(method) &&
    action.endsWith(path)
  );
}

/** The strings of one batch's slots: one object per batch, not a closure per event. */
class BatchText {
  constructor(
    private readonly slots: Int32Array,
    private readonly table: string[],
    private readonly inline: string[],
  ) {}

  at(position: number): string | undefined {
    const slot = this.slots[position]!;
    return slot >= 0 ? this.table[slot] : slot === ABSENT ? undefined : this.inline[INLINE_BASE - slot];
  }
}

/** Main-thread side: rebuilds the events of each batch, in order, with the file they came from. */
export class EventDecoder {
  private readonly table: string[];

  constructor(tableSize = DEFAULT_TABLE_SIZE) {
    this.table = new Array<string>(tableSize);
  }

  /** Takes in a batch's new table entries without its events (a block this thread parsed itself after all). */
  define(batch: EncodedBatch): void {
    const { defSlots, defStrings } = batch;
    const table = this.table;
    for (let d = 0; d < defSlots.length; d++) table[defSlots[d]!] = defStrings[d]!;
  }

  /** `lineOffset` is added to each line number: the encoder numbered the lines of its block from 1. */
  decode(batch: EncodedBatch, file: string, onEvent: (event: NormalizedEvent) => void, lineOffset = 0): void {
    const { numbers } = batch;
    this.define(batch);
    const table = this.table;
    const text = new BatchText(batch.slots, table, batch.inline);
    for (let i = 0; i < batch.count; i++) {
      const n = i * NUMBERS_PER_EVENT;
      const s = i * STRINGS_PER_EVENT;
      const flags = numbers[n + 3]!;
      const status = numbers[n + 2]!;
      const method = text.at(s + 13);
      const path = text.at(s + 14);
      const event: NormalizedEvent = {
        time: numbers[n]!,
        source: { file, line: numbers[n + 1]! + lineOffset },
        format: text.at(s)!,
        kind: text.at(s + 1) as EventKind,
        action: flags & FLAG_ACTION_IS_REQUEST_LINE ? `${method} ${path}` : text.at(s + 2)!,
        outcome: text.at(s + 3) as Outcome,
        user: text.at(s + 4),
        sessionId: text.at(s + 5),
        rootSessionId: text.at(s + 6),
        tokenId: text.at(s + 7),
        clientId: text.at(s + 8),
        grantType: text.at(s + 9),
        ip: text.at(s + 10),
        userAgent: text.at(s + 11),
        clientHint: flags & FLAG_HINT ? { browser: text.at(s + 15), os: text.at(s + 16), app: text.at(s + 17) } : undefined,
        interactive: flags & FLAG_INTERACTIVE_TRUE ? true : flags & FLAG_INTERACTIVE_FALSE ? false : undefined,
        app: text.at(s + 12),
        method,
        path,
        status: Number.isNaN(status) ? undefined : status,
      };
      const extras = text.at(s + 18);
      if (extras !== undefined) {
        const { agent, headers, risk } = JSON.parse(extras) as Extras;
        if (agent !== undefined) event.agent = agent;
        if (headers !== undefined) event.headers = headers;
        if (risk !== undefined) event.risk = risk;
      }
      onEvent(event);
    }
  }
}
