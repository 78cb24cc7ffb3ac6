import { escapeTerminal } from './escape.js';

/**
 * Log fields are attacker-controlled, and GitHub renders Markdown generously: besides markup and raw HTML, bare
 * `https://…`, `www.…` and e-mail addresses become links (GFM autolink literals), and `@user`, `@org/team`, `#123` or
 * a commit hash become mentions and references (GitHub's own filters, which work on the rendered text, so a backslash
 * before the `@` does not stop them). Inside a code span none of that happens: GFM parses no inline syntax there and
 * GitHub's filters skip code. So a log value is shown as inline code, exactly as typed (terminal escapes made visible).
 */
export function code(value: string): string {
  const text = escapeTerminal(value);
  if (text === '') return '(empty)';
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A code span drops one space on each side when both are there: pad when the text begins or ends with a
  // backtick or a space, so that what is shown is the text itself.
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A word of running text that GitHub could turn into a link, a mention or a reference. */
const LINKABLE = /@|:\/\/|www\.|^(?:mailto|xmpp):|#\d|\bgh-\d|\b[0-9a-f]{7,40}\b/i;

/**
 * Running text that may hold log values (a finding's reason, a suppression's reason): markup characters are
 * backslash-escaped and HTML's are written as entities, and every word GitHub could link (see LINKABLE) is set as
 * inline code instead.
 */
export function md(value: string): string {
  return escapeTerminal(value)
    .split(/(\s+)/)
    .map((word, i) => (i % 2 === 1 ? word : LINKABLE.test(word) ? code(word) : markupEscaped(word)))
    .join('');
}

function markupEscaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1');
}
