import { z } from 'zod';
import { parseTime } from '../shared/time.js';
import type { Finding } from '../model/finding.js';
import { compilePattern } from './pattern.js';
import { loadConfig } from './yaml.js';

export { DEFAULT_IGNORE_FILE } from './files.js';

const dateLike = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const ms = v instanceof Date ? v.getTime() : parseTime(v);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `unparseable date "${String(v)}": use YYYY-MM-DD or ISO 8601` });
    return z.NEVER;
  }
  return ms;
});

const patternString = z.string().min(1, 'a pattern must not be empty');

/** The ignore file's schema; rule names are checked against the rules the caller runs (config knows no rules). */
export function suppressionFileSchema(ruleIds: readonly string[]) {
  const rule = z.string().refine((id) => ruleIds.includes(id), { message: `unknown rule; known rules: ${ruleIds.join(', ')}` });
  const entry = z
    .strictObject({
      id: z
        .string()
        .regex(/^bs-[0-9a-f]{16}$/, 'a finding id looks like bs- and 16 hex digits')
        .optional(),
      rule: rule.optional(),
      user: patternString.optional(),
      session: patternString.optional(),
      userAgent: patternString.optional(),
      reason: z.string({ message: 'every entry needs a reason' }).trim().min(1, 'every entry needs a reason'),
      expires: dateLike.optional(),
      owner: z.string().optional(),
    })
    .refine((e) => e.id !== undefined || (e.rule !== undefined && (e.user ?? e.session ?? e.userAgent) !== undefined), {
      message: 'an entry names a finding id, or a rule with a user, session or userAgent pattern',
    });
  return z.strictObject({
    version: z.literal(1).optional(),
    suppressions: z.array(entry),
  });
}

export type SuppressionEntry = z.infer<ReturnType<typeof suppressionFileSchema>>['suppressions'][number];

export interface Suppression {
  entry: SuppressionEntry;
  file: string;
  line: number;
  matches(finding: Finding): boolean;
}

/** Loads an ignore file; `ruleIds` are the rules a `rule:` entry may name. */
export async function loadSuppressions(file: string, ruleIds: readonly string[]): Promise<Suppression[]> {
  const loaded = await loadConfig(file, suppressionFileSchema(ruleIds), 'ignore file');
  return loaded.data.suppressions.map((entry, i) => ({
    entry,
    file,
    line: loaded.lineOf(['suppressions', i]),
    matches: matcherFor(entry),
  }));
}

function matcherFor(entry: SuppressionEntry): (f: Finding) => boolean {
  if (entry.id !== undefined) return (f) => f.id === entry.id;
  const user = entry.user !== undefined ? compilePattern(entry.user) : undefined;
  const session = entry.session !== undefined ? compilePattern(entry.session) : undefined;
  const agent = entry.userAgent !== undefined ? compilePattern(entry.userAgent) : undefined;
  return (f) =>
    f.rule === entry.rule &&
    (!user || user.test(f.user ?? '')) &&
    (!session || session.test(f.session)) &&
    (!agent || agent.test(f.client.userAgent));
}
