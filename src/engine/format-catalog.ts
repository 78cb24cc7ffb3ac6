import type { Container, FormatDocs } from '../input/format.js';
import { FORMATS } from '../input/registry.js';

export interface FormatDescription extends FormatDocs {
  id: string;
  title: string;
  container: Container;
}

/** Every input format with its own documentation, in registry order: what `borrowscan formats` prints. */
export function describeFormats(): FormatDescription[] {
  return FORMATS.map((f) => ({ id: f.id, title: f.title, container: f.container, ...f.docs }));
}

export function formatIds(): string[] {
  return FORMATS.map((f) => f.id);
}
