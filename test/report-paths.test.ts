// Paths and URIs of findings: inside the lint root relative, outside it absolute (never an absolute
// path dressed as a relative one), and a name that starts with '..' is inside.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fingerprintPath, pathInsideRoot, relativePath, type LintResult } from '../src/engine/lint.js';
import { artifactLocation, fileUri } from '../src/report/sarif.js';
import { formatSummary, SUMMARY_MAX_BYTES } from '../src/action/summary.js';
import type { Finding } from '../src/engine/finding.js';

const root = path.resolve('/work/repo/tpl');

describe('paths relative to the lint root', () => {
  test("inside, including names that start with '..'", () => {
    expect(pathInsideRoot(root, path.join(root, 'main.json'))).toBe('main.json');
    expect(pathInsideRoot(root, path.join(root, '..odd.json'))).toBe('..odd.json');
    expect(pathInsideRoot(root, path.join(root, '..d', 'x.json'))).toBe('..d/x.json');
    expect(relativePath(root, path.join(root, '..odd.json'))).toBe('..odd.json');
  });

  test('outside: the parent, a sibling folder, an absolute path elsewhere', () => {
    expect(pathInsideRoot(root, path.dirname(root))).toBeUndefined();
    expect(pathInsideRoot(root, path.resolve(root, '../elsewhere/prod.json'))).toBeUndefined();
    expect(relativePath(root, path.resolve(root, '../elsewhere/prod.json'))).toBe(path.resolve(root, '../elsewhere/prod.json').split(path.sep).join('/'));
  });

  test('fingerprint paths do not depend on where the checkout is, also outside the root', () => {
    expect(fingerprintPath(root, path.resolve(root, '../elsewhere/prod.json'))).toBe('../elsewhere/prod.json');
    expect(fingerprintPath(root, path.join(root, '..odd.json'))).toBe('..odd.json');
  });
});

