// --format codeclimate: the Code Climate issues GitLab reads as a Code Quality report (its merge
// request widget and diff). GitLab reads no SARIF: without this, GitLab users had nothing to feed it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, workspace } from './helpers.js';

const arm = (resources: unknown[]) =>
  JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
const tap = (name: string, location: string, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/virtualNetworkTaps',
  apiVersion: '2024-05-01',
  name,
  location,
  ...extra,
  properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector', 'ipconfig1')]" } },
});

interface Issue {
  type: string;
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; positions: { begin: { line: number; column: number }; end: { line: number; column: number } } };
}

describe('--format codeclimate', () => {
  test("one issue per finding: rule, message, GitLab's severity, the finding's fingerprint, the path from the repository's top", async () => {
    const dir = workspace({
      'infra/a.json': arm([tap('tap1', 'westeurope'), tap('tap2', 'westeurope', { metadata: { vtaplint: { suppress: { 'vtap-supported-region': 'pilot' } } } })]),
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    // Run from the subfolder, as a CI job with a working directory: paths still start at the repository's top.
    const r = await cli(['.', '--format', 'codeclimate'], path.join(dir, 'infra'));
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as Issue[];
    const sarif = JSON.parse((await cli(['.', '--format', 'sarif'], path.join(dir, 'infra'))).stdout) as { runs: { results: { ruleId: string; suppressions?: unknown[]; partialFingerprints: Record<string, string> }[] }[] };
    const shown = sarif.runs[0]!.results.filter((x) => !x.suppressions);
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.positions.begin.line, i.type, i.categories])).toEqual([
      ['vtap-supported-region', 'major', 'infra/a.json', 9, 'issue', ['Bug Risk']],
      ['vtap-destination-type', 'info', 'infra/a.json', 12, 'issue', ['Bug Risk']],
      ['vtap-destination-type', 'info', 'infra/a.json', 30, 'issue', ['Bug Risk']],
    ]);
    // Suppressed: not an issue. Fingerprints are the SARIF ones, so GitLab tracks the same findings code scanning does.
    expect(issues.map((i) => i.fingerprint).sort()).toEqual(shown.map((x) => x.partialFingerprints['vtaplint/v1']).sort());
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
    expect(issues[0]?.description).toMatch(/^TAP 'tap1' is in 'westeurope', where virtual network TAP is not available/);
    expect(issues[0]?.location.positions).toEqual({ begin: { line: 9, column: 19 }, end: { line: 9, column: 31 } });
  });

  test('a warning is minor; nothing to report is an empty array', async () => {
    const dir = workspace({ 'a.json': arm([tap('tap1', 'centralus')]), 'clean.json': arm([]) });
    const w = JSON.parse((await cli(['a.json', '--format', 'codeclimate', '-q'], dir)).stdout) as Issue[];
    expect(w).toEqual([]);
    const all = JSON.parse((await cli(['a.json', '--format', 'codeclimate'], dir)).stdout) as Issue[];
    expect(all.map((i) => [i.check_name, i.severity])).toEqual([
      ['vtap-supported-region', 'minor'],
      ['vtap-destination-type', 'info'],
    ]);
    expect((await cli(['clean.json', '--format', 'codeclimate'], dir)).stdout).toBe('[]\n');
  });
});
