// Suppressions in every form: JSON comments, resource metadata, the config (with expiry), Bicep
// pragmas; suppressed results in SARIF; unused, expired, reasonless and unknown suppressions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, cli, findingsOf } from './helpers.js';
import { SourceText } from '../src/model/source.js';
import { TextSpan } from '../src/model/span.js';
import { parseBicep } from '../src/bicep/parser.js';
import { collectPragmas } from '../src/bicep/pragmas.js';
import { applySuppressions, isExpired, pragmaSites, siteProblem, type Candidate } from '../src/engine/suppress.js';
import type { Finding } from '../src/engine/finding.js';
import { RULES } from '../rules/index.js';

const BAD = readFileSync(path.join(REPO, 'test/integration/templates/fail-unsupported.json'), 'utf8');
/** Line 86 of the fixture: tap1's "location": "westeurope" (the vtap-supported-region error). */
const LOCATION_LINE = 86;

/** The rules these tests use; the others are switched off so new rules do not change the expectations. */
const USED = new Set(['vtap-supported-region', 'vtap-destination-type', 'vtap-source-vm-size-v6', 'unused-suppression']);
const OTHERS_OFF = Object.fromEntries(RULES.filter((r) => !USED.has(r.meta.id)).map((r) => [r.meta.id, 'off']));

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-suppress-'));
  const all = { 'vtaplint.config.json': '{}', ...files };
  for (const [name, text] of Object.entries(all)) {
    if (name !== 'vtaplint.config.json') writeFileSync(path.join(dir, name), text);
    else {
      // Keeps the test's own layout (line numbers) and adds the switched-off rules on one line at the end.
      const cfg = JSON.parse(text) as { rules?: Record<string, string> };
      const rules = JSON.stringify({ ...OTHERS_OFF, ...cfg.rules });
      const body = text.trim().replace(/\}$/, '');
      const merged = cfg.rules ? text : `${body}${body.trim() === '{' ? '' : ','}\n"rules": ${rules}\n}`;
      writeFileSync(path.join(dir, name), cfg.rules ? JSON.stringify({ ...cfg, rules: JSON.parse(rules) as unknown }, null, 2) : merged);
    }
  }
  return dir;
}

/** The fixture with `text` inserted as a line before 1-based `line`. */
function insertLine(text: string, line: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, inserted);
  return lines.join('\n');
}

interface SarifResult {
  ruleId: string;
  level: string;
  suppressions?: { kind: string; justification?: string; status?: string }[];
}

async function sarifResults(dir: string): Promise<SarifResult[]> {
  const r = await cli(['.', '--format', 'sarif'], dir);
  return (JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;
}

describe('ARM JSON: // vtaplint-disable-next-line', () => {
  test('suppresses the finding on the next line, kept in SARIF as inSource with the reason', async () => {
    const dir = workspace({ 't.json': insertLine(BAD, LOCATION_LINE, '      // vtaplint-disable-next-line vtap-supported-region -- enabled for us by support case 42') });
    const r = await findingsOf(['.'], dir);
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([]);
    const results = await sarifResults(dir);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ruleId: 'vtap-supported-region', suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'enabled for us by support case 42' }] });
  });

  test('a block comment works too; several ids separated by commas', async () => {
    const dir = workspace({ 't.json': insertLine(BAD, LOCATION_LINE, '      /* vtaplint-disable-next-line vtap-supported-region, vtap-destination-type -- reason */') });
    const r = await findingsOf(['.'], dir);
    // The region finding is suppressed; vtap-destination-type has nothing on that line: unused.
    expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([['unused-suppression', LOCATION_LINE]]);
    expect(r.findings[0]!.message).toMatch(/'vtap-destination-type' is unused/);
    expect(r.code).toBe(0);
  });

  test('without a reason: suppressed, and a warning asks for the reason', async () => {
    const dir = workspace({ 't.json': insertLine(BAD, LOCATION_LINE, '      // vtaplint-disable-next-line vtap-supported-region') });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => [f.ruleId, f.level])).toEqual([['unused-suppression', 'warning']]);
    expect(r.findings[0]!.message).toMatch(/has no reason/);
    expect(r.code).toBe(0);
  });

  test('on the wrong line: the finding stays, the comment is reported unused', async () => {
    const dir = workspace({ 't.json': insertLine(BAD, LOCATION_LINE - 1, '      // vtaplint-disable-next-line vtap-supported-region -- misplaced') });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['unused-suppression', 'vtap-supported-region']);
    expect(r.code).toBe(1);
  });

  test('an unknown rule id is reported', async () => {
    const dir = workspace({ 't.json': insertLine(BAD, LOCATION_LINE, '      // vtaplint-disable-next-line no-such-rule -- typo') });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['unused-suppression', 'vtap-supported-region']);
    expect(r.findings.find((f) => f.ruleId === 'unused-suppression')!.message).toMatch(/'no-such-rule' names no vtaplint rule/);
  });

  test('// vtaplint-disable-line at the end of the finding\'s line suppresses it; ESLint\'s block // vtaplint-disable is reported, not silently ignored', async () => {
    const lines = BAD.split('\n');
    lines[LOCATION_LINE - 1] = `${lines[LOCATION_LINE - 1] as string} // vtaplint-disable-line vtap-supported-region -- pilot`;
    const dir = workspace({ 't.json': insertLine(lines.join('\n'), 2, '  // vtaplint-disable vtap-destination-type') });
    const results = await sarifResults(dir);
    expect(results.find((x) => x.ruleId === 'vtap-supported-region')?.suppressions?.map((s) => [s.kind, s.justification])).toEqual([['inSource', 'pilot']]);
    const r = await findingsOf(['.'], dir);
    expect(r.findings.filter((f) => f.ruleId === 'unused-suppression').map((f) => [f.line, f.message])).toEqual([
      [
        2,
        "'// vtaplint-disable' is not a vtaplint directive and suppresses nothing (vtaplint has no block suppressions): write '// vtaplint-disable-next-line <rule-id> -- <reason>' on the line before a finding, or '// vtaplint-disable-line <rule-id> -- <reason>' at the end of its line",
      ],
    ]);
  });

  test('a misspelt rule id (it suppresses nothing) is reported with the rule spelt alike', async () => {
    const dir = workspace({ 't.json': insertLine(BAD, LOCATION_LINE, '      // vtaplint-disable-next-line vtap-supported-regions -- pilot') });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.find((f) => f.ruleId === 'unused-suppression')!.message).toBe(
      "the // vtaplint-disable-next-line suppression of 'vtap-supported-regions' names no vtaplint rule; did you mean 'vtap-supported-region'?",
    );
  });
});

