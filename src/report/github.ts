// GitHub Actions workflow commands: one ::error/::warning/::notice per finding, which GitHub shows
// as annotations on the lines of the pull request.
import type { LintResult } from '../engine/lint.js';
import { relativePath } from '../engine/lint.js';
import { sourceRoot } from '../discover/source-root.js';
import { elsewhere } from './elsewhere.js';
import { printable } from './printable.js';
import { shownNotifications } from './notification-tag.js';

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export type AnnotationKind = 'error' | 'warning' | 'notice';

/**
 * The annotations of each level GitHub keeps per step; it drops the rest without a word
 * (actions/toolkit, docs/problem-matchers.md, "Limitations"). See src/action/annotations.ts.
 */
export const ANNOTATIONS_PER_STEP: Readonly<Record<AnnotationKind, number>> = { error: 10, warning: 10, notice: 10 };

/** Why some findings have no annotation, for the log and the job summary. */
export const ANNOTATION_LIMIT_TEXT = 'GitHub shows at most 10 error, 10 warning and 10 notice annotations per step';

/**
 * Escaping of workflow command data and property values, as @actions/core does it; control
 * characters other than line ends are shown as escapes (see printable), not written to the log.
 */
export function escapeData(s: string): string {
  return printable(s).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function formatGithub(result: LintResult): string {
  // GitHub places an annotation by its path from the repository's top folder (the workspace), as
  // code scanning reads SARIF URIs: relative to the top of the git working tree, as SARIF's are
  // (source-root.ts), else to the lint root. Relative to the lint root, a step run in a subfolder
  // (`working-directory: infra`) wrote `file=az.json` for infra/az.json, which GitHub cannot place.
  const base = result.sourceRoot ?? sourceRoot(result.root);
  const lines = result.findings.map((f) => {
    const { start, end } = f.location.region;
    // Columns only within one line: GitHub drops them from an annotation over several lines
    // (@actions/core: startColumn "cannot be sent when startLine and endLine are different").
    const props = [
      `file=${escapeProperty(relativePath(base, f.location.file.path))}`,
      `line=${start.line}`,
      ...(end.line === start.line ? [`col=${start.column}`] : []),
      `endLine=${end.line}`,
      ...(end.line === start.line ? [`endColumn=${end.column}`] : []),
      `title=${escapeProperty(`vtaplint ${f.ruleId}`)}`,
    ];
    return `::${COMMAND[f.level]} ${props.join(',')}::${escapeData(`${f.message}${elsewhere(f, (file) => relativePath(base, file))}`)}`;
  });
  for (const n of shownNotifications(result)) {
    const command = n.level === 'error' ? 'error' : n.level === 'warning' ? 'warning' : 'notice';
    // The file (or folder) it is about: "cannot read the file: EACCES" said which one nowhere.
    const file = n.file !== undefined ? `file=${escapeProperty(relativePath(base, n.file))},${n.at ? `line=${n.at.line},col=${n.at.column},` : ''}` : '';
    lines.push(`::${command} ${file}title=${n.level === 'error' ? 'vtaplint internal error' : 'vtaplint'}::${escapeData(n.message.split('\n')[0] ?? '')}`);
  }
  // GitHub keeps the first 10 annotations of each level per step and drops the rest without a
  // word (src/action/annotations.ts). The log still has every command; a plain line says so, so
  // that the 11th error is not taken for absent.
  const shown: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };
  for (const l of lines) {
    const kind = /^::(error|warning|notice) /.exec(l)?.[1] as AnnotationKind | undefined;
    if (kind) shown[kind]++;
  }
  const over = (Object.keys(shown) as AnnotationKind[]).reduce((n, k) => n + Math.max(0, shown[k] - ANNOTATIONS_PER_STEP[k]), 0);
  if (over > 0) lines.push(`vtaplint: ${over} of the messages above ${over === 1 ? 'is' : 'are'} not shown as annotations (${ANNOTATION_LIMIT_TEXT}); this log has them all`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
