// --context DIR: the named files judged as a lint of DIR judges them, and only they reported (the
// pre-commit hook names just the staged files).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  test('a broken file named as a parameters file is reported without a $schema or a template that uses it (the hook passed it)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-orphan-params-'));
    writeFileSync(path.join(dir, 'lost.parameters.json'), '{ "parameters": { "location": { "value": "eastus" }\n');
    writeFileSync(path.join(dir, 'web.parameters.prod.json'), '{ bad json');
    // Other JSON that does not parse is not ours to report when found in a folder.
    writeFileSync(path.join(dir, 'settings.json'), '{ bad json');
    mkdirSync(path.join(dir, 'x.parameters.d'));
    writeFileSync(path.join(dir, 'x.parameters.d', 'notes.json'), '{ bad json');
    expect(rules(await sarif(['.'], dir))).toEqual(['lost.parameters.json:2 invalid-template', 'web.parameters.prod.json:1 invalid-template']);
    expect(rules(await sarif(['--context', '.', 'lost.parameters.json'], dir))).toEqual(['lost.parameters.json:2 invalid-template']);
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

  test('a named .bicepparam file or entry reports what its deployment finds in the modules it deploys (the hook passed a commit CI fails)', async () => {
    const envs = path.join(REPO, 'test/data/context-envs');
    const all = await sarif(['.'], envs);
    const v6 = 'modules/web.bicep:60 vtap-source-vm-size-v6';
    expect(rules(all)).toEqual(['modules/web.bicep:56 vtap-live-migration', v6]);
    // prod.bicepparam sets the v6 size: the error is in the module, decided by the staged file.
    const prod = await sarif(['--context', '.', 'params/prod.bicepparam'], envs);
    expect(rules(prod)).toEqual(rules(all));
    expect(prod.code).toBe(1);
    expect(prod.findings).toEqual(all.findings);
    // The entry whose parameters files give it values: every deployment of it.
    expect(rules(await sarif(['--context', '.', 'main.bicep'], envs))).toEqual(rules(all));
    // dev.bicepparam gives a size that can be mirrored: prod's error is not about it.
    const dev = await sarif(['--context', '.', 'params/dev.bicepparam'], envs);
    expect(rules(dev)).toEqual(['modules/web.bicep:56 vtap-live-migration']);
    expect(dev.code).toBe(0);
  });

  test('a named ARM parameters file reports what its template finds in a linked template', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-linked-'));
    const params = (location: string) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { location: { value: location } } });
    const template = (resources: unknown[], parameters: unknown) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters, resources }, null, 2);
    writeFileSync(path.join(dir, 'azuredeploy.json'), template([{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'tap', properties: { mode: 'Incremental', templateLink: { relativePath: 'tap.json' }, parameters: { location: { value: "[parameters('location')]" } } } }], { location: { type: 'string' } }));
    writeFileSync(path.join(dir, 'azuredeploy.parameters.json'), params('westeurope'));
    writeFileSync(path.join(dir, 'tap.json'), template([{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: "[parameters('location')]", properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')]" } } }], { location: { type: 'string' } }));
    const staged = await sarif(['--context', '.', 'azuredeploy.parameters.json'], dir);
    expect(rules(staged)).toEqual(['tap.json:14 vtap-supported-region', 'tap.json:17 vtap-destination-type']);
    expect(staged.code).toBe(1);
  });

  // A commit that deletes a module another file still deploys: the hook is given the deleted path
  // (a script listing the changed files, or pre-commit with the deletion staged beside other
  // changes). It was "no files match" and exit 2, bad usage; the parent, not staged, was not linted
  // for the commit, so CI failed on what the hook let through.
  test('a named file that does not exist is one the change deletes: what still uses it is reported at the module statement', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-deleted-'));
    cpSync(CONTEXT, dir, { recursive: true });
    rmSync(path.join(dir, 'modules/vtap.bicep'));
    const run = await sarif(['--context', '.', 'modules/vtap.bicep'], dir);
    expect(rules(run)).toEqual(['main.bicep:2 invalid-template']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const text = await cli(['--context', '.', '--format', 'unix', 'modules/vtap.bicep'], dir);
    expect(text.stdout).toBe("main.bicep:2:12: error: the module 'modules/vtap.bicep' does not exist [invalid-template]\n");
    // A linked template deleted under an ARM template that still links it.
    const params = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: {} });
    writeFileSync(path.join(dir, 'azuredeploy.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'tap', properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/tap.json' } } }] }, null, 2));
    writeFileSync(path.join(dir, 'azuredeploy.parameters.json'), params);
    expect(rules(await sarif(['--context', '.', 'nested/tap.json'], dir))).toEqual(['azuredeploy.json:12 invalid-template']);
    // A deleted file nothing uses: nothing to report.
    const unused = await sarif(['--context', '.', 'old/unused.bicep'], dir);
    expect(unused.findings).toEqual([]);
    expect(unused.code).toBe(0);
    expect(unused.stderr).toBe('');
  });

  // pre-commit passes a rename's new name only: the module renamed away from under main.bicep was
  // not named, and the hook passed what CI failed. --staged-deletions asks git's index for them.
  test('--staged-deletions names the files the git index deletes or renames away, so what still uses them is reported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-staged-'));
    cpSync(CONTEXT, dir, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
    git('mv', 'modules/vtap.bicep', 'modules/vtap2.bicep');
    // The new name alone: its own findings (nothing deploys it yet), not main.bicep's broken module.
    const without = await sarif(['--context', '.', 'modules/vtap2.bicep'], dir);
    expect(rules(without)).not.toContain('main.bicep:2 invalid-template');
    const run = await sarif(['--context', '.', '--staged-deletions', 'modules/vtap2.bicep'], dir);
    expect(rules(run)).toEqual(['main.bicep:2 invalid-template', ...rules(without)]);
    expect(run.code).toBe(1);
    // Outside a git repository: the named files alone, and that is said.
    const plain = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-nogit-'));
    cpSync(CONTEXT, plain, { recursive: true });
    const alone = await cli(['--context', '.', '--staged-deletions', 'modules/vtap.bicep'], plain);
    expect(alone.stderr).toMatch(/^vtaplint: --staged-deletions: cannot ask git which files the commit deletes \(.*\); only the files named are linted\n$/);
    // It goes with --context.
    const usage = await cli(['--staged-deletions', 'main.bicep'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--staged-deletions goes with --context');
  });

  test('a named vtaplint.config.json reports the files it governs (a hook staging only a config change that CI fails on)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-context-config-'));
    const tap = "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap1'\n  location: 'centralus'\n  properties: {}\n}\n";
    for (const app of ['web', 'data']) {
      mkdirSync(path.join(dir, 'infra', app), { recursive: true });
      writeFileSync(path.join(dir, 'infra', app, 'main.bicep'), tap);
    }
    writeFileSync(path.join(dir, 'vtaplint.config.json'), JSON.stringify({ rules: { 'vtap-destination-type': 'off' } }));
    // The data team's config: centralus is supported (Azure lists it on one revision of the page).
    const dataConfig = { rules: { 'vtap-destination-type': 'off' }, regions: { supported: ['eastus', 'centralus'] } };
    writeFileSync(path.join(dir, 'infra/data/vtaplint.config.json'), JSON.stringify(dataConfig));
    expect(rules(await sarif(['--context', '.', 'infra/data/vtaplint.config.json'], dir))).toEqual([]);
    // Staged: centralus taken off the list. CI now fails on infra/data/main.bicep; so does the hook.
    writeFileSync(path.join(dir, 'infra/data/vtaplint.config.json'), JSON.stringify({ ...dataConfig, regions: { supported: ['eastus'] } }));
    const staged = await sarif(['--context', '.', 'infra/data/vtaplint.config.json'], dir);
    expect(rules(staged)).toEqual(['infra/data/main.bicep:3 vtap-supported-region']);
    // The top config governs the files no nearer config does (infra/web).
    expect(rules(await sarif(['--context', '.', 'vtaplint.config.json'], dir))).toEqual(['infra/web/main.bicep:3 vtap-supported-region']);
  });

  test('with no file named, nothing is linted or reported (a script whose list of changed files is empty), and stderr says so', async () => {
    // The folder has findings: a lint of it reports them; `--context .` alone reported them all.
    expect((await sarif(['.'])).findings.length).toBeGreaterThan(0);
    const r = await sarif(['--context', '.']);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('vtaplint: --context . names no files after it: nothing is linted or reported\n');
  });

  test('is bad usage with a folder that does not exist, and for eval and graph', async () => {
    const r = await cli(['--context', 'no/such/dir', 'main.bicep'], CONTEXT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--context: no such folder 'no/such/dir'");
    // A file given where the folder goes (`--context main.bicep main.bicep`, the folder forgotten)
    // was 'no such folder' too, of a file that is there.
    const file = await cli(['--context', 'main.bicep', 'main.bicep'], CONTEXT);
    expect([file.code, file.stderr]).toEqual([2, "vtaplint: --context takes a folder (the top of what a full lint reads, e.g. --context .); 'main.bicep' is a file\n"]);
    expect((await cli(['eval', 'main.bicep', '--context', '.'], CONTEXT)).stderr).toContain('eval does not take --context');
  });
});
