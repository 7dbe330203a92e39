// Machine-readable output: the findings with positions, the rules' metadata, and a summary.
import type { LintResult } from '../engine/lint.js';
import { countByLevel, relativePath } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';

export function formatJson(result: LintResult, rules: readonly Rule[], version: string): string {
  const pieces: string[] = [];
  writeJson(result, rules, version, (s) => pieces.push(s));
  return pieces.join('');
}

/**
 * The JSON report, written a finding at a time: the same text as JSON.stringify(report, null, 2),
 * without the whole report as objects and as one string at once (10,000 findings make 7 MB, at
 * the end of the run when memory is fullest).
 */
export function writeJson(result: LintResult, rules: readonly Rule[], version: string, write: (s: string) => void): void {
  const doc = {
    tool: { name: 'vtaplint', version },
    root: result.root,
    summary: { ...countByLevel(result.findings), files: result.files.length, passes: result.passes },
    findings: [] as unknown[],
    rules: rules.map((r) => ({ ...r.meta, helpUri: helpUri(r.meta.id) })),
    notifications: result.notifications.map((n) => ({ level: n.level, message: n.message, file: n.file ? relativePath(result.root, n.file) : null })),
  };
  const whole = JSON.stringify(doc, null, 2);
  // A top-level key is the only text at this indentation after a line break (line breaks inside
  // strings are escaped), so the empty findings array is found exactly.
  const marker = '\n  "findings": []';
  const at = whole.indexOf(marker);
  if (result.findings.length === 0) {
    write(`${whole}\n`);
    return;
  }
  if (at < 0) throw new Error('JSON report: the findings array was not found');
  write(whole.slice(0, at));
  write('\n  "findings": [');
  result.findings.forEach((f, i) => {
    const one = JSON.stringify(
      {
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
      },
      null,
      2,
    );
    // Indented as an element of the top-level array is: four more spaces on every line.
    write(`${i > 0 ? ',' : ''}\n    ${one.replaceAll('\n', '\n    ')}`);
  });
  write('\n  ]');
  write(`${whole.slice(at + marker.length)}\n`);
}

export const REPOSITORY = 'https://github.com/vtaplint/vtaplint';

export function helpUri(ruleId: string): string {
  return `${REPOSITORY}/blob/main/rules/${ruleId}.md`;
}
