import type { Probe } from '../format.js';
import { parseTime } from '../../shared/time.js';
import { ALB_FIELDS as F } from './fields.js';
import { albFields } from './map.js';

function looksLikeAlb(line: string): boolean {
  const fields = albFields(line);
  return Array.isArray(fields) && parseTime(fields[F.time]?.value) !== undefined;
}

/** Most probe lines start `http|https|h2|grpcs|ws|wss <ISO time> app/<name>/<id>`. */
export function detectAlb(probe: Probe): boolean {
  if (probe.container !== 'text') return false;
  const lines = probe.records.filter((r): r is string => typeof r === 'string');
  if (lines.length === 0) return false;
  const hits = lines.filter(looksLikeAlb).length;
  return hits * 2 > lines.length;
}
