import { DETECTION_TIERS, TIER_MEANINGS, type LogFormat } from './format.js';

/** The README's format table sits between these lines; everything between them is generated. */
export const README_BEGIN = "<!-- formats:begin (generated from each format's docs by `npm run formats:write`; do not edit) -->";
export const README_END = '<!-- formats:end -->';

export const REGENERATE = 'npm run formats:write';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README's short table: one row per format, in registry order. */
export function renderReadmeTable(formats: readonly LogFormat[]): string {
  return [
    '| `--input-format` | log | detection tier | session tie |',
    '| --- | --- | --- | --- |',
    ...formats.map((f) => `| \`${f.id}\` | ${cell(f.title)} | ${f.detection.tier} | ${cell(f.docs.fields.session)} |`),
  ].join('\n');
}

function detectionLines(format: LogFormat): string[] {
  const lines = [`- **Detection tier:** \`${format.detection.tier}\` (${TIER_MEANINGS[format.detection.tier]})`];
  for (const [other, why] of Object.entries(format.detection.preferredOver ?? {})) {
    lines.push(`- **Preferred over \`${other}\`** when both claim a file: ${why}`);
  }
  return lines;
}

/** docs/formats.md: how detection decides, then every format's own documentation. */
export function renderFormatsDoc(formats: readonly LogFormat[]): string {
  const lines = [
    '# Input formats',
    '',
    `Generated from the formats' own documentation by \`${REGENERATE}\`; \`borrowscan formats\` prints the same.`,
    '',
    "## How a file's format is decided",
    '',
    'Every format looks at the first records of a file and says whether they are its own. When several claim a file, ' +
      'the claim of the strongest tier wins; between two claims of one tier only a preference that one of the formats ' +
      'declares decides, and a file claimed by two formats of one tier with no preference between them is not read ' +
      '(`--input-format` names the format). The order formats are listed in never decides. The tiers, strongest first:',
    '',
    ...DETECTION_TIERS.map((tier) => `- \`${tier}\`: ${TIER_MEANINGS[tier]}`),
    '',
  ];
  for (const f of formats) {
    lines.push(
      `## \`${f.id}\`: ${f.title}`,
      '',
      f.docs.summary,
      '',
      `- **Detected by:** ${f.docs.detectedBy}`,
      ...detectionLines(f),
      `- **User:** ${f.docs.fields.user}`,
      `- **Session:** ${f.docs.fields.session}`,
      `- **Client:** ${f.docs.fields.client}`,
      `- **Time:** ${f.docs.fields.time}`,
      ...(f.docs.fields.ip ? [`- **IP:** ${f.docs.fields.ip}`] : []),
      ...(f.docs.fields.headers ? [`- **Client headers:** ${f.docs.fields.headers}`] : []),
      ...(f.docs.fields.agent ? [`- **Agent identity:** ${f.docs.fields.agent}`] : []),
      ...(f.docs.fields.risk ? [`- **Risk signals:** ${f.docs.fields.risk}`] : []),
      '',
    );
  }
  return lines.join('\n');
}

/** The README with its generated table replaced; throws when the markers are missing. */
export function withReadmeTable(readme: string, formats: readonly LogFormat[]): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no ${README_BEGIN} … ${README_END} section`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n${renderReadmeTable(formats)}\n${readme.slice(end)}`;
}
