import { escapeTerminal } from './escape.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Log fields are attacker-controlled. Makes a string safe as HTML (or SVG) text and as a quoted attribute value: the
 * five characters that could open markup or close an attribute become entities, and control characters, bidirectional
 * overrides and other invisible format characters become visible escapes (`\u202e`), so no text hides or reorders
 * what is around it. Only ever used inside elements and double-quoted attributes that are no URL, style or script.
 */
export function html(value: string): string {
  return escapeTerminal(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