describe('SARIF artifact locations', () => {
  test('inside: a relative, percent-encoded URI against %SRCROOT%', () => {
    expect(artifactLocation(root, path.join(root, 'a b', '..odd #1.json'))).toEqual({ uri: 'a%20b/..odd%20%231.json', uriBaseId: '%SRCROOT%' });
  });

  test('outside: an absolute file: URI, percent-encoded, and no uriBaseId', () => {
    const file = path.resolve(root, '../else where/prød #1%.json');
    const loc = artifactLocation(root, file);
    expect(loc).toEqual({ uri: fileUri(file) });
    expect(loc.uri).toMatch(/^file:\/\/\//);
    expect(loc.uri.endsWith('/else%20where/pr%C3%B8d%20%231%25.json')).toBe(true);
    expect(decodeURIComponent(new URL(loc.uri).pathname)).toBe(file.split(path.sep).join('/').replace(/^(?=[A-Za-z]:)/, '/'));
  });
});

describe('job summary', () => {
  test('a finding in a file outside the root is listed without a link into the repository', () => {
    const file = (p: string) => ({ path: p }) as unknown as Finding['location']['file'];
    const finding = (p: string): Finding =>
      ({
        ruleId: 'vtap-supported-region',
        level: 'error',
        kind: 'fail',
        message: 'm',
        location: { file: file(p), region: { start: { line: 3, column: 1 }, end: { line: 3, column: 2 } } },
        related: [],
      }) as unknown as Finding;
    const counted = [finding(path.join(root, 'main.json')), finding(path.resolve(root, '../elsewhere/prod.json'))];
    const result = { root, files: [], findings: counted, notifications: [], missing: [], passes: 0 } as LintResult;
    const md = formatSummary(result, counted, { blobBase: 'https://github.com/o/r/blob/abc', annotated: 0, notAnnotated: 0, changedOnly: false });
    expect(md).toContain('[main.json](https://github.com/o/r/blob/abc/main.json)');
    expect(md).not.toMatch(/blob\/abc\/+work/);
    expect(md).toContain('`/work/repo/elsewhere/prod.json`');
    // A backtick in the name would end the code: escaped text instead.
    const odd = [finding(path.resolve(root, '../elsewhere/a`b.json'))];
    expect(formatSummary({ ...result, findings: odd }, odd, { blobBase: 'https://github.com/o/r/blob/abc', annotated: 0, notAnnotated: 0, changedOnly: false })).toContain('| /work/repo/elsewhere/a\\`b.json |');
  });

  test('each line is listed once with its number of findings (a copy loop puts them all on one line), in line order', () => {
    const at = (line: number, ruleId: string): Finding =>
      ({
        ruleId,
        level: 'error',
        kind: 'fail',
        message: 'm',
        location: { file: { path: path.join(root, 'main.bicep') }, region: { start: { line, column: 9 }, end: { line, column: 17 } } },
        related: [],
      }) as unknown as Finding;
    // 800 findings of a loop on line 42, one on line 99 and two rules on line 95.
    const counted = [...Array.from({ length: 800 }, () => at(42, 'vtap-source-basic-lb')), at(99, 'vtap-source-vm-size-v6'), at(95, 'vtap-live-migration'), at(95, 'vtap-source-vm-restart')];
    const result = { root, files: [], findings: counted, notifications: [], missing: [], passes: 0 } as LintResult;
    const md = formatSummary(result, counted, { blobBase: 'https://github.com/o/r/blob/abc', annotated: 0, notAnnotated: 0, changedOnly: false });
    const u = 'https://github.com/o/r/blob/abc/main.bicep';
    expect(md).toContain(
      `| [main.bicep](${u}) | 803 | 0 | 0 | [42 (×800)](${u}#L42 "vtap-source-basic-lb"), [95 (×2)](${u}#L95 "vtap-live-migration, vtap-source-vm-restart"), [99](${u}#L99 "vtap-source-vm-size-v6") |`,
    );
    // More than 20 lines: the rest are counted as lines.
    const many = Array.from({ length: 25 }, (_, i) => at(10 + i, 'vtap-supported-region'));
    const md2 = formatSummary({ ...result, findings: many }, many, { blobBase: undefined, annotated: 0, notAnnotated: 0, changedOnly: false });
    expect(md2).toContain('| 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, … 5 more lines |');
  });

  test('stays under the 1 MiB GitHub accepts (a larger summary is dropped whole): what does not fit is counted', () => {
    // 300 files 120 characters deep with 30 findings each (on 30 lines), in a repository with a long name:
    // 200 rows of 20 line links were 1.2 MB, and GitHub showed no summary at all.
    const deep = 'infrastructure/environments/production-westeurope-subscription-01/network/virtual-network-taps/collectors';
    const counted: Finding[] = [];
    for (let i = 0; i < 300; i++) {
      for (let j = 0; j < 30; j++) {
        counted.push({
          ruleId: 'vtap-supported-region',
          level: 'error',
          kind: 'fail',
          message: 'm',
          location: { file: { path: path.join(root, deep, `workload-${i}`, 'azuredeploy.json') }, region: { start: { line: 86 + j, column: 19 }, end: { line: 86 + j, column: 31 } } },
          related: [],
        } as unknown as Finding);
      }
    }
    const notifications = Array.from({ length: 50 }, (_, i) => ({ level: 'warning' as const, message: `note ${i}` }));
    const result = { root, files: [], findings: counted, notifications, missing: [], passes: 0 } as LintResult;
    const base = `https://github.com/contoso-enterprise-infrastructure-org/azure-network-virtual-tap-deployments/blob/${'a'.repeat(40)}`;
    const md = formatSummary(result, counted, { blobBase: base, annotated: 0, notAnnotated: 0, changedOnly: false });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(md).toContain('> **warning**: note 49');
    const rows = md.split('\n').filter((l) => l.startsWith(`| [${deep}`));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThan(200);
    expect(md.trimEnd().endsWith(`… and ${300 - rows.length} more files (see the SARIF file).`)).toBe(true);
    // A small budget: the messages that do not fit are counted, and no table row follows them.
    const small = formatSummary(result, counted, { blobBase: base, annotated: 0, notAnnotated: 0, changedOnly: false, maxBytes: 2600 });
    expect(Buffer.byteLength(small, 'utf8')).toBeLessThanOrEqual(2600);
    expect(small).toMatch(/> … \d+ more messages \(see the log and the SARIF file\)/);
    expect(small).not.toContain('### Findings per file');
    expect(small.trimEnd().endsWith('… and 300 more files (see the SARIF file).')).toBe(true);
  });
});
