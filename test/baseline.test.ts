// --baseline: results matched by fingerprint get baselineState new / unchanged / updated, the
// baseline's vanished results are emitted as absent, and only new results count for the exit code.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, cli } from './helpers.js';
import { RULES } from '../rules/index.js';

// Copies of fixtures/vtap-supported-region as of this test (fixtures change with the rules).
const FIXTURES = path.join(REPO, 'test/integration/templates');

interface Result {
  ruleId: string;
  level: string;
  baselineState?: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-baseline-'));
  // Only the rule these fixtures are about, so the expectations do not change as rules are added.
  const rules = Object.fromEntries(RULES.filter((r) => r.meta.id !== 'vtap-supported-region').map((r) => [r.meta.id, 'off']));
  writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ rules }));
  cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, 'a.json'));
  cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, 'b.json'));
  return dir;
}

async function sarif(dir: string, args: string[] = []): Promise<{ code: number; results: Result[] }> {
  const r = await cli(['.', '--format', 'sarif', ...args], dir);
  const o = args.indexOf('-o');
  const text = o >= 0 ? readFileSync(path.join(dir, args[o + 1] as string), 'utf8') : r.stdout;
  return { code: r.code, results: (JSON.parse(text) as { runs: { results: Result[] }[] }).runs[0]!.results };
}

const states = (results: Result[]) => results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.baselineState]).sort();

