import type { Probe } from '../format.js';
import { stripCri } from '../common/cri.js';
import { OTHER_LINES } from './layout.js';
import { matchCombined } from './map.js';

/**
 * Most probe lines have the combined or common layout (a bad request line still counts). Error-log lines
 * and partial container lines, often mixed into access logs, count neither way.
 */
export function detectCombined(probe: Probe): boolean {
  if (probe.container !== 'text') return false;
  let counted = 0;
  let hits = 0;
  for (const record of probe.records) {
    if (typeof record !== 'string') continue;
    const { text, partial } = stripCri(record);
    if (partial || OTHER_LINES.some((o) => o.pattern.test(text))) continue;
    counted++;
    if (matchCombined(text) !== undefined) hits++;
  }
  return counted > 0 && hits * 2 > counted;
}
