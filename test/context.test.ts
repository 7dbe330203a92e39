// --context DIR: the named files judged as a lint of DIR judges them, and only they reported (the
// pre-commit hook names just the staged files).
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { REPO, cli } from './helpers.js';

const CONTEXT = path.join(REPO, 'test/data/context');

interface Run {
  code: number;
  findings: { ruleId: string; file: string; line: number; fingerprint: string }[];
  stderr: string;
}

async function sarif(args: string[], cwd = CONTEXT): Promise<Run> {
  const r = await cli([...args, '--format', 'sarif', '-j', '1'], cwd);
  const log = JSON.parse(r.stdout) as {
    runs: {
      originalUriBaseIds: Record<string, { uri: string }>;
      results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    }[];
  };
  // As a SARIF reader does: the URI against its base (the repository's top folder), shown relative to where the run was.
  const base = log.runs[0]?.originalUriBaseIds['%SRCROOT%']?.uri ?? '';
  const findings = (log.runs[0]?.results ?? []).map((x) => ({
    ruleId: x.ruleId,
    file: path.relative(cwd, fileURLToPath(new URL(x.locations[0]?.physicalLocation.artifactLocation.uri ?? '', base))).split(path.sep).join('/'),
    line: x.locations[0]?.physicalLocation.region.startLine ?? 0,
    fingerprint: Object.values(x.partialFingerprints)[0] ?? '',
  }));
  return { code: r.code, findings, stderr: r.stderr };
}

const rules = (run: Run): string[] => run.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);

describe('--context', () => {
  test('a named module is judged through the file that deploys it, not with its own defaults', async () => {
    const alone = await sarif(['modules/vtap.bicep']);
    expect(rules(alone)).toContain('modules/vtap.bicep:43 vtap-source-vm-size-v6');
    expect(alone.code).toBe(1);
    const judged = await sarif(['--context', '.', 'modules/vtap.bicep']);
    expect(rules(judged)).toEqual(['modules/vtap.bicep:39 vtap-live-migration']);
    expect(judged.code).toBe(0);
  });

  test('a named ARM parameters file lints the template beside it with its values; other files are not reported', async () => {
    expect((await sarif(['arm/tap.parameters.json'])).findings).toEqual([]);
    // Named on its own it lints nothing, which is said (it was a silent exit 0).
    const alone = await cli(['arm/tap.parameters.json'], CONTEXT);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe("vtaplint: 'arm/tap.parameters.json' is an ARM parameters file: vtaplint lints templates, with the values of their parameters files; name its template, or use --context DIR to lint the template that uses it (vtaplint --context . arm/tap.parameters.json)\n");
    expect((await cli(['arm/tap.json', 'arm/tap.parameters.json'], CONTEXT)).stderr).not.toContain('is an ARM parameters file');
    expect((await cli(['arm'], CONTEXT)).stderr).not.toContain('is an ARM parameters file');
    const run = await sarif(['--context', '.', 'arm/tap.parameters.json']);
    expect(rules(run)).toEqual(['arm/tap.json:95 vtap-live-migration', 'arm/tap.json:141 vtap-supported-region']);
    expect(run.code).toBe(1);
  });

  test('what is reported matches a lint of the whole folder, fingerprints included', async () => {
    const all = await sarif(['.']);
    const some = await sarif(['--context', '.', 'modules/vtap.bicep', 'arm/tap.parameters.json']);
    const inSome = new Set(['modules/vtap.bicep', 'arm/tap.json']);
    expect(some.findings).toEqual(all.findings.filter((f) => inSome.has(f.file)));
    expect(all.findings.some((f) => f.file === 'other/unsupported-region.json')).toBe(true);
  });

  test('a broken parameters file is reported, named or found in a folder', async () => {
    expect(rules(await sarif(['--context', '.', 'arm/broken.parameters.json']))).toEqual(['arm/broken.parameters.json:6 invalid-template']);
    expect(rules(await sarif(['arm']))).toContain('arm/broken.parameters.json:6 invalid-template');
  });

  test('a config suppression or file outside the named ones is neither reported nor called unused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-'));
    cpSync(CONTEXT, dir, { recursive: true });
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ suppressions: [{ rule: 'vtap-supported-region', files: 'other/*.json', reason: 'a lab region' }] }));
    const run = await sarif(['--context', '.', 'modules/vtap.bicep'], dir);
    expect(rules(run)).toEqual(['modules/vtap.bicep:39 vtap-live-migration']);
  });

  test('a context reached through a symbolic link judges the named files the same way', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-link-'));
    cpSync(CONTEXT, path.join(dir, 'repo'), { recursive: true });
    symlinkSync(path.join(dir, 'repo'), path.join(dir, 'repo', 'linked'));
    const run = await sarif(['--context', 'linked', 'modules/vtap.bicep'], path.join(dir, 'repo'));
    expect(run.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['39 vtap-live-migration']);
  });

  test('is bad usage with a folder that does not exist, and for eval and graph', async () => {
    const r = await cli(['--context', 'no/such/dir', 'main.bicep'], CONTEXT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--context: no such folder 'no/such/dir'");
    expect((await cli(['eval', 'main.bicep', '--context', '.'], CONTEXT)).stderr).toContain('eval does not take --context');
  });
});
