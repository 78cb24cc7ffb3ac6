import type { NormalizedEvent } from '../model/event.js';
import { activeFieldMap, applyMapped, injectMapped, type FieldMap } from './field-map.js';
import { isSkip, type LogFormat, type RecordContext } from './format.js';
import type { RecordSink } from './records/sink.js';

/** Where mapped records go: an event, or a line that is skipped with a reason. */
export interface MappedSink {
  event(event: NormalizedEvent): void;
  error(line: number, reason: string): void;
}

/** Maps each record a container reader finds to the event model with `format`, applying `--map` overrides. */
export function mappingSink(format: LogFormat, file: string, overrides: FieldMap | undefined, out: MappedSink): RecordSink {
  const ctx: RecordContext = { file, line: 0 };
  const fieldMap = activeFieldMap(overrides);
  return {
    record(value, line) {
      let result;
      ctx.line = line;
      try {
        result = format.map(fieldMap ? injectMapped(value, fieldMap) : value, ctx);
        if (fieldMap && !isSkip(result)) result = applyMapped(result, value, fieldMap);
      } catch (err) {
        out.error(line, `could not map record: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      if (isSkip(result)) {
        out.error(line, result.skip);
        return;
      }
      out.event(result);
    },
    error: (line, reason) => out.error(line, reason),
  };
}
