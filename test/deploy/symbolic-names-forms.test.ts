// One deployment written three ways (fixtures/symbolic-names): Bicep, the languageVersion 1.0 JSON
// the compiler writes by default, and the languageVersion 2.0 JSON it writes for files that need
// symbolic names. ARM deploys the two JSON forms the same way, so the vTAP verdicts must agree.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findingsOf, type JsonFinding } from '../helpers.js';

const FORMS = { bicep: 'bicep/main.bicep', 'languageVersion 1.0': 'json-1.0/main.json', 'languageVersion 2.0': 'json-2.0/main.json' };
const verdicts = (fs: JsonFinding[]) => fs.map((f) => `${f.ruleId} ${f.level} ${f.kind}`).sort();

describe('a TAP, a module, an existing NIC and its tapConfigurations in three forms', () => {
  test('give the same verdicts', async () => {
    const runs = await Promise.all(Object.values(FORMS).map((f) => findingsOf([path.join('fixtures', 'symbolic-names', f)])));
    const [bicep, v1, v2] = runs.map((r) => r.findings) as [JsonFinding[], JsonFinding[], JsonFinding[]];
    expect(verdicts(bicep)).toEqual([
      'vtap-destination-port warning fail',
      'vtap-live-migration note fail',
      'vtap-one-config-per-nic error fail',
      'vtap-source-downtime note fail',
      'vtap-source-vm-nic note review',
      'vtap-source-vm-restart warning fail',
    ]);
    expect(verdicts(v1)).toEqual(verdicts(bicep));
    expect(verdicts(v2)).toEqual(verdicts(bicep));
    // The languageVersion 2.0 form names resources by symbolic name, as the Bicep file does, and
    // knows the NIC is an `existing` resource: the same messages about the same resources.
    const said = (fs: JsonFinding[]) => fs.map((f) => `${f.ruleId} ${f.resource} ${f.message}`).sort();
    expect(said(v2)).toEqual(said(bicep));
    // Messages name resources by their names, which the compiler writes into both JSON forms: the
    // same names in all three (the languageVersion 1.0 form only words an `existing` NIC otherwise).
    const names = (fs: JsonFinding[]) => fs.map((f) => `${f.ruleId} ${[...f.message.matchAll(/'([^']*)'/g)].map((m) => m[1]).join(' ')}`).sort();
    expect(names(v1)).toEqual(names(bicep));
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
  });
});
