// The JSON report and the SARIF log are written a finding at a time; the text is exactly what
// JSON.stringify makes of the whole document (two-space indent, final line break).
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../rules/index.js';
import { lint, type LintResult } from '../src/engine/lint.js';
import { formatJson, writeJson } from '../src/report/json.js';
import { formatSarif, writeSarif } from '../src/report/sarif.js';
import { REPO } from './helpers.js';

/** Two-space JSON as JSON.stringify writes it, with the final line break: what the pieces must make. */
const canonical = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;

const FINDING_KEYS = ['ruleId', 'level', 'kind', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'resource', 'related', 'fingerprint'];

describe('JSON report', () => {
  test('written in pieces, it is the whole report stringified, with the documented keys', async () => {
    const root = path.join(REPO, 'fixtures');
    const result = await lint(['.'], { root, cwd: root, rules: RULES, jobs: 1 });
    expect(result.findings.length).toBeGreaterThan(50);
    expect(result.findings.some((f) => f.related.length > 0)).toBe(true);
    const pieces: string[] = [];
    writeJson(result, RULES, '9.9.9', (s) => pieces.push(s));
    const text = pieces.join('');
    expect(text).toBe(canonical(text));
    expect(formatJson(result, RULES, '9.9.9')).toBe(text);
    const doc = JSON.parse(text) as { tool: unknown; summary: { files: number }; findings: Record<string, unknown>[]; rules: unknown[] };
    expect(Object.keys(doc)).toEqual(['tool', 'root', 'summary', 'findings', 'rules', 'notifications']);
    expect(doc.tool).toEqual({ name: 'vtaplint', version: '9.9.9' });
    expect(doc.findings).toHaveLength(result.findings.length);
    for (const f of doc.findings) expect(Object.keys(f)).toEqual(FINDING_KEYS);
    expect(doc.findings.map((f) => f.fingerprint)).toEqual(result.findings.map((f) => f.fingerprint));
    expect(doc.rules).toHaveLength(RULES.length);
    // A piece per finding (and a few more), none of them the whole report.
    expect(pieces.length).toBeGreaterThanOrEqual(result.findings.length);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(text.length / 4);
  });

  test('messages with line breaks, quotes and non-ASCII text, and no findings at all', async () => {
    const root = path.join(REPO, 'fixtures');
    const result = await lint(['.'], { root, cwd: root, rules: RULES, jobs: 1 });
    const messages = [0, 1, 2].map((i) => `line one\n  "quoted" \u00e9 \u{1F600} ${i}\n  "findings": []`);
    const odd = { ...result, findings: result.findings.slice(0, 3).map((f, i) => ({ ...f, message: messages[i] as string })) };
    const text = formatJson(odd, RULES, '1');
    expect(text).toBe(canonical(text));
    expect((JSON.parse(text) as { findings: { message: string }[] }).findings.map((f) => f.message)).toEqual(messages);
    const none = formatJson({ ...result, findings: [] }, RULES, '1');
    expect(none).toBe(canonical(none));
    expect((JSON.parse(none) as { findings: unknown[] }).findings).toEqual([]);
  });

  test('the SARIF log too: written a result at a time, it is canonical two-space JSON, absent baseline results included', async () => {
    const root = path.join(REPO, 'fixtures');
    const result = await lint(['.'], { root, cwd: root, rules: RULES, jobs: 1 });
    const opts = { version: '1', startTime: '2026-01-01T00:00:00.000Z', endTime: '2026-01-01T00:00:01.000Z' };
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
