// One fuzz input through the whole linter, in-process: the checks a fuzz input must pass, shared by
// scripts/fuzz.ts (its worker) and test/hostile/fuzz-regressions.test.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../rules/index.js';
import { lint } from '../../src/engine/lint.js';
import { formatSarif } from '../../src/report/sarif.js';

/** Why the SARIF log is not valid, or undefined. Checks the structure GitHub code scanning needs. */
export function sarifProblem(text: string): string | undefined {
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (e) {
    return `not JSON: ${String(e)}`;
  }
  const o = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const l = o(log);
  if (!l || l.version !== '2.1.0') return 'version is not 2.1.0';
  const runs = l.runs;
  if (!Array.isArray(runs) || runs.length !== 1) return 'expected one run';
  const run = o(runs[0]);
  const driver = o(o(run?.tool)?.driver);
  if (!driver || driver.name !== 'vtaplint' || !Array.isArray(driver.rules)) return 'tool.driver';
  const ruleIds = new Set((driver.rules as unknown[]).map((r) => o(r)?.id));
  if (!Array.isArray(run?.results)) return 'results is not an array';
  for (const [i, r0] of (run.results as unknown[]).entries()) {
    const r = o(r0);
    if (!r || typeof r.ruleId !== 'string' || !ruleIds.has(r.ruleId)) return `results[${i}].ruleId`;
    if (typeof o(r.message)?.text !== 'string' || (o(r.message)?.text as string).length === 0) return `results[${i}].message.text`;
    if (!['error', 'warning', 'note', 'none'].includes(String(r.level ?? 'warning'))) return `results[${i}].level`;
    const locs = r.locations;
    if (!Array.isArray(locs) || locs.length === 0) return `results[${i}].locations`;
    const phys = o(o(locs[0])?.physicalLocation);
    const uri = o(phys?.artifactLocation)?.uri;
    if (typeof uri !== 'string' || uri.length === 0) return `results[${i}] artifactLocation.uri`;
    const region = o(phys?.region);
    const n = (k: string) => region?.[k];
    const ok = (k: string) => n(k) === undefined || (Number.isInteger(n(k)) && (n(k) as number) >= 1);
    if (!region || !Number.isInteger(n('startLine')) || (n('startLine') as number) < 1 || !ok('startColumn') || !ok('endLine') || !ok('endColumn')) return `results[${i}].region ${JSON.stringify(region)}`;
    if (typeof n('endLine') === 'number' && (n('endLine') as number) < (n('startLine') as number)) return `results[${i}] ends before it starts`;
  }
  const inv = Array.isArray(run.invocations) ? o(run.invocations[0]) : undefined;
  if (!inv || typeof inv.executionSuccessful !== 'boolean') return 'invocations[0].executionSuccessful';
  return undefined;
}

export interface CheckResult {
  /** Why the input failed, or undefined. */
  failure: string | undefined;
  findings: number;
}

/** The SARIF log of linting `content` as `name` in `dir` (for validation with the Multitool). */
export async function sarifOf(dir: string, name: string, content: Uint8Array | string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), content);
  const result = await lint([name], { root: dir, cwd: dir, rules: RULES, now: new Date('2026-01-01T00:00:00Z') });
  return formatSarif(result, RULES, { version: '0.0.0' });
}

/** Lints `content` as `name` in `dir` (a scratch lint root) and checks the outcome. */
export async function checkInput(dir: string, name: string, content: Uint8Array | string): Promise<CheckResult> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), content);
  try {
    const result = await lint([name], { root: dir, cwd: dir, rules: RULES, now: new Date('2026-01-01T00:00:00Z') });
    const internal = result.notifications.find((n) => n.level === 'error');
    if (internal) return { failure: `internal error: ${internal.message.split('\n').slice(0, 3).join(' | ')}`, findings: result.findings.length };
    const sarif = formatSarif(result, RULES, { version: '0.0.0' });
    const problem = sarifProblem(sarif);
    if (problem) return { failure: `invalid SARIF: ${problem}`, findings: result.findings.length };
    if (Object.keys(Object.prototype).length || Object.getOwnPropertyNames(Object.prototype).includes('polluted')) return { failure: 'Object.prototype was modified', findings: 0 };
    return { failure: undefined, findings: result.findings.length };
  } catch (e) {
    return { failure: `exception: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`, findings: 0 };
  }
}
