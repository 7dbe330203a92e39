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

/**
 * GitHub drops a step's job summary whole, not truncated, when it is larger than 1 MiB
 * ("$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k"). 200 files of
 * 20 line links each fit only when paths are short: 300 files 90 characters deep in a repository
 * with a long name made 1.2 MB, and the run had no summary at all. The summary is kept under it.
 */
export const SUMMARY_MAX_BYTES = 1024 * 1024;
/** Room kept for the lines that say what was left out. */
const SUMMARY_RESERVE = 2048;

/** Lines of Markdown within a byte budget (UTF-8, with their line breaks). */
class Budget {
  readonly lines: string[] = [];
  private bytes = 0;
  /** Once a line did not fit, none after it is added (a shorter one would leave a gap). */
  private full = false;

  constructor(private readonly max: number) {}

  /** Adds the line when it fits in the budget less the reserve; false when it does not. */
  add(line: string): boolean {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (this.full || this.bytes + size > this.max - SUMMARY_RESERVE) {
      this.full = true;
      return false;
    }
    this.lines.push(line);
    this.bytes += size;
    return true;
  }

  /** A line that says what was left out: written in the reserve. */
  force(line: string): void {
    this.lines.push(line);
    this.bytes += Buffer.byteLength(line, 'utf8') + 1;
  }
}

type Counts = Record<'error' | 'warning' | 'note', number>;

/** Markdown table cell text: pipes and line breaks would break the table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * A file's name as Markdown text (a link's text, or plain): `]` ended a link early, `*`, `_` and
 * backticks began emphasis or code. ASCII punctuation that Markdown reads is escaped with `\`.
 */
const markdownText = (s: string) => cell(s.replace(/[\\`*_{}[\]<>()#+!~]/g, '\\$&'));

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

export function formatSummary(
  result: LintResult,
  counted: readonly Finding[],
  opts: { blobBase: string | undefined; annotated: number; notAnnotated: number; sarifLeftOut?: number; sarifWritten?: boolean; changedOnly: boolean; annotationsOff?: boolean; noDiff?: string; maxBytes?: number },
): string {
  const total = countByLevel(counted);
  const budget = new Budget(opts.maxBytes ?? SUMMARY_MAX_BYTES);
  const out = { push: (...lines: string[]) => lines.every((l) => budget.add(l)) };
  out.push('## vtaplint', '');
  const files = new Set(result.files.filter((f) => f.kind !== 'skipped').map((f) => f.path)).size;
  out.push(`**${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${plural(total.note, 'note')}** in ${plural(files, 'file')} linted.`);
  const extra: string[] = [];
  const suppressed = result.suppressed?.length ?? 0;
  if (suppressed) extra.push(`${suppressed} suppressed`);
  if (result.baseline) {
    const states = { unchanged: 0, updated: 0 };
    for (const f of result.findings) if (f.baselineState === 'unchanged' || f.baselineState === 'updated') states[f.baselineState]++;
    const escalated = result.findings.filter((f) => f.baselineEscalated).length;
    extra.push(
      `baseline: ${states.unchanged} unchanged, ${states.updated} updated${escalated ? ` (${escalated} at a higher level than in the baseline)` : ''}, ${result.absent?.length ?? 0} absent (only new results, and updated ones now at a higher level, are counted)`,
    );
  }
  // With the cache input: how much of the lint it saved (a cache that never hits is worth seeing).
  if (result.cache) extra.push(`result cache: ${result.cache.hits} of ${result.cache.hits + result.cache.misses} files unchanged since it was saved`);
  if (opts.changedOnly) extra.push(`${plural(opts.annotated, 'annotation')} on the lines this pull request changes`);
  if (opts.annotationsOff) extra.push('findings not annotated (input annotations: false)');
  if (opts.noDiff) extra.push(cell(opts.noDiff));
  if (extra.length) out.push('', extra.join(' · '));
  if (opts.notAnnotated) out.push('', `**${plural(opts.notAnnotated, 'finding')} not annotated**: ${ANNOTATION_LIMIT_TEXT}. ${opts.sarifLeftOut || opts.sarifWritten === false ? 'The tables below count them.' : 'The SARIF file has them all; the tables below count them.'}`);
  const notes = result.notifications;
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i] as (typeof notes)[number];
    if (!out.push('', `> **${n.level}**: ${cell(n.message.split('\n')[0] ?? '')}`)) {
      budget.force('');
      budget.force(`> … ${plural(notes.length - i, 'more message')} (see the log and the SARIF file)`);
      break;
    }
  }
  if (counted.length === 0) return `${budget.lines.join('\n')}\n`;

  const byRule = new Map<string, Counts>();
  const byFile = new Map<string, { counts: Counts; findings: Finding[]; inside: boolean }>();
  for (const f of counted) {
    const r = byRule.get(f.ruleId) ?? { error: 0, warning: 0, note: 0 };
    r[f.level]++;
    byRule.set(f.ruleId, r);
    // From the repository's top (source-root.ts), as its blob links need: not the workspace when
    // the repository is checked out in a folder of it (`actions/checkout` `path: sub`).
    const base = result.sourceRoot ?? result.root;
    const rel = relativePath(base, f.location.file.path);
    const e = byFile.get(rel) ?? { counts: { error: 0, warning: 0, note: 0 }, findings: [], inside: pathInsideRoot(base, f.location.file.path) !== undefined };
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
  let shown = 0;
  for (const [rel, { counts, findings, inside }] of fileRows.slice(0, MAX_FILES)) {
    // A file outside the root (an absolute path) is not in the repository: no link.
    const url = (line?: number) => (opts.blobBase && inside ? `${opts.blobBase}/${rel.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}` : undefined);
    const fileUrl = url();
    // Unlinked (a file outside the repository): as code, unless a backtick in it would end the code.
    const name = fileUrl ? `[${markdownText(rel)}](${fileUrl})` : rel.includes('`') ? markdownText(rel) : `\`${cell(rel)}\``;
    // Each line once, with how many findings it has: the findings of a copy loop are all on one
    // line, and listing a line per finding showed '42, 42, 42, …' 20 times and none of the others.
    const atLine = new Map<number, { count: number; rules: Set<string> }>();
    for (const f of findings) {
      const line = f.location.region.start.line;
      const e = atLine.get(line) ?? { count: 0, rules: new Set<string>() };
      e.count++;
      e.rules.add(f.ruleId);
      atLine.set(line, e);
    }
    const distinct = [...atLine].sort(([a], [b]) => a - b);
    const lines = distinct.slice(0, MAX_LINES_PER_FILE).map(([line, { count, rules }]) => {
      const u = url(line);
      const label = count > 1 ? `${line} (×${count})` : `${line}`;
      return u ? `[${label}](${u} "${cell([...rules].join(', '))}")` : label;
    });
    if (distinct.length > MAX_LINES_PER_FILE) lines.push(`… ${distinct.length - MAX_LINES_PER_FILE} more lines`);
    if (!out.push(`| ${name} | ${counts.error} | ${counts.warning} | ${counts.note} | ${lines.join(', ')} |`)) break;
    shown++;
  }
  if (fileRows.length > shown) {
    budget.force('');
    budget.force(`… and ${plural(fileRows.length - shown, 'more file')} (see the SARIF file).`);
  }
  return `${budget.lines.join('\n')}\n`;
}
