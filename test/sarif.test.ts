// SARIF as GitHub code scanning and VS Code read it, checked with Microsoft's SARIF Multitool.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { REPO, cli } from './helpers.js';
import { RULES } from '../rules/index.js';

const MULTITOOL = path.join(REPO, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: Record<string, unknown>[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      kind: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

async function sarifOf(args: string[], cwd = REPO): Promise<{ text: string; log: SarifLog }> {
  const r = await cli([...args, '--format', 'sarif'], cwd);
  return { text: r.stdout, log: JSON.parse(r.stdout) as SarifLog };
}

/** Runs `sarif-multitool validate --rule-kind "Sarif;Gh"` and returns its results (errors and warnings). */
function validate(sarifText: string): { level: string; ruleId: string; message: string }[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-sarif-'));
  const input = path.join(dir, 'in.sarif');
  const output = path.join(dir, 'out.sarif');
  writeFileSync(input, sarifText);
  execFileSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', input, '-o', output], { stdio: 'pipe' });
  const out = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: { level?: string; ruleId: string; message: { id?: string; text?: string; arguments?: string[] } }[] }[] };
  return (out.runs[0]?.results ?? []).map((r) => ({ level: r.level ?? 'warning', ruleId: r.ruleId, message: r.message.text ?? `${r.message.id} ${(r.message.arguments ?? []).join(' ')}` }));
}

