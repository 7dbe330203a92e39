// A finding: one rule verdict (or stage diagnostic) placed in a file, ready for formatters.
import { createHash } from '../model/lazy-builtins.js';
import type { Region, Span } from '../model/span.js';
import type { SourceText } from '../model/source.js';
import { cmp } from '../model/order.js';
import type { Level, ResultKind } from './rule.js';

export interface FindingLocation {
  file: SourceText;
  region: Region;
}

/**
 * A finding's level in SARIF: its own for a failure; "none" for any other kind (an indeterminate
 * verdict is kind "review"), as SARIF 2.1.0 §3.27.10 requires.
 */
export function sarifLevel(f: Pick<Finding, 'kind' | 'level'>): Level | 'none' {
  return f.kind === 'fail' ? f.level : 'none';
}

export interface Finding {
  ruleId: string;
  level: Level;
  kind: ResultKind;
  message: string;
  location: FindingLocation;
  related: (FindingLocation & { message: string })[];
  /** Logical location: the resource the finding is about ("Microsoft.Network/virtualNetworkTaps/tap1"). */
  logical: string | undefined;
  /** Stable identity across runs: does not depend on line numbers, file order or machine. */
  fingerprint: string;
  /** The primary span (formatters use `location`; fingerprints and suppressions use the span). */
  span: Span;
  /** Set when a suppression applies (src/engine/suppress.ts): SARIF result.suppressions. */
  suppressions?: AppliedSuppression[];
  /**
   * The message naming its resource by its plain name, when the message names it with its modules
   * ("TAP 'm.tap'" -> "TAP 'tap'"): how names are qualified depends on the entry that deploys the
   * module, and the same verdict reached through two entries is one finding (lint.ts withoutRepeats).
   */
  plainMessage?: string | undefined;
  /** The file (absolute) a finding says does not exist (a module or linked template): see Diagnostic.missingFile. */
  missingFile?: string;
  /** Set when linting against a baseline (src/engine/baseline.ts): SARIF result.baselineState. */
  baselineState?: 'new' | 'unchanged' | 'updated';
  /**
   * An updated finding at a higher level than the baseline has it (a note the config made an
   * error): the baseline accepted it at its old level only, so it is shown and counted as a new one.
   */
  baselineEscalated?: boolean;
}

export interface AppliedSuppression {
  /** SARIF suppression kind: in the file itself, or in the configuration. */
  kind: 'inSource' | 'external';
  justification: string | undefined;
  location: FindingLocation;
}

export function locate(span: Span): FindingLocation {
  return { file: span.file, region: span.region() };
}

/** The text a span covers, whitespace collapsed (part of the fingerprint: survives moved lines). */
export function spanText(span: Span): string {
  return span.text(400).replace(/\s+/g, ' ').trim();
}

/** What a finding's fingerprint hashes, but its occurrence number: equal texts are the same finding again. */
export function fingerprintInput(ruleId: string, relPath: string, logical: string | undefined, span: Span): string {
  return [ruleId, relPath.replaceAll('\\', '/'), logical ?? '', spanText(span)].join('\u0000');
}

export function fingerprintOf(input: string, occurrence: number): string {
  const h = createHash('sha256');
  h.update(`${input}\u0000${occurrence}`);
  return h.digest('hex').slice(0, 32);
}

/**
 * Gives `finding` its fingerprint, hashed when first read: the stylish, compact and unix reports
 * (a pre-commit hook's) print none, and loading node:crypto for them cost a few ms of every run.
 * The text is taken now, while the file's text is at hand.
 */
export function setFingerprint(finding: Finding, input: string, occurrence: number): void {
  Object.defineProperty(finding, 'fingerprint', {
    configurable: true,
    enumerable: true,
    get(this: Finding): string {
      const value = fingerprintOf(input, occurrence);
      Object.defineProperty(this, 'fingerprint', { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(this: Finding, value: string) {
      Object.defineProperty(this, 'fingerprint', { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, note: 2 };

/** Deterministic order: file, line, column, rule id, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.location.file.path, b.location.file.path) ||
    a.location.region.start.line - b.location.region.start.line ||
    a.location.region.start.column - b.location.region.start.column ||
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}
