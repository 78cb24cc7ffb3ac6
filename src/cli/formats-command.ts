import { describeFormats } from '../engine/format-catalog.js';
import { safeJson } from '../report/escape.js';
import type { CliIO } from './io.js';

export function runFormatsCommand(format: string, io: CliIO): number {
  const formats = describeFormats();
  if (format === 'json') {
    io.stdout.write(`${safeJson(formats, 2)}\n`);
    return 0;
  }
  const blocks = formats.map((f) =>
    [
      `${f.id}  ${f.title}`,
      `    reads      ${f.summary}`,
      `    detected   ${f.detectedBy}`,
      `    user       ${f.fields.user}`,
      `    session    ${f.fields.session}`,
      `    client     ${f.fields.client}`,
      `    time       ${f.fields.time}`,
      ...(f.fields.ip ? [`    ip         ${f.fields.ip}`] : []),
      ...(f.fields.headers ? [`    headers    ${f.fields.headers}`] : []),
      ...(f.fields.agent ? [`    agent      ${f.fields.agent}`] : []),
      ...(f.fields.risk ? [`    risk       ${f.fields.risk}`] : []),
    ].join('\n'),
  );
  io.stdout.write(`${blocks.join('\n\n')}\n`);
  return 0;
}
