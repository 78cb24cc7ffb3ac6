import { UsageError } from '../shared/errors.js';
import type { FieldMap } from './field-map.js';
import type { LogFormat } from './format.js';
import { compileLogFormat } from './log-format/index.js';
import { FORMATS, findFormat } from './registry.js';

/** How the user chose formats: plain data, so that a worker thread can make the same choice. */
export interface FormatChoice {
  /** `--input-format`: force this format id instead of detecting one per file. */
  inputFormat?: string;
  /** `--log-format`: an nginx log_format string for text logs in a custom layout. */
  logFormat?: string;
  /** Cookie names that hold a session in --log-format's `$cookie_<name>`. */
  sessionCookies?: string[];
  /** `--map field=path` overrides for JSON and CSV records. */
  fieldMap?: FieldMap;
}

export interface SelectedFormats {
  formats: readonly LogFormat[];
  forced?: LogFormat;
}

/** The formats detection tries (a --log-format first: it says exactly how the lines are laid out), and a forced one. */
export function selectFormats(choice: FormatChoice, base: readonly LogFormat[] = FORMATS): SelectedFormats {
  let formats = base;
  if (choice.logFormat !== undefined) {
    try {
      formats = [compileLogFormat(choice.logFormat, { sessionCookies: choice.sessionCookies }), ...base];
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
  }
  const forced = choice.inputFormat !== undefined ? resolveFormat(choice.inputFormat, formats) : undefined;
  return { formats, forced };
}

function resolveFormat(id: string, formats: readonly LogFormat[]): LogFormat {
  const format = formats.find((f) => f.id === id) ?? findFormat(id);
  if (!format) {
    throw new UsageError(`unknown input format "${id}"; supported: ${formats.map((f) => f.id).join(', ')}`);
  }
  return format;
}
