import { safeJson } from './escape.js';
import type { ReportSink } from './sink.js';

/** An array whose items are written one by one as they come, never gathered: the findings of a report. */
export class StreamedArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/**
 * Writes `value` exactly as `safeJson(value, 2)` would, except that a StreamedArray anywhere inside it is written
 * item by item (each item stringified on its own), so a report of any number of findings never becomes one string.
 */
export async function writeJson(sink: ReportSink, value: unknown, indent = ''): Promise<void> {
  if (value instanceof StreamedArray) return writeStreamedArray(sink, value, indent);
  if (!holdsStreamed(value)) return sink.write(reindent(safeJson(value, 2), indent));
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    await sink.write('[');
    for (let i = 0; i < value.length; i++) {
      await sink.write(`${i > 0 ? ',' : ''}\n${inner}`);
      // JSON.stringify writes undefined, functions and symbols inside arrays as null.
      await writeJson(sink, isOmitted(value[i]) ? null : value[i], inner);
    }
    return sink.write(value.length > 0 ? `\n${indent}]` : ']');
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isOmitted(v));
  await sink.write('{');
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i]!;
    await sink.write(`${i > 0 ? ',' : ''}\n${inner}${safeJson(key)}: `);
    await writeJson(sink, v, inner);
  }
  return sink.write(entries.length > 0 ? `\n${indent}}` : '}');
}

async function writeStreamedArray(sink: ReportSink, array: StreamedArray, indent: string): Promise<void> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of array.items) {
    const prefix = `${first ? '[' : ','}\n${inner}`;
    first = false;
    if (holdsStreamed(item)) {
      await sink.write(prefix);
      await writeJson(sink, item, inner);
    } else {
      await sink.write(prefix + reindent(safeJson(isOmitted(item) ? null : item, 2), inner));
    }
  }
  await sink.write(first ? '[]' : `\n${indent}]`);
}

/** JSON text never holds a raw newline inside a string, so every newline is a line break of the layout. */
function reindent(json: string, indent: string): string {
  return indent === '' ? json : json.replace(/\n/g, `\n${indent}`);
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function holdsStreamed(value: unknown): boolean {
  if (value instanceof StreamedArray) return true;
  if (value === null || typeof value !== 'object') return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return Object.values(value).some(holdsStreamed);
}
