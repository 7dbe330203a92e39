// Baselines: an earlier run's SARIF file, matched by fingerprint (partialFingerprints
// "vtaplint/v1", which depends on neither line numbers, file order nor machine). Each result of
// this run becomes new, unchanged or updated (same fingerprint, different level or message); the
// baseline's results this run no longer has are kept as absent. New results count, and updated
// ones now at a higher level than the baseline accepted (see Finding.baselineEscalated).
import { readFileSync } from 'node:fs';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { SourceText } from '../model/source.js';
import { ConfigError } from './config.js';
import { sarifLevel, type Finding } from './finding.js';

export const FINGERPRINT_KEY = 'vtaplint/v1';

/** A SARIF result of the baseline, as read (re-emitted as is, marked absent, when it is gone). */
export interface AbsentResult {
  ruleId: string;
  level: string;
  message: string;
  fingerprint: string;
  raw: Record<string, unknown>;
}

export interface Baseline {
  file: string;
  byFingerprint: Map<string, AbsentResult>;
}

interface SarifShape {
  runs?: { tool?: { driver?: { name?: string } }; results?: Record<string, unknown>[] }[];
}

export function readBaseline(file: string): Baseline {
  let doc: SarifShape;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new ConfigError(`baseline ${file}: cannot read it: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  try {
    doc = JSON.parse(text) as SarifShape;
  } catch {
    // JSON.parse's message quotes the text around the error, line breaks and all: the place instead.
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at = new SourceText(file, text, 'other').position(first?.offset ?? 0);
    const what = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'cannot parse it';
    throw new ConfigError(`baseline ${file}:${at.line}:${at.column}: not valid JSON: ${what}`, { file, line: at.line, column: at.column });
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.runs)) throw new ConfigError(`baseline ${file}: not a SARIF log (no "runs")`, { file });
  const byFingerprint = new Map<string, AbsentResult>();
  for (const run of doc.runs) {
    if (run.tool?.driver?.name !== 'vtaplint') continue;
    for (const raw of run.results ?? []) {
      // A result already absent in the baseline is gone for good; carrying it on would never end.
      if (raw.baselineState === 'absent') continue;
      const fp = (raw.partialFingerprints as Record<string, unknown> | undefined)?.[FINGERPRINT_KEY];
      if (typeof fp !== 'string') continue;
      const message = (raw.message as { text?: unknown } | undefined)?.text;
      byFingerprint.set(fp, {
        ruleId: typeof raw.ruleId === 'string' ? raw.ruleId : '',
        level: typeof raw.level === 'string' ? raw.level : 'warning',
        message: typeof message === 'string' ? message : '',
        fingerprint: fp,
        raw,
      });
    }
  }
  return { file, byFingerprint };
}

/** Sets each finding's baselineState; returns the baseline's results that are gone. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): AbsentResult[] {
  const seen = new Set<string>();
  for (const f of findings) {
    const old = baseline.byFingerprint.get(f.fingerprint);
    if (!old) {
      f.baselineState = 'new';
      continue;
    }
    seen.add(f.fingerprint);
    // Compared as the baseline's SARIF has them: an indeterminate note is level "none" there.
    const level = sarifLevel(f);
    f.baselineState = old.level === level && old.message === f.message ? 'unchanged' : 'updated';
    if ((SEVERITY[level] ?? 0) > (SEVERITY[old.level] ?? 0)) f.baselineEscalated = true;
  }
  return [...baseline.byFingerprint.values()].filter((r) => !seen.has(r.fingerprint));
}

/** SARIF levels by severity ("none" and unknown levels lowest). */
const SEVERITY: Record<string, number> = { note: 1, warning: 2, error: 3 };

/** How many results of a run with a baseline are in each state. */
export interface BaselineCounts {
  new: number;
  unchanged: number;
  updated: number;
  /** Of the updated ones, those at a higher level than the baseline's (shown and counted). */
  escalated: number;
  absent: number;
}

export function baselineCounts(findings: readonly Finding[], absent: readonly unknown[]): BaselineCounts {
  const counts: BaselineCounts = { new: 0, unchanged: 0, updated: 0, escalated: 0, absent: absent.length };
  for (const f of findings) {
    if (f.baselineState) counts[f.baselineState]++;
    if (f.baselineEscalated) counts.escalated++;
  }
  return counts;
}

/**
 * The states of a run against a baseline in a sentence, for the formats people read (which show
 * only what counts): "baseline b.sarif: 1 new, 3 unchanged, 1 updated, 2 absent; ...".
 */
export function baselineSentence(file: string, c: BaselineCounts): string {
  const updated = c.escalated ? `${c.updated} updated (${c.escalated} at a higher level than in the baseline, shown and counted)` : `${c.updated} updated`;
  return (
    `baseline ${file}: ${c.new} new, ${c.unchanged} unchanged, ${updated}, ${c.absent} absent; ` +
    'only new results and those now at a higher level are shown and counted (updated: the same finding at another level or with another message; absent: gone; --format sarif lists every state)'
  );
}