describe('ARM JSON: resource metadata', () => {
  const withMetadata = (suppress: string) => BAD.replace('"name": "tap1",', `"name": "tap1",\n      "metadata": { "vtaplint": { "suppress": ${suppress} } },`);

  test('suppresses findings inside the resource declaration', async () => {
    const dir = workspace({ 't.json': withMetadata('{ "vtap-supported-region": "region enabled by support" }') });
    const r = await findingsOf(['.'], dir);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
    const results = await sarifResults(dir);
    expect(results[0]).toMatchObject({ suppressions: [{ kind: 'inSource', justification: 'region enabled by support' }] });
  });

  test('an empty reason, an unused rule and an unknown rule are reported', async () => {
    const dir = workspace({ 't.json': withMetadata('{ "vtap-supported-region": "", "vtap-source-vm-size-v6": "x", "nope": "x" }') });
    const r = await findingsOf(['.'], dir);
    const messages = r.findings.map((f) => `${f.ruleId}: ${f.message}`).sort();
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/'nope' names no vtaplint rule/);
    expect(messages[1]).toMatch(/'vtap-source-vm-size-v6' is unused/);
    expect(messages[2]).toMatch(/'vtap-supported-region' has no reason/);
    // Each points at its key in the metadata.
    expect(new Set(r.findings.map((f) => f.line))).toEqual(new Set([86]));
  });

  test('does not reach other resources', async () => {
    const text = BAD.replace('"name": "web-vm",', '"name": "web-vm",\n      "metadata": { "vtaplint": { "suppress": { "vtap-supported-region": "wrong resource" } } },');
    const r = await findingsOf(['.'], workspace({ 't.json': text }));
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['unused-suppression', 'vtap-supported-region']);
  });
});

