// Machine-readable output: the findings with positions, the rules' metadata, and a summary.
import type { LintResult } from '../engine/lint.js';
import { countByLevel, relativePath } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import { writeWithArray } from './streamed-json.js';

export function formatJson(result: LintResult, rules: readonly Rule[], version: string): string {
  const pieces: string[] = [];
  writeJson(result, rules, version, (s) => pieces.push(s));
  return pieces.join('');
}

/** The JSON report, written a finding at a time (see writeWithArray). */
export function writeJson(result: LintResult, rules: readonly Rule[], version: string, write: (s: string) => void): void {
  const doc = {
    tool: { name: 'vtaplint', version },
    root: result.root,
    // With a baseline, the findings are those that count; every state is counted here.
    summary: { ...countByLevel(result.findings), files: result.files.length, passes: result.passes, ...(result.baselineCounts ? { baseline: { file: result.baseline !== undefined ? relativePath(result.root, result.baseline) : null, ...result.baselineCounts } } : {}) },
    findings: [] as unknown[],
    rules: rules.map((r) => ({ ...r.meta, helpUri: helpUri(r.meta.id) })),
    notifications: result.notifications.map((n) => ({ level: n.level, message: n.message, file: n.file ? relativePath(result.root, n.file) : null, ...(n.at ? { line: n.at.line, column: n.at.column } : {}) })),
  };
  // Each finding made only when it is written.
  const findings = function* () {
    for (const f of result.findings) {
      yield {
        ruleId: f.ruleId,
        level: f.level,
        kind: f.kind,
        message: f.message,
        file: relativePath(result.root, f.location.file.path),
        line: f.location.region.start.line,
        column: f.location.region.start.column,
        endLine: f.location.region.end.line,
        endColumn: f.location.region.end.column,
        resource: f.logical ?? null,
        related: f.related.map((r) => ({
          file: relativePath(result.root, r.file.path),
          line: r.region.start.line,
          column: r.region.start.column,
          message: r.message,
        })),
        fingerprint: f.fingerprint,
        // With a baseline: new, or updated (one now at a higher level than the baseline's).
        ...(f.baselineState ? { baselineState: f.baselineState } : {}),
      };
    }
  };
  writeWithArray(doc, 'findings', 1, findings(), write);
}

export const REPOSITORY = 'https://github.com/vtaplint/vtaplint';

export function helpUri(ruleId: string): string {
  return `${REPOSITORY}/blob/main/rules/${ruleId}.md`;
}
