// The job summary (GITHUB_STEP_SUMMARY): totals, then findings per rule (linked to the rule's
// documentation) and per file (linked to the lines on GitHub), as Markdown tables.
import type { Finding } from '../engine/finding.js';
import type { LintResult } from '../engine/lint.js';
import { countByLevel, pathInsideRoot, relativePath } from '../engine/lint.js';
import { helpUri } from '../report/json.js';
import { ANNOTATION_LIMIT_TEXT } from './annotations.js';
import type { Env } from './runner.js';

const MAX_LINES_PER_FILE = 20;
const MAX_FILES = 200;

type Counts = Record<'error' | 'warning' | 'note', number>;

/** Markdown table cell text: pipes and line breaks would break the table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Where a file's lines are on GitHub, when the run knows its repository: the commit that was
 * checked out and linted (for a pull request, usually the merge commit), whose line numbers the
 * findings have; the PR's head has other ones when the base branch has moved.
 */
export function blobBase(env: Env, commit: string | undefined): string | undefined {
  const repo = env.GITHUB_REPOSITORY;
  const sha = commit ?? env.GITHUB_SHA;
  if (!repo || !sha) return undefined;
  return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${repo}/blob/${sha}`;
}

export function formatSummary(result: LintResult, counted: readonly Finding[], opts: { blobBase: string | undefined; annotated: number; notAnnotated: number; changedOnly: boolean }): string {
  const total = countByLevel(counted);
  const out: string[] = ['## vtaplint', ''];
  const files = new Set(result.files.filter((f) => f.kind !== 'skipped').map((f) => f.path)).size;
  out.push(`**${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${plural(total.note, 'note')}** in ${plural(files, 'file')} linted.`);
  const extra: string[] = [];
  const suppressed = result.suppressed?.length ?? 0;
  if (suppressed) extra.push(`${suppressed} suppressed`);
  if (result.baseline) {
    const states = { unchanged: 0, updated: 0 };
    for (const f of result.findings) if (f.baselineState === 'unchanged' || f.baselineState === 'updated') states[f.baselineState]++;
    extra.push(`baseline: ${states.unchanged} unchanged, ${states.updated} updated, ${result.absent?.length ?? 0} absent (only new results are counted)`);
  }
  if (opts.changedOnly) extra.push(`${plural(opts.annotated, 'annotation')} on the lines this pull request changes`);
  if (extra.length) out.push('', extra.join(' · '));
  if (opts.notAnnotated) out.push('', `**${plural(opts.notAnnotated, 'finding')} not annotated**: ${ANNOTATION_LIMIT_TEXT}. The tables below and the SARIF file have them.`);
  for (const n of result.notifications) out.push('', `> **${n.level}**: ${cell(n.message.split('\n')[0] ?? '')}`);
  if (counted.length === 0) return `${out.join('\n')}\n`;

  const byRule = new Map<string, Counts>();
  const byFile = new Map<string, { counts: Counts; findings: Finding[]; inside: boolean }>();
  for (const f of counted) {
    const r = byRule.get(f.ruleId) ?? { error: 0, warning: 0, note: 0 };
    r[f.level]++;
    byRule.set(f.ruleId, r);
    const rel = relativePath(result.root, f.location.file.path);
    const e = byFile.get(rel) ?? { counts: { error: 0, warning: 0, note: 0 }, findings: [], inside: pathInsideRoot(result.root, f.location.file.path) !== undefined };
    e.counts[f.level]++;
    e.findings.push(f);
    byFile.set(rel, e);
  }
  out.push('', '### Findings per rule', '', '| Rule | Errors | Warnings | Notes |', '| --- | ---: | ---: | ---: |');
  for (const [rule, c] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(`| [${cell(rule)}](${helpUri(rule)}) | ${c.error} | ${c.warning} | ${c.note} |`);
  }
  out.push('', '### Findings per file', '', '| File | Errors | Warnings | Notes | Lines |', '| --- | ---: | ---: | ---: | --- |');
  const fileRows = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [rel, { counts, findings, inside }] of fileRows.slice(0, MAX_FILES)) {
    // A file outside the root (an absolute path) is not in the repository: no link.
    const url = (line?: number) => (opts.blobBase && inside ? `${opts.blobBase}/${rel.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}` : undefined);
    const fileUrl = url();
    const name = fileUrl ? `[${cell(rel)}](${fileUrl})` : `\`${cell(rel)}\``;
    const lines = findings.slice(0, MAX_LINES_PER_FILE).map((f) => {
      const line = f.location.region.start.line;
      const u = url(line);
      const label = `${line}`;
      return u ? `[${label}](${u} "${cell(f.ruleId)}")` : label;
    });
    if (findings.length > MAX_LINES_PER_FILE) lines.push(`… ${findings.length - MAX_LINES_PER_FILE} more`);
    out.push(`| ${name} | ${counts.error} | ${counts.warning} | ${counts.note} | ${lines.join(', ')} |`);
  }
  if (fileRows.length > MAX_FILES) out.push('', `… and ${fileRows.length - MAX_FILES} more files (see the SARIF file).`);
  return `${out.join('\n')}\n`;
}