describe('config suppressions', () => {
  const config = (entries: unknown[]) => JSON.stringify({ suppressions: entries }, null, 2);

  test('by rule, files glob and resource name: kind external, with the reason', async () => {
    const dir = workspace({ 't.json': BAD, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', files: '*.json', resource: 'tap1', reason: 'accepted risk' }]) });
    const r = await findingsOf(['.'], dir);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
    expect((await sarifResults(dir))[0]).toMatchObject({ suppressions: [{ kind: 'external', justification: 'accepted risk' }] });
  });

  test('resource by type/name, case-insensitively; another resource does not match', async () => {
    const dir = workspace({
      't.json': BAD,
      'vtaplint.config.json': config([
        { rule: 'vtap-supported-region', resource: 'microsoft.network/virtualNetworkTaps/TAP1', reason: 'r' },
        { rule: 'vtap-supported-region', resource: 'tap2', reason: 'r' },
      ]),
    });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([['unused-suppression', 'vtaplint.config.json', 8]]);
  });

  test('a Bicep resource by its deployed name, its symbolic name or type/name (the schema: "its name (or symbolic name)")', async () => {
    const bicep = readFileSync(path.join(REPO, 'fixtures/vtap-supported-region/fail-unsupported.bicep'), 'utf8');
    // The TAP is `resource tap ... = { name: 'tap1' ... }`.
    for (const resource of ['tap1', 'tap', 'Microsoft.Network/virtualNetworkTaps/tap1', 'Microsoft.Network/virtualNetworkTaps/tap']) {
      const dir = workspace({ 'main.bicep': bicep, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', resource, reason: 'r' }]) });
      const r = await findingsOf(['.'], dir);
      expect(r.findings.map((f) => f.ruleId), resource).toEqual([]);
    }
    const other = workspace({ 'main.bicep': bicep, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', resource: 'web-nic', reason: 'r' }]) });
    expect((await findingsOf(['.'], other)).findings.map((f) => f.ruleId).sort()).toEqual(['unused-suppression', 'vtap-supported-region']);
  });

  test('a Bicep loop: its symbolic name covers every instance, an instance or a deployed name only that one', async () => {
    const bicep = readFileSync(path.join(REPO, 'examples/bicep-vtap/main.bicep'), 'utf8');
    const dir = (resource: string) =>
      workspace({ 'main.bicep': bicep, 'vtaplint.config.json': config([{ rule: 'vtap-source-vm-size-v6', resource, reason: 'r' }]) });
    const sizes = async (resource: string) => (await findingsOf(['main.bicep'], dir(resource))).findings.filter((f) => f.ruleId === 'vtap-source-vm-size-v6').map((f) => f.resource);
    expect(await sizes('webVms')).toEqual([]);
    expect(await sizes('webVms[0]')).toEqual(['Microsoft.Compute/virtualMachines/webVms[1]']);
    expect(await sizes('web-vm-1')).toEqual(['Microsoft.Compute/virtualMachines/webVms[0]']);
  });

  test('expired: the finding is back, and the suppression is reported as expired', async () => {
    const dir = workspace({ 't.json': BAD, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', reason: 'until the migration', expires: '2001-01-31' }]) });
    const r = await findingsOf(['.'], dir);
    expect(r.code).toBe(1);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['unused-suppression', 'vtap-supported-region']);
    // Named by its place in the config, never by the folder the repository is in.
    expect(r.findings.find((f) => f.ruleId === 'unused-suppression')!.message).toBe(
      "the config (suppressions[0]) suppression of 'vtap-supported-region' expired on 2001-01-31: the finding is reported again; renew it with a reason, or fix the finding",
    );
  });

  test('not yet expired: suppressed', async () => {
    const dir = workspace({ 't.json': BAD, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', reason: 'r', expires: '2999-12-31' }]) });
    expect((await findingsOf(['.'], dir)).findings).toEqual([]);
  });

  test('expiry is inclusive of the date (UTC)', () => {
    expect(isExpired('2030-05-01', new Date('2030-05-01T23:59:59Z'))).toBe(false);
    expect(isExpired('2030-05-01', new Date('2030-05-02T00:00:00Z'))).toBe(true);
  });

  test('without a reason: suppressed, with a warning', async () => {
    const dir = workspace({ 't.json': BAD, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region' }]) });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringMatching(/has no reason: add "reason"/)]);
  });

  test('only judged unused when a linted file matches its files glob (pre-commit lints a few files)', async () => {
    const dir = workspace({ 't.json': BAD, 'other.json': BAD, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', files: 'other.json', reason: 'r' }]) });
    const r = await findingsOf(['t.json'], dir);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['vtap-supported-region']);
  });

  // A `files` glob with a typo ('legacy/*.jsn') or a folder since renamed matched no file, so the
  // entry was never judged, not even by a lint of the whole repository: kept forever, silently.
  test('a files glob that matches no file is reported when the lint covers the folder of the config', async () => {
    const dir = workspace({
      't.json': BAD,
      'legacy-old.json': BAD,
      'vtaplint.config.json': config([
        { rule: 'vtap-supported-region', files: 'legacy-*.jsn', reason: 'r' },
        { rule: 'vtap-supported-region', files: 'legacy-*.json', reason: 'r' },
      ]),
    });
    const r = await findingsOf(['.'], dir);
    expect(r.findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['vtap-supported-region', 't.json', LOCATION_LINE],
      ['unused-suppression', 'vtaplint.config.json', 3],
    ]);
    // A lint of a part of the tree does not judge it (pre-commit, a CI step per folder).
    expect((await findingsOf(['t.json'], dir)).findings.map((f) => f.ruleId)).toEqual(['vtap-supported-region']);
    expect((await findingsOf(['--context', '.', 't.json'], dir)).findings.map((f) => f.ruleId)).toEqual(['vtap-supported-region']);
  });

  test('unused-suppression can be switched off like any rule', async () => {
    const dir = workspace({ 't.json': BAD, 'vtaplint.config.json': JSON.stringify({ rules: { 'unused-suppression': 'off' }, suppressions: [{ rule: 'vtap-destination-type', reason: 'r' }] }) });
    expect((await findingsOf(['.'], dir)).findings.map((f) => f.ruleId)).toEqual(['vtap-supported-region']);
  });

  test('a misspelt key is a config error', async () => {
    const dir = workspace({ 't.json': BAD, 'vtaplint.config.json': config([{ rule: 'vtap-supported-region', reasn: 'x' }]) });
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown key "suppressions\[0\]\.reasn"; did you mean "reason"\?/);
  });
});

describe('Bicep pragmas', () => {
  const known = new Set(RULES.map((r) => r.meta.id));
  const text = [
    "param location string = 'eastus'", // 1
    '#disable-next-line vtap-supported-region no-unused-params', // 2
    "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {", // 3
    '  name: \'tap1\'', // 4
    '  // vtaplint-disable-next-line vtap-destination-type -- partner appliance', // 5
    '  location: location', // 6
    '}', // 7
    '#disable-diagnostics vtap-source-vm-size-v6', // 8
    'var a = 1', // 9
    '#restore-diagnostics vtap-source-vm-size-v6', // 10
    'var b = 2', // 11
    '// vtaplint-disable-next-line vtap-supported-region', // 12
    'var c = 3', // 13
  ].join('\n');
  const source = new SourceText('/virtual/main.bicep', text, 'bicep');
  const sites = pragmaSites(collectPragmas(source, parseBicep(source).program.trivia), known);

  function finding(ruleId: string, line: number): Candidate {
    const offset = source.offsetAt(line, 3);
    const span = new TextSpan(source, offset, offset + 1);
    const f: Finding = { ruleId, level: 'error', kind: 'fail', message: 'm', location: { file: source, region: span.region() }, related: [], logical: undefined, fingerprint: '', span };
    return { finding: f, resource: undefined };
  }

  test('Bicep codes that are not vtaplint rules are left alone', () => {
    expect(sites.map((s) => [s.form, s.ruleId])).toEqual([
      ['#disable-next-line', 'vtap-supported-region'],
      ['// vtaplint-disable-next-line', 'vtap-destination-type'],
      ['#disable-diagnostics', 'vtap-source-vm-size-v6'],
      ['// vtaplint-disable-next-line', 'vtap-supported-region'],
    ]);
  });

  test('each form suppresses its line (or range) and rule only', () => {
    const cands = [
      finding('vtap-supported-region', 3),
      finding('vtap-destination-type', 6),
      finding('vtap-supported-region', 6),
      finding('vtap-source-vm-size-v6', 9),
      finding('vtap-source-vm-size-v6', 11),
    ];
    applySuppressions(cands, sites);
    expect(cands.map((c) => c.finding.suppressions?.map((s) => [s.kind, s.justification]) ?? null)).toEqual([
      [['inSource', undefined]],
      [['inSource', 'partner appliance']],
      null,
      [['inSource', undefined]],
      null,
    ]);
    // Bicep's directives cannot carry a reason and are not asked for one; the unused comment is reported.
    expect(sites.map((s) => siteProblem(s))).toEqual([undefined, undefined, undefined, expect.stringMatching(/is unused/)]);
  });

  // `#disable-next-line vtap-source-vm-size-v7` (a typo of a vtaplint rule) and a bare
  // `#disable-next-line` (which the Bicep compiler rejects, BCP226) suppressed nothing without a word.
  test('a directive with no code, or a code spelt like a vtaplint rule that is none, is reported', async () => {
    const main = [
      "param location string = 'westeurope'", // 1
      "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {", // 2
      "  name: 'tap1'", // 3
      '  #disable-next-line vtap-suported-region no-hardcoded-location', // 4
      '  location: location', // 5
      '  properties: {}', // 6
      '}', // 7
      '#disable-next-line', // 8
      'output o string = location', // 9
      '#disable-diagnostics vtap-unknown-rule', // 10
    ].join('\n');
    const dir = workspace({ 'vtaplint.config.json': '{"rules": {"vtap-destination-type": "off"}}', 'main.bicep': main });
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => [f.ruleId, f.line, f.message])).toEqual([
      ['unused-suppression', 4, "the #disable-next-line suppression of 'vtap-suported-region' names no vtaplint rule; did you mean 'vtap-supported-region'?"],
      ['vtap-supported-region', 5, expect.stringMatching(/westeurope/)],
      ['unused-suppression', 8, 'the #disable-next-line suppression names no rule id'],
      ['unused-suppression', 10, "the #disable-diagnostics suppression of 'vtap-unknown-rule' names no vtaplint rule"],
    ]);
  });
});

// A finding decided by a parameters file's value lands in the template, with a related location
// at the value; a suppression written above that value (per environment: prod accepts what dev
// does not) used to be neither applied nor reported.
describe('suppressions in parameters files', () => {
  /** The TAPs here have no destination: only the region finding is of interest. */
  const NO_DESTINATION = { 'vtaplint.config.json': '{"rules": {"vtap-destination-type": "off"}}' };
  const TEMPLATE = [
    "param location string", // 1
    "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {", // 2
    "  name: 'tap1'", // 3
    '  location: location', // 4
    '  properties: {}', // 5
    '}', // 6
  ].join('\n');
  const ARM = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string' } },
      resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: "[parameters('location')]", properties: {} }],
    },
    null,
    2,
  );

  test('.bicepparam: // vtaplint-disable-next-line and #disable-next-line above the value suppress the finding it decides', async () => {
    const dir = workspace({
      ...NO_DESTINATION,
      'main.bicep': TEMPLATE,
      'prod.bicepparam': ["using 'main.bicep'", '// vtaplint-disable-next-line vtap-supported-region -- pilot approved by netops', "param location = 'westeurope'"].join('\n'),
      'test.bicepparam': ["using 'main.bicep'", '#disable-next-line vtap-supported-region', "param location = 'northeurope'"].join('\n'),
    });
    const results = await sarifResults(dir);
    expect(results.map((r) => [r.ruleId, r.suppressions?.map((s) => [s.kind, s.justification ?? null]) ?? null])).toEqual([
      ['vtap-supported-region', [['inSource', null]]],
      ['vtap-supported-region', [['inSource', 'pilot approved by netops']]],
    ]);
    expect((await cli(['.'], dir)).code).toBe(0);
  });

  test('.bicepparam: only the file whose value carries the comment is suppressed; a comment above another value is unused', async () => {
    const dir = workspace({
      ...NO_DESTINATION,
      'main.bicep': TEMPLATE,
      'prod.bicepparam': ["using 'main.bicep'", '// vtaplint-disable-next-line vtap-supported-region -- pilot', "param location = 'westeurope'"].join('\n'),
      'dev.bicepparam': ["using 'main.bicep'", "param location = 'westeurope'", '// vtaplint-disable-next-line vtap-destination-type -- stale', ''].join('\n'),
    });
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => [f.ruleId, f.file, f.line, f.related.map((r) => r.file)])).toEqual([
      ['unused-suppression', 'dev.bicepparam', 3, []],
      ['vtap-supported-region', 'main.bicep', 4, ['dev.bicepparam']],
    ]);
  });

  test('ARM: a comment in x.parameters.json above the value suppresses, and a stale one there is reported', async () => {
    const params = (comment: string) =>
      ['{', '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",', '  "contentVersion": "1.0.0.0",', '  "parameters": {', `    ${comment}`, '    "location": { "value": "westeurope" }', '  }', '}'].join('\n');
    const used = workspace({ ...NO_DESTINATION, 'azuredeploy.json': ARM, 'azuredeploy.parameters.json': params('// vtaplint-disable-next-line vtap-supported-region -- pilot') });
    expect((await sarifResults(used)).map((r) => [r.ruleId, r.suppressions?.map((s) => s.justification) ?? null])).toEqual([['vtap-supported-region', ['pilot']]]);
    const stale = workspace({ ...NO_DESTINATION, 'azuredeploy.json': ARM, 'azuredeploy.parameters.json': params('// vtaplint-disable-next-line vtap-no-ipv6 -- old') });
    const { findings } = await findingsOf(['.'], stale);
    expect(findings.map((f) => [f.ruleId, f.file, f.line])).toEqual([
      ['vtap-supported-region', 'azuredeploy.json', 14],
      ['unused-suppression', 'azuredeploy.parameters.json', 5],
    ]);
  });
});
