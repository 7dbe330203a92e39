// --list-rules: one line per rule (id, level, tags, description).
import type { Rule } from '../engine/rule.js';

export function listRules(rules: readonly Rule[]): string {
  const idW = Math.max(...rules.map((r) => r.meta.id.length));
  const levelW = Math.max(...rules.map((r) => r.meta.defaultLevel.length));
  const tagW = Math.max(...rules.map((r) => r.meta.tags.join(',').length));
  return rules
    .map((r) => `${r.meta.id.padEnd(idW)}  ${r.meta.defaultLevel.padEnd(levelW)}  ${r.meta.tags.join(',').padEnd(tagW)}  ${r.meta.shortDescription}\n`)
    .join('');
}
