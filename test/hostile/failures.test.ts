// Failures stay local: a bad file is a finding (exit 1); a bug in one rule or while analysing one
// file is a tool notification (SARIF toolExecutionNotifications, a stylish line, exit 2) and
// every other result is still reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';
import { lint } from '../../src/engine/lint.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatStylish } from '../../src/report/stylish.js';
import { GOOD, Root, template } from './helpers.js';

let root: Root;
beforeEach(() => {
  root = new Root();
});
afterEach(() => root.remove());

/** A rule that throws for templates whose file name contains "boom", and passes elsewhere. */
const THROWING: Rule = defineRule(
  { id: 'test-throws', name: 'TestThrows', shortDescription: 'Throws.', fullDescription: 'Throws on purpose.', defaultLevel: 'error', tags: ['test'], precision: 'very-high' },
  '',
  (ctx) => {
    const first = ctx.graph.resources[0];
    if (first && first.unit.file.path.includes('boom')) throw new Error('rule exploded on purpose');
  },
);

interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string }; level: string }[] }[] }[];
}

describe('failures stay local', () => {
  it('a rule that throws on one file: a notification, and every other result is still reported', { timeout: 20_000 }, async () => {
    root.write('boom.json', template({ resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2024-05-01', name: 'v', location: 'westeurope' }] }));
    const rules = [...RULES, THROWING];
    const opts = { root: root.dir, cwd: root.dir, rules };
    const alone = await lint([GOOD], opts);
    const both = await lint(['.'], opts);
    expect(alone.notifications).toEqual([]);
    expect(both.notifications).toHaveLength(1);
    expect(both.notifications[0]?.message).toContain('internal error in rule test-throws: rule exploded on purpose');
    expect(both.notifications[0]?.file).toBe(root.path('boom.json'));
    // good.json's findings are those of the run on it alone.
    const key = (fs: typeof both.findings) => fs.filter((f) => f.location.file.path.endsWith(GOOD)).map((f) => `${f.ruleId}|${f.message}|${f.fingerprint}`);
    expect(key(both.findings)).toEqual(key(alone.findings));
    expect(key(both.findings).length).toBeGreaterThan(0);

    const sarif = JSON.parse(formatSarif(both, rules, { version: '0', startTime: '', endTime: '' })) as SarifLog;
    const inv = sarif.runs[0]?.invocations[0];
    expect(inv?.executionSuccessful).toBe(false);
    expect(inv?.toolExecutionNotifications?.[0]?.message.text).toContain('rule exploded on purpose');
    expect(sarif.runs[0]?.results.some((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === GOOD)).toBe(true);

    const stylish = formatStylish(both, { color: false });
    expect(stylish).toMatch(/boom\.json\n {2}0:0 {2}error {2}internal error in rule test-throws: rule exploded on purpose {2}internal-error/);
    expect(stylish).toContain('good.json');
  });

  it('the CLI: a broken file alone exits 1 (a finding), never 2', { timeout: 20_000 }, async () => {
    root.write('broken.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [');
    const run = await root.lint(['broken.json']);
    expect(run.code).toBe(1);
    expect(run.notifications).toEqual([]);
    expect(run.findings.map((f) => f.ruleId)).toEqual(['invalid-template']);
  });
});
