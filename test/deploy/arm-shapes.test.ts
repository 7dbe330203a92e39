// One deployment written in the shapes ARM accepts for it: property names in another letter case
// (ARM reads a template's keys case-insensitively), a property written by a `copy` loop instead of
// as a literal array, a languageVersion 2.0 template with `existing` resources. Each shape of a
// failing fixture must give the canonical findings: the same rule, level and kind, the same
// message, and a location on the same deciding property.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from '../helpers.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const fixture = (rel: string): Obj => JSON.parse(readFileSync(path.join(REPO, 'fixtures', rel), 'utf8')) as Obj;
const clone = <T extends Json>(v: T): T => structuredClone(v);
const resources = (t: Obj): Obj[] => (Array.isArray(t.resources) ? t.resources : Object.values(t.resources as Obj)) as Obj[];
const find = (t: Obj, type: string, name: string): Obj => {
  const r = resources(t).find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} '${name}'`);
  return r;
};

/** Every finding as what it says and the source text it points at (the deciding property's token). */
async function shapeFindings(template: Obj): Promise<string[]> {
  const text = `${JSON.stringify(template, null, 2)}\n`;
  const dir = workspace({ 'azuredeploy.json': text }, 'vtaplint-shapes-');
  const { findings } = await findingsOf(['azuredeploy.json'], dir);
  const lines = text.split('\n');
  return findings
    .map((f) => {
      const at = (lines[f.line - 1] ?? '').slice(f.column - 1);
      const token = /^("(?:[^"\\]|\\.)*"|[^\s,]+)/.exec(at)?.[1] ?? at;
      return `${f.ruleId} ${f.level} ${f.kind}: ${f.message} @ ${token}`;
    })
    .sort();
}

/** The NIC's ipConfigurations written by a property copy loop over a variable, with its keys in `keys`' case. */
function ipConfigurationsByPropertyCopy(t: Obj, nic: string, keys: { copy: string; name: string; count: string; input: string }): Obj {
  const out = clone(t);
  const props = find(out, 'Microsoft.Network/networkInterfaces', nic).properties as Obj;
  const variables = (out.variables ??= {}) as Obj;
  variables.sourceIpConfigurations = props.ipConfigurations as Json;
  delete props.ipConfigurations;
  props[keys.copy] = [
    {
      [keys.name]: 'ipConfigurations',
      [keys.count]: "[length(variables('sourceIpConfigurations'))]",
      [keys.input]: "[variables('sourceIpConfigurations')[copyIndex('ipConfigurations')]]",
    },
  ];
  return out;
}

/** The template in languageVersion 2.0 form (resources keyed by symbolic name). */
function symbolic(t: Obj): Obj {
  const out = clone(t);
  const byName: Obj = {};
  for (const r of resources(out)) byName[String(r.name).replace(/[^A-Za-z0-9]/g, '_')] = r;
  return { ...out, languageVersion: '2.0', resources: byName };
}

/** The collector NIC an `existing` resource (with the key spelt `existingKey`), not one the template deploys. */
function existingCollector(t: Obj, existingKey: string): Obj {
  const out = symbolic(t);
  const nic = (out.resources as Obj).collector_nic as Obj;
  (out.resources as Obj).collector_nic = { type: nic.type as string, apiVersion: nic.apiVersion as string, name: nic.name as string, [existingKey]: true };
  return out;
}

describe('the same deployment in every shape ARM accepts gives the same findings', () => {
  test("a source NIC's ipConfigurations written by a property copy loop whose keys are capitalised (Copy, Name, Count, Input)", async () => {
    const basic = fixture('vtap-source-basic-lb/fail-basic.json');
    const canonical = await shapeFindings(basic);
    expect(canonical).toContainEqual(expect.stringMatching(/^vtap-source-basic-lb error fail: source NIC 'web-nic' is behind load balancer 'web-lb', which is Basic;.* @ "Basic"$/));
    const lower = { copy: 'copy', name: 'name', count: 'count', input: 'input' };
    expect(await shapeFindings(ipConfigurationsByPropertyCopy(basic, 'web-nic', lower))).toEqual(canonical);
    const upper = { copy: 'Copy', name: 'Name', count: 'Count', input: 'Input' };
    expect(await shapeFindings(ipConfigurationsByPropertyCopy(basic, 'web-nic', upper))).toEqual(canonical);
  });

  test("an existing destination NIC declared with 'Existing': true in a languageVersion 2.0 template", async () => {
    const v6 = fixture('vtap-source-vm-size-v6/fail-v6.json');
    const canonical = await shapeFindings(existingCollector(v6, 'existing'));
    expect(canonical).toContainEqual(expect.stringMatching(/^vtap-destination-type note review: the destination of TAP 'tap1' is on 'collector-nic', an existing resource whose properties are not in the template/));
    expect(canonical).toContainEqual(expect.stringMatching(/^vtap-source-vm-size-v6 error fail: .* @ "Standard_D2s_v6"$/));
    expect(await shapeFindings(existingCollector(v6, 'Existing'))).toEqual(canonical);
    expect(await shapeFindings(existingCollector(v6, 'EXISTING'))).toEqual(canonical);
  });
});

/**
 * The v6 fixture with its TAP and TAP configuration moved to a linked template (tap.json) that a
 * deployment deploys only when `deployTap` is true; `keys` spell the deployment's keys, and
 * `inline` wraps that deployment in an inline nested deployment (which is then the one under the
 * condition).
 */
function optionalLinkedTap(keys: { type: string; properties: string; template: string }, inline: boolean): Record<string, string> {
  const t = fixture('vtap-source-vm-size-v6/fail-v6.json');
  const isTap = (r: Obj) => r.type === 'Microsoft.Network/virtualNetworkTaps' || r.type === 'Microsoft.Network/networkInterfaces/tapConfigurations';
  const moved = resources(t).filter(isTap);
  const rest = resources(t).filter((r) => !isTap(r));
  for (const r of rest) if (Array.isArray(r.dependsOn)) r.dependsOn = r.dependsOn.filter((d) => !String(d).includes('virtualNetworkTaps'));
  for (const r of moved) r.dependsOn = ((r.dependsOn ?? []) as Json[]).filter((d) => String(d).includes('virtualNetworkTaps'));
  const linked: Obj = { $schema: t.$schema as string, contentVersion: '1.0.0.0', resources: moved };
  const link: Obj = { [keys.type]: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'tap', [keys.properties]: { mode: 'Incremental', templateLink: { relativePath: 'tap.json' } } };
  const deployment: Obj = inline
    ? { [keys.type]: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'tap-wrapper', [keys.properties]: { mode: 'Incremental', [keys.template]: { $schema: t.$schema as string, contentVersion: '1.0.0.0', resources: [link] } } }
    : link;
  deployment.condition = "[parameters('deployTap')]";
  const main: Obj = { ...t, parameters: { deployTap: { type: 'bool', defaultValue: false } }, resources: [...rest, deployment] };
  return { 'azuredeploy.json': `${JSON.stringify(main, null, 2)}\n`, 'tap.json': `${JSON.stringify(linked, null, 2)}\n` };
}

/** Each nested deployment's top-level `location` and `scope` keys spelt as `key` gives them. */
function deploymentKeys(t: Obj, key: (k: string) => string): Obj {
  const out = clone(t);
  for (const r of resources(out)) {
    if (r.type !== 'Microsoft.Resources/deployments') continue;
    for (const k of ['location', 'scope']) {
      if (!(k in r)) continue;
      r[key(k)] = r[k] as Json;
      if (key(k) !== k) delete r[k];
    }
  }
  return out;
}

describe('a subscription-scope template whose nested deployment spells its keys in another case', () => {
  test('"Location" on a deployment to the subscription is its location', async () => {
    const sub = fixture('vtap-supported-region/fail-subscription-scope-deployment-output.json');
    const canonical = await shapeFindings(sub);
    expect(canonical).toContainEqual(expect.stringMatching(/^vtap-supported-region error fail: TAP 'tap' is in 'westeurope'/));
    expect(canonical.some((f) => f.startsWith('invalid-template'))).toBe(false);
    expect(await shapeFindings(deploymentKeys(sub, (k) => k[0]!.toUpperCase() + k.slice(1)))).toEqual(canonical);
    expect(await shapeFindings(deploymentKeys(sub, (k) => k.toUpperCase()))).toEqual(canonical);
  });
});

describe('a linked template that a deployment under a false condition would deploy is its parent\'s, whatever the keys\' case', () => {
  const lintFolder = async (files: Record<string, string>) => (await findingsOf(['.'], workspace(files, 'vtaplint-shapes-'))).findings.map((f) => `${f.file} ${f.ruleId} ${f.kind}`);
  const lower = { type: 'type', properties: 'properties', template: 'template' };
  const upper = { type: 'Type', properties: 'Properties', template: 'Template' };

  test('the deployment that links it declared with "Type"', async () => {
    expect(await lintFolder(optionalLinkedTap(lower, false))).toEqual([]);
    expect(await lintFolder(optionalLinkedTap(upper, false))).toEqual([]);
  });

  test('the link inside an inline nested template declared with "Type", "Properties" and "Template"', async () => {
    expect(await lintFolder(optionalLinkedTap(lower, true))).toEqual([]);
    expect(await lintFolder(optionalLinkedTap(upper, true))).toEqual([]);
  });
});

describe('deployments of one name in one scope, written with capitalised keys', () => {
  /** Deployments 'web' and 'app', in parallel, each running an inline deployment named 'nic-deployment' (its keys spelt `keys`) that deploys the collector NIC of the v6 fixture. */
  function parallelSameName(keys: { properties: string; template: string }): Obj {
    const t = fixture('vtap-source-vm-size-v6/fail-v6.json');
    const nic = find(t, 'Microsoft.Network/networkInterfaces', 'collector-nic');
    const inner = (): Obj => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'nic-deployment',
      [keys.properties]: { mode: 'Incremental', [keys.template]: { $schema: t.$schema as string, contentVersion: '1.0.0.0', resources: [clone(nic)] } },
    });
    const outer = (name: string): Obj => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name,
      properties: { mode: 'Incremental', template: { $schema: t.$schema as string, contentVersion: '1.0.0.0', resources: [inner()] } },
    });
    return { $schema: t.$schema as string, contentVersion: '1.0.0.0', resources: [outer('web'), outer('app')] };
  }

  test('"Properties" and "Template" on the inner deployments: still both deployment \'nic-deployment\', started at once', async () => {
    const canonical = await shapeFindings(parallelSameName({ properties: 'properties', template: 'template' }));
    expect(canonical).toContainEqual(expect.stringMatching(/^evaluation-error error fail: 'nic-deployment' \(in 'app'\) and 'nic-deployment' \(in 'web'\) are both deployment 'nic-deployment' in the same scope/));
    expect(await shapeFindings(parallelSameName({ properties: 'Properties', template: 'Template' }))).toEqual(canonical);
  });
});
