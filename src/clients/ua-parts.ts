/**
 * A user agent cut into its parts in one pass (RFC 9110: products `name/version` and parenthesized comments):
 * products outside parentheses, split on spaces, `;`, `,` and brackets; comment items split on `;` and `,`.
 * Real user agents bend the grammar (spaces in names, semicolons between products), so this never fails.
 */
export interface UaPart {
  text: string;
  /** 0 outside parentheses, else the 1-based number of the top-level comment it is in. */
  comment: number;
  /** Its text before the first `/`, lowercase: a product's name. */
  name: string;
}

export interface UaParts {
  parts: UaPart[];
  comments: number;
  /** Lowercase names of the products outside parentheses (`chrome`, `cfnetwork`), for quick questions. */
  products: Set<string>;
}

export function uaParts(ua: string): UaParts {
  const parts: UaPart[] = [];
  let depth = 0;
  let comments = 0;
  let start = 0;
  const cut = (end: number) => {
    const text = ua.slice(start, end).trim();
    if (text === '') return;
    const slash = text.indexOf('/');
    parts.push({ text, comment: depth > 0 ? comments : 0, name: (slash < 0 ? text : text.slice(0, slash)).toLowerCase() });
  };
  for (let i = 0; i < ua.length; i++) {
    const c = ua.charCodeAt(i);
    if (c === 40 /* ( */) {
      if (depth === 0) {
        cut(i);
        comments++;
        start = i + 1;
      }
      depth++;
    } else if (c === 41 /* ) */ && depth > 0) {
      depth--;
      if (depth === 0) {
        depth = 1;
        cut(i);
        depth = 0;
        start = i + 1;
      }
    } else if (depth === 1 && (c === 59 /* ; */ || c === 44) /* , */) {
      cut(i);
      start = i + 1;
    } else if (depth === 0 && (c === 32 || c === 9 || c === 59 || c === 44 || c === 91 /* [ */ || c === 93) /* ] */) {
      cut(i);
      start = i + 1;
    }
  }
  cut(ua.length);
  const products = new Set<string>();
  for (const part of parts) if (part.comment === 0) products.add(part.name);
  return { parts, comments, products };
}
