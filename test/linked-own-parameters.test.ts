// A linked template with a parameters file of its own (x.parameters.json beside it) is a deployable
// template in its own right: when a parent also deploys it, it is linted with the parent's values
// and with its own, and a finding both give is reported once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { findingsOf, workspace } from './helpers.js';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const NIC = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/collector-nic';
const tap = (name: string, id: string) => ({
  type: 'Microsoft.Network/virtualNetworkTaps',
  apiVersion: '2024-05-01',
  name,
  location: "[parameters('location')]",
  properties: { destinationNetworkInterfaceIPConfiguration: { id } },
});
const LINKED = {
  $schema: SCHEMA,
  contentVersion: '1.0.0.0',
  parameters: { location: { type: 'string' }, destinationId: { type: 'string' } },
  // tap1: its destination is the parameter; tap2: a NIC whatever the values (both analyses find it).
  resources: [tap('tap1', "[parameters('destinationId')]"), tap('tap2', "[resourceId('Microsoft.Network/networkInterfaces', 'other-nic')]")],
};
const MAIN = {
  $schema: SCHEMA,
  contentVersion: '1.0.0.0',
  resources: [
    {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'tap',
      properties: { mode: 'Incremental', templateLink: { relativePath: 'linked/tap.json' }, parameters: { location: { value: 'eastus' }, destinationId: { value: `${NIC}/ipConfigurations/ipconfig1` } } },
    },
  ],
};
const OWN = { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { location: { value: 'eastus' }, destinationId: { value: NIC } } };

test("a linked template's own x.parameters.json is linted too when a parent deploys it, without repeating the parent's findings", async () => {
  const files = { 'main.json': JSON.stringify(MAIN, null, 2), 'linked/tap.json': JSON.stringify(LINKED, null, 2) };
  const errors = async (dir: string) => (await findingsOf(['.'], dir)).findings.filter((f) => f.ruleId === 'vtap-destination-type' && f.level === 'error');
  // Without a parameters file of its own: judged through its parent only (tap2's error, once).
  const parentOnly = await errors(workspace(files, 'vtaplint-linked-own-'));
  const which = (f: { file: string; message: string }) => `${f.file} ${/TAP '(\w+)'/.exec(f.message)?.[1] ?? ''}`;
  expect(parentOnly.map(which)).toEqual(['linked/tap.json tap2']);
  // With one: its values give tap1 a NIC, an error the parent's values do not give; tap2's is still one finding.
  const dir = workspace({ ...files, 'linked/tap.parameters.json': JSON.stringify(OWN, null, 2) }, 'vtaplint-linked-own-');
  const own = await errors(dir);
  expect(own.map(which)).toEqual(['linked/tap.json tap1', 'linked/tap.json tap2']);
  const line = readFileSync(path.join(dir, 'linked/tap.parameters.json'), 'utf8').split('\n').findIndex((l) => l.includes(NIC)) + 1;
  expect(own[0]?.related.map((r) => `${r.file}:${r.line}`)).toEqual([`linked/tap.parameters.json:${line}`]);
});
