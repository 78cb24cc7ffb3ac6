import { describeRules } from '../engine/rule-catalog.js';
import { safeJson } from '../report/escape.js';
import type { CliIO } from './io.js';

export function runRulesCommand(format: string, io: CliIO): number {
  const rules = describeRules();
  if (format === 'json') {
    io.stdout.write(`${safeJson(rules, 2)}\n`);
    return 0;
  }
  const blocks = rules.map((r) =>
    [`${r.id}  (${r.severity})  ${r.title}`, wrap(r.description, 96, '    '), ...r.references.map((ref) => `    - ${ref}`)].join('\n'),
  );
  io.stdout.write(`${blocks.join('\n\n')}\n`);
  return 0;
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
