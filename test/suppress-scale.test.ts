// Suppressions at a scale a file can reach: a comment naming 130,000 rule ids (each an
// unused-suppression finding) was an internal error (a push(...list) past V8's argument limit),
// and then each of its findings was compared with all before it at the same place; 50,000
// #disable-diagnostics / #restore-diagnostics pairs took 50 s (each searched every pragma for its
// restore); every finding was tried against every suppression of the file. Counted here (reads
// of the pragma list, calls of a site's test), or run as the built CLI with a time limit.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, workspace } from './helpers.js';
import { SourceText } from '../src/model/source.js';
import { TextSpan } from '../src/model/span.js';
import { parseBicep } from '../src/bicep/parser.js';
import { collectPragmas, type Pragma } from '../src/bicep/pragmas.js';
import { applySuppressions, MAX_LISTED_SUPPRESSIONS, pragmaSites, type Candidate, type SuppressionSite } from '../src/engine/suppress.js';
import type { Finding } from '../src/engine/finding.js';
import { pushAll } from '../src/model/push-all.js';

describe('suppressions at scale', () => {
  test('a comment naming 130,000 rule ids: one unused-suppression finding each, not an internal error (built CLI, time limit)', () => {
    const ids = Array.from({ length: 130_000 }, (_, i) => `r${i}`).join(',');
    const dir = workspace({ 'main.bicep': `// vtaplint-disable-next-line ${ids} -- because\nvar x = 1\n` });
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), 'main.bicep', '-f', 'unix'], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    expect(r.error, 'the command did not finish').toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.endsWith('[unused-suppression]'))).toHaveLength(130_000);
  });

  test('nested #disable-diagnostics of one code: a finding lists at most MAX_LISTED_SUPPRESSIONS of them, and every one counts as used', () => {
    const rule = 'vtap-supported-region';
    const nested = 1000;
    const lines = [...Array.from({ length: nested }, () => `#disable-diagnostics ${rule}`), ...Array.from({ length: nested }, (_, i) => `var v${i} = 1`)];
    const source = new SourceText('/virtual/main.bicep', lines.join('\n'), 'bicep');
    const sites = pragmaSites(collectPragmas(source, parseBicep(source).program.trivia), new Set([rule]));
    expect(sites).toHaveLength(nested);
    const cands = Array.from({ length: nested }, (_, i) => candidate(source, nested + i + 1, rule));
    applySuppressions(cands, sites);
    // Before: a million entries (each finding listed all 1,000), a 543 MB SARIF log.
    for (const c of cands) expect(c.finding.suppressions?.map((x) => x.location.region.start.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(MAX_LISTED_SUPPRESSIONS).toBe(8);
    expect(sites.every((x) => x.used)).toBe(true);
  });

  test('pushAll appends more items than a call takes arguments', () => {
    const out = [0];
    pushAll(out, new Array<number>(200_000).fill(1));
    expect(out).toHaveLength(200_001);
  });

  test('#disable-diagnostics finds its #restore-diagnostics without searching every pragma', () => {
    const pairs = 2000;
    const text = Array.from({ length: pairs }, () => '#disable-diagnostics vtap-supported-region\n#restore-diagnostics vtap-supported-region').join('\n');
    const source = new SourceText('/virtual/main.bicep', text, 'bicep');
    const pragmas = collectPragmas(source, parseBicep(source).program.trivia);
    let reads = 0;
    const counted = new Proxy(pragmas, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }) as readonly Pragma[];
    const sites = pragmaSites(counted, new Set(['vtap-supported-region']));
    expect(sites).toHaveLength(pairs);
    // Each pragma read a few times; a search per #disable-diagnostics read two million.
    expect(reads).toBeLessThan(10 * pairs);
    // Each range ends at its own #restore-diagnostics: line 2k+1 is suppressed, 2k+2 not.
    const source2 = source;
    const cand = (line: number): Candidate => {
      const offset = source2.offsetAt(line, 1);
      const span = new TextSpan(source2, offset, offset + 1);
      const f: Finding = { ruleId: 'vtap-supported-region', level: 'error', kind: 'fail', message: 'm', location: { file: source2, region: span.region() }, related: [], logical: undefined, fingerprint: '', span };
      return { finding: f, resource: undefined };
    };
    const cands = [cand(1), cand(2), cand(2 * pairs - 1), cand(2 * pairs)];
    applySuppressions(cands, sites);
    expect(cands.map((c) => c.finding.suppressions?.length ?? 0)).toEqual([1, 0, 1, 0]);
  });

  test('a finding is tried only against the suppressions of its rule', () => {
    const source = new SourceText('/virtual/main.bicep', 'var x = 1\n', 'bicep');
    const span = new TextSpan(source, 0, 1);
    let tried = 0;
    const sites: SuppressionSite[] = Array.from({ length: 1000 }, () => ({
      kind: 'inSource',
      form: '#disable-next-line',
      ruleId: 'vtap-supported-region',
      reason: undefined,
      span,
      needsReason: false,
      known: true,
      expired: undefined,
      used: false,
      appliesTo: (c: Candidate) => {
        tried++;
        return c.finding.ruleId === 'vtap-supported-region';
      },
    }));
    const cands: Candidate[] = Array.from({ length: 1000 }, () => ({
      finding: { ruleId: 'vtap-destination-type', level: 'error', kind: 'fail', message: 'm', location: { file: source, region: span.region() }, related: [], logical: undefined, fingerprint: '', span },
      resource: undefined,
    }));
    applySuppressions(cands, sites);
    expect(tried).toBe(0);
    expect(sites.some((s) => s.used)).toBe(false);
  });
  test('#disable-next-line lines are looked up by line: 2,000 of them against 2,000 findings of their rule try each finding once', () => {
    const n = 2000;
    // Line 2k+1 is the directive, line 2k+2 the finding's line.
    const text = Array.from({ length: n }, (_, k) => `#disable-next-line vtap-supported-region\nvar v${k} = 1`).join('\n');
    const source = new SourceText('/virtual/main.bicep', text, 'bicep');
    const sites = pragmaSites(collectPragmas(source, parseBicep(source).program.trivia), new Set(['vtap-supported-region']));
    expect(sites).toHaveLength(n);
    let tried = 0;
    for (const s of sites) {
      const applies = s.appliesTo.bind(s);
      s.appliesTo = (c) => {
        tried++;
        return applies(c);
      };
    }
    const cands = Array.from({ length: n }, (_, k) => candidate(source, 2 * k + 2, 'vtap-supported-region'));
    applySuppressions(cands, sites);
    expect(cands.every((c) => c.finding.suppressions?.length === 1)).toBe(true);
    expect(sites.every((s) => s.used)).toBe(true);
    // Each finding tried against the one directive above it (every directive tried: 4 million).
    expect(tried).toBe(n);
  });

  test('looked up by line, suppressions give the same results as trying every site in order (next-line forms, nested #disable-diagnostics ranges, metadata-like sites)', () => {
    const rule = 'vtap-supported-region';
    const lines = [
      '#disable-diagnostics vtap-supported-region', // 1: until line 6
      'var a = 1',
      '#disable-diagnostics vtap-supported-region', // 3: until line 6
      '// vtaplint-disable-next-line vtap-supported-region -- accepted',
      'var b = 1', // 5
      '#restore-diagnostics vtap-supported-region', // 6
      '#disable-next-line vtap-supported-region',
      'var c = 1', // 8
      'var d = 1',
      '#disable-diagnostics vtap-supported-region', // 10: to the end
      '#disable-next-line vtap-supported-region vtap-destination-type',
      'var e = 1', // 12
      'var f = 1',
    ];
    const source = new SourceText('/virtual/main.bicep', lines.join('\n'), 'bicep');
    const other = new SourceText('/virtual/other.bicep', lines.join('\n'), 'bicep');
    const known = new Set([rule, 'vtap-destination-type']);
    const sites = pragmaSites(collectPragmas(source, parseBicep(source).program.trivia), known);
    // A site not tied to lines (as a config's or a resource's metadata) between the others.
    sites.splice(2, 0, { kind: 'external', form: 'config', ruleId: rule, reason: 'r', span: new TextSpan(source, 0, 1), needsReason: true, known: true, expired: undefined, used: false, appliesTo: (c) => c.finding.location.region.start.line % 2 === 0 });
    const cands = (): Candidate[] => [
      ...Array.from({ length: lines.length }, (_, i) => candidate(source, i + 1, rule)),
      ...Array.from({ length: lines.length }, (_, i) => candidate(source, i + 1, 'vtap-destination-type')),
      ...Array.from({ length: lines.length }, (_, i) => candidate(other, i + 1, rule)),
    ];
    const fast = cands();
    applySuppressions(fast, sites);
    const naive = cands();
    for (const c of naive) {
      for (const s of sites) {
        if (!s.known || s.expired || s.ruleId !== c.finding.ruleId || !s.appliesTo(c)) continue;
        (c.finding.suppressions ??= []).push({ kind: s.kind, justification: s.reason, location: { file: s.span.file, region: s.span.region() } });
      }
    }
    const shape = (cs: Candidate[]) => cs.map((c) => (c.finding.suppressions ?? []).map((x) => `${x.kind}:${x.location.region.start.line}`).join(' '));
    expect(shape(fast)).toEqual(shape(naive));
    // A #disable-diagnostics covers its own line too; lines 4 and 5 are in both ranges that end at line 6.
    expect(shape(fast).slice(0, lines.length)).toEqual([
      'inSource:1',
      'inSource:1 external:1',
      'inSource:1 inSource:3',
      'inSource:1 inSource:3 external:1',
      'inSource:1 inSource:3 inSource:4',
      'external:1',
      '',
      'external:1 inSource:7',
      '',
      'external:1 inSource:10',
      'inSource:10',
      'external:1 inSource:10 inSource:11',
      'inSource:10',
    ]);
  });
});

function candidate(source: SourceText, line: number, ruleId: string): Candidate {
  const offset = source.offsetAt(line, 1);
  const span = new TextSpan(source, offset, offset + 1);
  const f: Finding = { ruleId, level: 'error', kind: 'fail', message: 'm', location: { file: source, region: span.region() }, related: [], logical: undefined, fingerprint: '', span };
  return { finding: f, resource: undefined };
}