describe('SARIF 2.1.0', () => {
  test('the multitool is installed', () => {
    expect(existsSync(MULTITOOL)).toBe(true);
  });

  test('the validator does report problems (sanity check of the harness)', () => {
    const broken = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'C:\\bad path' } } }] }] }] };
    expect(validate(JSON.stringify(broken)).length).toBeGreaterThan(0);
  });

  test('SARIF for the examples and every fixture passes "Sarif;Gh" validation with no errors or warnings', async () => {
    const { text, log } = await sarifOf(['examples', 'fixtures']);
    expect(log.runs[0]?.results.length).toBeGreaterThan(5);
    expect(validate(text)).toEqual([]);
  });

  test('driver metadata and the full rules array', async () => {
    const { log } = await sarifOf(['test/data/unsupported-region.json']);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'vtaplint', semanticVersion: run.tool.driver.version });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    const rule = run.tool.driver.rules.find((r) => r.id === 'vtap-supported-region') as Record<string, unknown>;
    expect(rule).toMatchObject({
      name: 'VtapSupportedRegion',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['vtap'], precision: 'very-high' },
    });
    expect((rule.help as { markdown: string }).markdown).toContain('# vtap-supported-region');
    expect(rule.helpUri).toMatch(/rules\/vtap-supported-region\.md$/);
    expect(run.invocations[0]?.executionSuccessful).toBe(true);
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
  });

  test('results: rule index, level, kind, relative uri and exact region', async () => {
    const { log } = await sarifOf(['test/data/unsupported-region.json']);
    const run = log.runs[0]!;
    const r = run.results.find((x) => x.ruleId === 'vtap-supported-region')!;
    expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(r).toMatchObject({ ruleId: 'vtap-supported-region', level: 'error', kind: 'fail' });
    expect(r.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'test/data/unsupported-region.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 89, startColumn: 19, endLine: 89, endColumn: 31 },
    });
  });

  test('indeterminate verdicts are results of kind review with the level none (SARIF 2.1.0 §3.27.10: only a fail has another level); failures keep theirs', async () => {
    const { log } = await sarifOf(['test/data/external-destination.json']);
    expect(log.runs[0]?.results.filter((r) => r.ruleId === 'vtap-destination-type').map((r) => [r.ruleId, r.level, r.kind])).toEqual([['vtap-destination-type', 'none', 'review']]);
    const all = (await sarifOf(['examples'])).log.runs[0]?.results ?? [];
    expect(all.some((r) => r.kind === 'fail' && r.level === 'note')).toBe(true);
    expect(all.filter((r) => r.kind !== 'fail' && r.level !== 'none')).toEqual([]);
  });

  test('fingerprints survive lines inserted above a finding, and change with the finding', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-fp-'));
    const original = readFileSync(path.join(REPO, 'test/data/unsupported-region.json'), 'utf8');
    writeFileSync(path.join(dir, 't.json'), original);
    const pick = (l: SarifLog) => l.runs[0]!.results.find((x) => x.ruleId === 'vtap-supported-region')!;
    const before = pick((await sarifOf(['t.json'], dir)).log);
    const moved = original.replace('"resources": [', '"metadata": {\n    "description": "moved down",\n    "owner": "net team"\n  },\n  "resources": [');
    writeFileSync(path.join(dir, 't.json'), moved);
    const after = pick((await sarifOf(['t.json'], dir)).log);
    expect(after.locations[0]?.physicalLocation.region.startLine).toBe(before.locations[0]!.physicalLocation.region.startLine! + 4);
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    writeFileSync(path.join(dir, 't.json'), original.replaceAll('westeurope', 'brazilsouth'));
    const changed = pick((await sarifOf(['t.json'], dir)).log);
    expect(changed.partialFingerprints).not.toEqual(before.partialFingerprints);
  });

  test('a parameters file outside the lint root gets an absolute file: URI and no uriBaseId', async () => {
    // cd tpl && vtaplint . --parameters '../else where/prod #1.json': the parameters file is outside the root.
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-outside-'));
    mkdirSync(path.join(dir, 'tpl'));
    mkdirSync(path.join(dir, 'else where'));
    copyFileSync(path.join(REPO, 'fixtures/vtap-supported-region/pass-parameters-file.json'), path.join(dir, 'tpl/t.json'));
    const params = path.join(dir, 'else where', 'prod #1.json');
    writeFileSync(params, JSON.stringify({ contentVersion: '1.0.0.0', parameters: { location: { value: 'westeurope' }, sshPublicKey: { value: 'ssh-ed25519 AAAA' } } }, null, 2));
    const { text, log } = await sarifOf(['.', '--parameters', '../else where/prod #1.json'], path.join(dir, 'tpl'));
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'vtap-supported-region')!;
    expect(r.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 't.json', uriBaseId: '%SRCROOT%' });
    const related = r.relatedLocations!.map((l) => l.physicalLocation.artifactLocation);
    const outside = related.find((a) => a.uri.startsWith('file:'));
    expect(outside).toEqual({ uri: `${pathToFileURL(path.join(dir, 'else where')).href}/prod%20%231.json` });
    expect(outside?.uri).not.toContain(' ');
    expect(related.every((a) => a.uri.startsWith('file:///') || a.uriBaseId === '%SRCROOT%')).toBe(true);
    expect(validate(text)).toEqual([]);
  });

  test("a file inside the root whose name starts with '..' keeps a relative URI and a relative fingerprint", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-dotdot-'));
    copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(dir, '..odd.json'));
    const { text, log } = await sarifOf(['..odd.json'], dir);
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'vtap-supported-region')!;
    expect(r.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: '..odd.json', uriBaseId: '%SRCROOT%' });
    expect(validate(text)).toEqual([]);
    // The same file under another name elsewhere has the same fingerprint only if the path is relative.
    const other = mkdtempSync(path.join(tmpdir(), 'vtaplint-dotdot-'));
    copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(other, '..odd.json'));
    const moved = (await sarifOf(['..odd.json'], other)).log.runs[0]!.results.find((x) => x.ruleId === 'vtap-supported-region')!;
    expect(moved.partialFingerprints).toEqual(r.partialFingerprints);
    const gh = await cli(['..odd.json', '--format', 'github'], dir);
    expect(gh.stdout).toContain('file=..odd.json,');
  });

  test("inside a git working tree, URIs are relative to its top folder (code scanning's base), also for a run from a subfolder", async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'vtaplint-repo-'));
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'infra'));
    copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(repo, 'infra/az.json'));
    const fromSub = await sarifOf(['.'], path.join(repo, 'infra'));
    const fromTop = await sarifOf(['infra'], repo);
    for (const { log, text } of [fromSub, fromTop]) {
      const run = log.runs[0]!;
      expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: `${pathToFileURL(repo).href}/` });
      expect(run.results.find((x) => x.ruleId === 'vtap-supported-region')?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'infra/az.json', uriBaseId: '%SRCROOT%' });
      expect(validate(text)).toEqual([]);
    }
    // Outside a working tree, the lint root is the base (as before).
    const plain = mkdtempSync(path.join(tmpdir(), 'vtaplint-plain-'));
    copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(plain, 'az.json'));
    const alone = (await sarifOf(['.'], plain)).log.runs[0]!;
    expect(alone.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'az.json', uriBaseId: '%SRCROOT%' });
  });

  test('the github format names files from the git working tree\'s top too, as GitHub places annotations by that path', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'vtaplint-repo-'));
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'infra'));
    copyFileSync(path.join(REPO, 'test/data/unsupported-region.json'), path.join(repo, 'infra/az.json'));
    for (const [args, cwd] of [[['.'], path.join(repo, 'infra')], [['infra'], repo]] as const) {
      const gh = await cli([...args, '--format', 'github'], cwd);
      expect(gh.stdout).toMatch(/^::error file=infra\/az\.json,line=\d+/m);
      expect(gh.stdout).not.toMatch(/file=az\.json/);
    }
  });

  test('output is deterministic (apart from run timestamps)', async () => {
    const strip = (t: string) => t.replace(/"(start|end)TimeUtc": "[^"]+"/g, '');
    const a = await sarifOf(['fixtures', 'examples']);
    const b = await sarifOf(['examples', 'fixtures']);
    expect(strip(a.text)).toBe(strip(b.text));
  });
});
