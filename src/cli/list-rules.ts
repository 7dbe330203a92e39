// --list-rules: one line per rule (id, level, tags, description). --explain RULE: one rule's
// documentation, the text SARIF's help.markdown carries, so a rule id seen in a finding leads to
// what the rule checks and how to fix it without leaving the terminal (or going online). With
// --format json, both print the rules' metadata as the JSON report's `rules[]` has it (and, for
// --explain, the documentation as SARIF's `help.markdown`), for scripts.
import type { Rule } from '../engine/rule.js';
import { suggestion } from '../model/spelling.js';
import { helpUri } from '../report/json.js';

export function listRules(rules: readonly Rule[]): string {
  const idW = Math.max(...rules.map((r) => r.meta.id.length));
  const levelW = Math.max(...rules.map((r) => r.meta.defaultLevel.length));
  const tagW = Math.max(...rules.map((r) => r.meta.tags.join(',').length));
  return rules
    .map((r) => `${r.meta.id.padEnd(idW)}  ${r.meta.defaultLevel.padEnd(levelW)}  ${r.meta.tags.join(',').padEnd(tagW)}  ${r.meta.shortDescription}\n`)
    .join('');
}

/** --list-rules --format json: the JSON report's `rules[]`, one object per rule. */
export function listRulesJson(rules: readonly Rule[]): string {
  return `${JSON.stringify(rules.map(ruleJson), null, 2)}\n`;
}

function ruleJson(r: Rule): Rule['meta'] & { helpUri: string } {
  return { ...r.meta, helpUri: helpUri(r.meta.id) };
}

export function explainRule(rules: readonly Rule[], id: string, json = false): { text: string } | { error: string } {
  const rule = rules.find((r) => r.meta.id === id) ?? rules.find((r) => r.meta.id.toLowerCase() === id.toLowerCase() || r.meta.name.toLowerCase() === id.toLowerCase());
  if (!rule) {
    const near = suggestion(id, rules.map((r) => r.meta.id));
    return { error: `no rule '${id}'${near ? `; did you mean '${near}'?` : ''} (vtaplint --list-rules lists them)` };
  }
  const docs = rule.docs.endsWith('\n') ? rule.docs : `${rule.docs}\n`;
  if (json) return { text: `${JSON.stringify({ ...ruleJson(rule), help: { markdown: docs } }, null, 2)}\n` };
  return { text: `${docs}\nOnline: ${helpUri(rule.meta.id)}\n` };
}