describe('--baseline', () => {
  test('the same files: every result unchanged, exit 0, nothing shown in stylish', async () => {
    const dir = workspace();
    const base = await sarif(dir, ['-o', 'base.sarif']);
    expect(base.code).toBe(1);
    const again = await sarif(dir, ['--baseline', 'base.sarif']);
    expect(again.code).toBe(0);
    expect(states(again.results)).toEqual([
      ['a.json', 'unchanged'],
      ['b.json', 'unchanged'],
    ]);
    const stylish = await cli(['.', '--baseline', 'base.sarif'], dir);
    expect([stylish.code, stylish.stdout]).toEqual([0, '']);
  });

  test('moved lines and another file order keep fingerprints: still unchanged', async () => {
    const dir = workspace();
    await sarif(dir, ['-o', 'base.sarif']);
    writeFileSync(path.join(dir, 'a.json'), `\n\n\n${readFileSync(path.join(dir, 'a.json'), 'utf8')}`);
    const r = await sarif(dir, ['--baseline', 'base.sarif', 'b.json', 'a.json']);
    expect(states(r.results)).toEqual([
      ['a.json', 'unchanged'],
      ['b.json', 'unchanged'],
    ]);
    expect(r.results.find((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'a.json')!.locations[0]!.physicalLocation.region.startLine).toBe(89);
  });

  test('new, updated and absent; only new results count', async () => {
    const dir = workspace();
    await sarif(dir, ['-o', 'base.sarif']);
    // a.json: fixed (absent). b.json: the same finding at another level (updated). c.json: new.
    cpSync(path.join(FIXTURES, 'pass-supported.json'), path.join(dir, 'a.json'));
    const updatedConfig = JSON.parse(readFileSync(path.join(dir, 'vtaplint.config.json'), 'utf8')) as { rules: Record<string, string> };
    updatedConfig.rules['vtap-supported-region'] = 'warning';
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify(updatedConfig));
    const r1 = await sarif(dir, ['--baseline', 'base.sarif']);
    expect(states(r1.results)).toEqual([
      ['a.json', 'absent'],
      ['b.json', 'updated'],
    ]);
    expect(r1.code).toBe(0);
    cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, 'c.json'));
    const r2 = await sarif(dir, ['--baseline', 'base.sarif']);
    expect(states(r2.results)).toEqual([
      ['a.json', 'absent'],
      ['b.json', 'updated'],
      ['c.json', 'new'],
    ]);
    // c.json's error is new: with --max-warnings 0 the updated warning does not count either.
    const text = await cli(['.', '--baseline', 'base.sarif', '--max-warnings', '0'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('c.json');
    expect(text.stdout).not.toContain('b.json');
  });

  test('an updated result at a higher level than the baseline\'s (a warning the config made an error) is shown and counted; every state is said', async () => {
    const dir = workspace();
    const config = (level: string) => {
      const c = JSON.parse(readFileSync(path.join(dir, 'vtaplint.config.json'), 'utf8')) as { rules: Record<string, string> };
      c.rules['vtap-supported-region'] = level;
      writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify(c));
    };
    config('warning');
    await sarif(dir, ['-o', 'base.sarif']);
    // a.json fixed (absent); b.json now an error (updated, escalated); c.json a copy of b (new).
    cpSync(path.join(FIXTURES, 'pass-supported.json'), path.join(dir, 'a.json'));
    cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, 'c.json'));
    config('error');
    const r = await sarif(dir, ['--baseline', 'base.sarif']);
    expect(states(r.results)).toEqual([
      ['a.json', 'absent'],
      ['b.json', 'updated'],
      ['c.json', 'new'],
    ]);
    expect(r.code).toBe(1);
    const text = await cli(['.', '--baseline', 'base.sarif', '--format', 'unix'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['b.json', 'c.json']);
    expect(text.stderr).toContain(
      'vtaplint: baseline base.sarif: 1 new, 0 unchanged, 1 updated (1 at a higher level than in the baseline, shown and counted), 1 absent; only new results and those now at a higher level are shown and counted',
    );
    const json = JSON.parse((await cli(['.', '--baseline', 'base.sarif', '--format', 'json'], dir)).stdout) as { summary: { error: number; baseline: Record<string, unknown> }; findings: { file: string; baselineState?: string }[] };
    expect(json.summary.baseline).toEqual({ file: 'base.sarif', new: 1, unchanged: 0, updated: 1, escalated: 1, absent: 1 });
    expect([json.summary.error, json.findings.length]).toEqual([2, 2]);
    expect(json.findings.map((f) => [f.file, f.baselineState])).toEqual([
      ['b.json', 'updated'],
      ['c.json', 'new'],
    ]);
    // Back at the baseline's level and message: unchanged, not shown, and said.
    config('warning');
    const back = await cli(['.', '--baseline', 'base.sarif'], dir);
    expect(back.stdout).not.toContain('b.json');
    expect(back.stderr).toContain('vtaplint: baseline base.sarif: 1 new, 1 unchanged, 0 updated, 1 absent;');
  });

  test('an absent result is not carried on from a baseline where it was already absent', async () => {
    const dir = workspace();
    await sarif(dir, ['-o', 'base.sarif']);
    cpSync(path.join(FIXTURES, 'pass-supported.json'), path.join(dir, 'a.json'));
    await sarif(dir, ['--baseline', 'base.sarif', '-o', 'second.sarif']);
    const third = await sarif(dir, ['--baseline', 'second.sarif']);
    expect(states(third.results)).toEqual([['b.json', 'unchanged']]);
  });

  test('a run over some of the files: the results of files it did not lint are not absent; those of a deleted file are', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'hub'));
    cpSync(path.join(FIXTURES, 'fail-unsupported.json'), path.join(dir, 'hub/c.json'));
    expect((await cli(['.', '--format', 'sarif', '-o', 'base.sarif'], dir)).code).toBe(1);
    const only = async (args: string[]) => {
      const r = await cli([...args, '--format', 'sarif', '--baseline', 'base.sarif'], dir);
      return { stderr: (await cli([...args, '--baseline', 'base.sarif'], dir)).stderr, states: states((JSON.parse(r.stdout) as { runs: { results: Result[] }[] }).runs[0]!.results) };
    };
    // A repository-wide baseline and a run over one file or one folder (the Action's `paths: hub`,
    // a CI job per folder): b.json and hub/c.json were not linted, not fixed, and were reported
    // "absent" (gone), as results the SARIF log said had disappeared.
    const a = await only(['a.json']);
    expect(a.states).toEqual([['a.json', 'unchanged']]);
    expect(a.stderr).toContain('vtaplint: baseline base.sarif: 0 new, 1 unchanged, 0 updated, 0 absent;');
    expect((await only(['hub'])).states).toEqual([['hub/c.json', 'unchanged']]);
    // A file linted and fixed, and a file deleted, are gone: absent, also when the run does not name it.
    cpSync(path.join(FIXTURES, 'pass-supported.json'), path.join(dir, 'hub/c.json'));
    const fixed = await only(['hub']);
    expect(fixed.states).toEqual([['hub/c.json', 'absent']]);
    rmSync(path.join(dir, 'b.json'));
    expect((await only(['a.json'])).states).toEqual([
      ['a.json', 'unchanged'],
      ['b.json', 'absent'],
    ]);
  });

  test('an unreadable baseline is a usage error', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'bad.sarif'), '{"version": "2.1.0"}');
    const r = await cli(['.', '--baseline', 'bad.sarif'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a SARIF log/);
    expect((await cli(['.', '--baseline', 'missing.sarif'], dir)).code).toBe(2);
  });
  test('a baseline that is not JSON (a truncated artifact) is said on one line, at its line and column', async () => {
    // Was JSON.parse's message, which quotes the text around the error, line breaks included:
    // 'cannot read it: Unexpected token ...', the reason spread over several lines of the log.
    const dir = workspace();
    writeFileSync(path.join(dir, 'cut.sarif'), '{\n  "version": "2.1.0",\n  "runs": [\n    {"tool":\n');
    writeFileSync(path.join(dir, 'merge.sarif'), '<<<<<<< HEAD\n{"runs": []}\n');
    const cut = await cli(['.', '--baseline', 'cut.sarif'], dir);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toBe(`vtaplint: baseline ${path.join(dir, 'cut.sarif')}:5:1: not valid JSON: value expected\n`);
    const merge = await cli(['.', '--baseline', 'merge.sarif'], dir);
    expect(merge.stderr).toBe(`vtaplint: baseline ${path.join(dir, 'merge.sarif')}:1:1: not valid JSON: invalid symbol\n`);
  });
  test('in a git working tree, a baseline made from the top folder matches a run from a subfolder, and back', async () => {
    // Fingerprints hold the path from the working tree's top, as the SARIF URIs do: where the run
    // starts (the repository top in CI, the infra folder in a terminal) does not change them.
    const top = mkdtempSync(path.join(tmpdir(), 'vtaplint-baseline-git-'));
    mkdirSync(path.join(top, '.git'));
    const infra = workspace();
    cpSync(infra, path.join(top, 'infra'), { recursive: true });
    const sub = path.join(top, 'infra');
    const fromTop = await cli(['infra', '--format', 'sarif', '-o', 'top.sarif'], top);
    expect(fromTop.code).toBe(1);
    const r = await sarif(sub, ['--baseline', path.join(top, 'top.sarif')]);
    expect(states(r.results)).toEqual([
      ['infra/a.json', 'unchanged'],
      ['infra/b.json', 'unchanged'],
    ]);
    expect(r.code).toBe(0);
    await sarif(sub, ['-o', 'sub.sarif']);
    const back = await cli(['infra', '--baseline', 'infra/sub.sarif'], top);
    expect([back.code, back.stdout]).toEqual([0, '']);
  });

  test('an indeterminate result (SARIF level none) is unchanged against a baseline made with it; one from a baseline that gave it level note is updated, not escalated', async () => {
    const dir = workspace();
    // The TAP's region from resourceGroup(): only known at deployment, an indeterminate note.
    for (const f of ['a.json', 'b.json']) writeFileSync(path.join(dir, f), readFileSync(path.join(dir, f), 'utf8').replaceAll('"westeurope"', '"[resourceGroup().location]"'));
    const base = await sarif(dir, ['-o', 'base.sarif']);
    expect(base.results.map((r) => [r.level, (r as { kind?: string }).kind])).toEqual([
      ['none', 'review'],
      ['none', 'review'],
    ]);
    const again = await sarif(dir, ['--baseline', 'base.sarif']);
    expect(states(again.results)).toEqual([
      ['a.json', 'unchanged'],
      ['b.json', 'unchanged'],
    ]);
    // A baseline written before indeterminate results had the level none (they were notes).
    const log = JSON.parse(readFileSync(path.join(dir, 'base.sarif'), 'utf8')) as { runs: { results: { level: string }[] }[] };
    for (const r of log.runs[0]!.results) r.level = 'note';
    writeFileSync(path.join(dir, 'old.sarif'), JSON.stringify(log));
    const old = await cli(['.', '--format', 'json', '--baseline', 'old.sarif'], dir);
    expect(old.code).toBe(0);
    expect((JSON.parse(old.stdout) as { summary: { baseline: unknown } }).summary.baseline).toEqual({ file: 'old.sarif', new: 0, unchanged: 0, updated: 2, escalated: 0, absent: 0 });
    // Gone since that baseline, a result of kind review is written absent with the level none.
    writeFileSync(path.join(dir, 'b.json'), readFileSync(path.join(FIXTURES, 'pass-supported.json'), 'utf8'));
    const gone = await sarif(dir, ['--baseline', 'old.sarif']);
    expect(gone.results.filter((r) => r.baselineState === 'absent').map((r) => [r.level, (r as { kind?: string }).kind])).toEqual([['none', 'review']]);
  });
});
