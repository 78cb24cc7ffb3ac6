import type { NormalizedEvent } from '../model/event.js';
import { activeFieldMap, applyMapped, injectMapped, type FieldMap } from './field-map.js';
import { isSkip, type LogFormat, type MapResult, type RecordContext, type Skip } from './format.js';
import type { RecordSink } from './records/sink.js';

/** Where mapped records go: an event, or a line that is skipped with a reason. */
export interface MappedSink {
  event(event: NormalizedEvent): void;
  error(line: number, reason: string): void;
}

const describe = (err: unknown): string => `could not map record: ${err instanceof Error ? err.message : String(err)}`;

/**
 * Maps each record a container reader finds to the event model with `format`, applying `--map` overrides. An
 * envelope the format opens (`unwrap`) gives one result per record inside it, all on the envelope's line.
 */
export function mappingSink(format: LogFormat, file: string, overrides: FieldMap | undefined, out: MappedSink): RecordSink {
  const ctx: RecordContext = { file, line: 0 };
  const fieldMap = activeFieldMap(overrides);

  const mapOne = (value: unknown, line: number): void => {
    let result: MapResult;
    ctx.line = line;
    try {
      result = format.map(fieldMap ? injectMapped(value, fieldMap) : value, ctx);
      if (fieldMap && !isSkip(result)) result = applyMapped(result, value, fieldMap);
    } catch (err) {
      out.error(line, describe(err));
      return;
    }
    if (isSkip(result)) out.error(line, result.skip);
    else out.event(result);
  };

  const unwrap = format.unwrap?.bind(format);
  // Lines mapped straight from their bytes, where the format can and no --map override needs the whole record.
  const mapLine = fieldMap ? undefined : format.mapLine?.bind(format);
  const line = mapLine
    ? (bytes: Buffer, start: number, end: number, at: number): boolean => {
        ctx.line = at;
        let result: MapResult | undefined;
        try {
          result = mapLine(bytes, start, end, ctx);
        } catch {
          // Whatever went wrong, the line is read as usual, which says what it is.
          return false;
        }
        if (result === undefined) return false;
        if (isSkip(result)) out.error(at, result.skip);
        else out.event(result);
        return true;
      }
    : undefined;
  return {
    ...(line ? { line } : {}),
    record(value, line) {
      if (!unwrap) return mapOne(value, line);
      let inner: ReturnType<typeof unwrap>;
      try {
        inner = unwrap(value);
      } catch (err) {
        out.error(line, describe(err));
        return;
      }
      if (inner === undefined) mapOne(value, line);
      else if (Array.isArray(inner)) for (const record of inner) mapOne(record, line);
      else out.error(line, (inner as Skip).skip);
    },
    error: (line, reason) => out.error(line, reason),
  };
}
