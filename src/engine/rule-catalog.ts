import type { RuleDescriptor } from '../model/report.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';

/** Rules as reports describe them: what SARIF's tool.driver.rules and `borrowscan rules` print. */
export function describeRules(rules: readonly Rule[] = RULES): RuleDescriptor[] {
  return rules.map((r) => ({ id: r.id, severity: r.severity, title: r.title, description: r.description, references: r.references }));
}

/** Every rule id, for validating the rule names an ignore file refers to. */
export function ruleIds(rules: readonly Rule[] = RULES): string[] {
  return rules.map((r) => r.id);
}
