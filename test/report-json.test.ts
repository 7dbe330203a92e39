// The JSON report is written a finding at a time; the text is exactly JSON.stringify of the
// documented report (two-space indent, final line break), whatever the findings hold.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../rules/index.js';
import { lint, relativePath, countByLevel, type LintResult } from '../src/engine/lint.js';
import { formatJson, helpUri, writeJson } from '../src/report/json.js';
import { formatSarif, writeSarif } from '../src/report/sarif.js';
import { REPO } from './helpers.js';

/** The report as one object, the way it was built before it was written in pieces. */
function reference(result: LintResult, version: string): string {
  const doc = {
    tool: { name: 'vtaplint', version },
    root: result.root,
    summary: { ...countByLevel(result.findings), files: result.files.length, passes: result.passes },
    findings: result.findings.map((f) => ({
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
      related: f.related.map((r) => ({ file: relativePath(result.root, r.file.path), line: r.region.start.line, column: r.region.start.column, message: r.message })),
      fingerprint: f.fingerprint,
    })),
    rules: RULES.map((r) => ({ ...r.meta, helpUri: helpUri(r.meta.id) })),
    notifications: result.notifications.map((n) => ({ level: n.level, message: n.message, file: n.file ? relativePath(result.root, n.file) : null })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

describe('JSON report', () => {
  test('written in pieces, it is the same text as the whole report stringified', async () => {
    const root = path.join(REPO, 'fixtures');
    const result = await lint(['.'], { root, cwd: root, rules: RULES, jobs: 1 });
    expect(result.findings.length).toBeGreaterThan(50);
    expect(result.findings.some((f) => f.related.length > 0)).toBe(true);
    const pieces: string[] = [];
    writeJson(result, RULES, '9.9.9', (s) => pieces.push(s));
    expect(pieces.join('')).toBe(reference(result, '9.9.9'));
    expect(formatJson(result, RULES, '9.9.9')).toBe(reference(result, '9.9.9'));
    // A piece per finding (and a few more), none of them the whole report.
    expect(pieces.length).toBeGreaterThanOrEqual(result.findings.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(reference(result, '9.9.9').length / 4);
  });

  test('messages with line breaks, quotes and non-ASCII text, and no findings at all', async () => {
    const root = path.join(REPO, 'fixtures');
    const result = await lint(['.'], { root, cwd: root, rules: RULES, jobs: 1 });
    const odd = { ...result, findings: result.findings.slice(0, 3).map((f, i) => ({ ...f, message: `line one\n  "quoted" \u00e9 \u{1F600} ${i}\n  "findings": []` })) };
    expect(formatJson(odd, RULES, '1')).toBe(reference(odd, '1'));
    const none = { ...result, findings: [] };
    expect(formatJson(none, RULES, '1')).toBe(reference(none, '1'));
  });

  test('the SARIF log too: written a result at a time, it is canonical two-space JSON, absent baseline results included', async () => {
    const root = path.join(REPO, 'fixtures');
    const result = await lint(['.'], { root, cwd: root, rules: RULES, jobs: 1 });
    const opts = { version: '1', startTime: '2026-01-01T00:00:00.000Z', endTime: '2026-01-01T00:00:01.000Z' };
    const canonical = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    const pieces: string[] = [];
    writeSarif(result, RULES, opts, (s) => pieces.push(s));
    const text = pieces.join('');
    expect(text).toBe(canonical(text));
    expect(text).toBe(formatSarif(result, RULES, opts));
    const log = JSON.parse(text) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]?.results).toHaveLength(result.findings.length + (result.suppressed?.length ?? 0));
    expect(pieces.length).toBeGreaterThanOrEqual(result.findings.length);
    // A result of an earlier run that is gone comes last, marked absent.
    const raw = { ruleId: 'vtap-supported-region', ruleIndex: 0, level: 'error', message: { text: 'gone' }, partialFingerprints: { 'vtaplint/v1': 'f' } };
    const withAbsent = { ...result, absent: [{ ruleId: 'vtap-supported-region', raw }] } as unknown as LintResult;
    const t2 = formatSarif(withAbsent, RULES, opts);
    expect(t2).toBe(canonical(t2));
    const last = (JSON.parse(t2) as { runs: { results: { baselineState?: string; message: { text: string } }[] }[] }).runs[0]?.results.at(-1);
    expect(last).toMatchObject({ baselineState: 'absent', message: { text: 'gone' } });
    const none = formatSarif({ ...result, findings: [], suppressed: [] }, RULES, opts);
    expect(none).toBe(canonical(none));
    expect((JSON.parse(none) as { runs: { results: unknown[] }[] }).runs[0]?.results).toEqual([]);
  });
});
