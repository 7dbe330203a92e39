// GitHub code scanning rejects a whole SARIF file whose run has more than 25,000 results ("Analysis
// SARIF file rejected due to result limits"; upload-sarif fails with "rejecting SARIF, as there are
// more results per run than allowed (42118 > 25000)", aquasecurity/tfsec-sarif-action#43; limits in
// docs.github.com, code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit).
// A repository with that many findings then had no alert at all. The log written for code scanning
// keeps the most important results within the limit and says how many it left out.
import type { Finding } from '../engine/finding.js';

export const CODE_SCANNING_MAX_RESULTS = 25_000;

const LEVEL_RANK: Record<string, number> = { error: 0, warning: 1, note: 2, none: 3 };

/**
 * How important a result is, lowest first: findings that count (new ones with a baseline) before
 * findings the baseline accepted, before suppressed ones, before the baseline's absent results;
 * within each, errors before warnings before notes.
 */
export function findingRank(f: Finding): number {
  const group = f.suppressions ? 2 : f.baselineState === undefined || f.baselineState === 'new' || f.baselineEscalated === true ? 0 : 1;
  return group * 4 + (LEVEL_RANK[f.level] ?? 3);
}

export function absentRank(level: unknown): number {
  return 3 * 4 + (typeof level === 'string' ? (LEVEL_RANK[level] ?? 3) : 1);
}

/**
 * The indexes (into ranks) of the `max` items of lowest rank, ties kept in their order; every
 * index when there are no more than `max`.
 */
export function keptIndexes(ranks: readonly number[], max: number): Set<number> {
  const order = ranks.map((_, i) => i);
  if (order.length <= max) return new Set(order);
  order.sort((a, b) => (ranks[a] as number) - (ranks[b] as number) || a - b);
  return new Set(order.slice(0, Math.max(0, max)));
}

/** The toolExecutionNotification text for a log that left results out. */
export function leftOutMessage(leftOut: number, total: number, max: number): string {
  return (
    `${leftOut} of ${total} results are left out of this SARIF file: GitHub code scanning rejects a run with more than ${max.toLocaleString('en-US')} results. ` +
    'Kept: the counted findings (new ones with a baseline) before those the baseline accepted, suppressed ones and absent ones; errors before warnings before notes'
  );
}
