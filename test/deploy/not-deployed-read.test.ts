// reference() of a resource whose condition is false, by a resource that is deployed: ARM evaluates
// it all the same ("If you use a reference or list function with a resource that is conditionally
// deployed, the function is evaluated even if the resource isn't deployed", ARM's
// conditional-resource-deployment.md; Bicep's BCP318). Reads the template guards stay silent.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { diagnosticsNow } from '../../src/engine/analyze.js';
import { lint } from '../../src/engine/lint.js';
import { workspace } from '../helpers.js';
import { analyze, arm } from './helpers.js';

const subnet = "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 's')]";
const coll = {
  condition: "[parameters('deployColl')]",
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2024-05-01',
  name: 'coll',
  location: 'eastus',
  properties: { ipConfigurations: [{ name: 'ip', properties: { subnet: { id: subnet } } }] },
};
const tap = (destination: string, condition?: string) => ({
  ...(condition ? { condition } : {}),
  type: 'Microsoft.Network/virtualNetworkTaps',
  apiVersion: '2024-05-01',
  name: 'tap',
  location: 'eastus',
  dependsOn: ['coll'],
  properties: { destinationNetworkInterfaceIPConfiguration: { id: destination } },
});
const parameters = { deployColl: { type: 'bool', defaultValue: false }, other: { type: 'bool' } };
const other = "resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'other', 'ip')";

/** The not-deployed-read warnings once every deployed body is evaluated (lint evaluates what rules read). */
function reads(resources: unknown[]): { message: string; text: string; level: string | undefined }[] {
  const { a } = analyze({ 'main.json': arm(resources, { parameters }) });
  for (const r of a.graph.resources) void r.body;
  return diagnosticsNow(a)
    .filter((d) => d.message.includes('whose condition is false'))
    .map((d) => ({ message: d.message, text: d.span.text(), level: d.level }));
}

describe('reference() of a resource whose condition is false', () => {
  test('from a deployed resource, by name or by id: a warning at the call', () => {
    const byName = reads([coll, tap("[reference('coll').ipConfigurations[0].id]")]);
    expect(byName).toEqual([
      {
        message:
          "'tap' reads 'coll' (reference()), whose condition is false with these parameter values, so it is not deployed; ARM evaluates the read all the same, and the deployment fails (\"was not found\", ResourceNotFound) unless 'coll' already exists: read it only under its condition (if(<condition>, reference('coll')..., <another value>)) or give 'tap' the same condition",
        text: "reference('coll')",
        level: 'warning',
      },
    ]);
    const byId = reads([coll, tap("[reference(resourceId('Microsoft.Network/networkInterfaces', 'coll')).ipConfigurations[0].id]")]);
    expect(byId.map((r) => r.text)).toEqual(["reference(resourceId('Microsoft.Network/networkInterfaces', 'coll'))"]);
  });

  test('guarded reads are silent: the same or an implied condition, if() on it, a reader that may not deploy, a deployed target', () => {
    expect(reads([coll, tap("[reference('coll').ipConfigurations[0].id]", "[parameters('deployColl')]")])).toEqual([]);
    expect(reads([coll, tap("[reference('coll').ipConfigurations[0].id]", "[and(parameters('deployColl'), true())]")])).toEqual([]);
    expect(reads([coll, tap(`[if(parameters('deployColl'), reference('coll').ipConfigurations[0].id, ${other})]`)])).toEqual([]);
    expect(reads([coll, tap("[reference('coll').ipConfigurations[0].id]", "[parameters('other')]")])).toEqual([]);
    expect(reads([{ ...coll, condition: "[not(parameters('deployColl'))]" }, tap("[reference('coll').ipConfigurations[0].id]")])).toEqual([]);
  });

  test('Bicep: a symbolic property read of a conditional resource warns unguarded, not under its condition', async () => {
    const head = `param deployColl bool = false
resource coll 'Microsoft.Network/networkInterfaces@2024-05-01' = if (deployColl) {
  name: 'coll'
  location: 'eastus'
  properties: { ipConfigurations: [ { name: 'ip', properties: { subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 's') } } } ] }
}
`;
    const tapOf = (id: string, cond = '') => `resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = ${cond}{
  name: 'tap'
  location: 'eastus'
  properties: { destinationNetworkInterfaceIPConfiguration: { id: ${id} } }
}
`;
    const dir = workspace({
      'unguarded.bicep': head + tapOf('coll!.properties.ipConfigurations[0].id'),
      'ternary.bicep': head + tapOf(`deployColl ? coll!.properties.ipConfigurations[0].id : ${other}`),
      'conditional.bicep': head + tapOf('coll!.properties.ipConfigurations[0].id', 'if (deployColl) '),
    });
    const result = await lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1 });
    const hits = result.findings.filter((f) => f.ruleId === 'evaluation-error');
    expect(hits.map((f) => [path.basename(f.span.file.path), f.level, f.message.slice(0, 39)])).toEqual([
      ['unguarded.bicep', 'warning', "'tap' reads 'coll' (reference()), whose"],
    ]);
    expect(hits[0]!.message).toContain('(<condition> ? coll.properties... : <another value>)');
  });
});
