// A module (or linked template) that another linted file deploys is judged where it is deployed,
// with the values its parent gives it, not a second time on its own without them.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from './helpers.js';

const WEB_VM = 'fixtures/bicep-modules/modules/web-vm.bicep';

describe('modules linted through their parents', () => {
  test('linting the folder reports the module as its parent deploys it, without its "no value" notes', async () => {
    const { findings } = await findingsOf(['fixtures/bicep-modules']);
    const inModule = findings.filter((f) => f.file === WEB_VM).map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.level}`);
    // The parent passes vmSize 'Standard_E4s_v6' and a TAP id: an error, and no note that they have no value.
    expect(inModule.sort()).toEqual(['vtap-live-migration@16:9 note', 'vtap-source-vm-size-v6@20:15 error']);
    expect(findings.some((f) => f.message.includes("parameter 'vmSize' has no value"))).toBe(false);
  });

  test('a module named on the command line is also linted on its own, as asked', async () => {
    const { findings } = await findingsOf(['fixtures/bicep-modules', WEB_VM]);
    const notes = findings.filter((f) => f.file === WEB_VM && f.message.includes('has no value'));
    expect(notes.map((f) => f.ruleId).sort()).toEqual(['vtap-config-target', 'vtap-source-vm-size-v6', 'vtap-source-vnet-encryption']);
  });

  test('files that deploy each other, and that no other file deploys, are each linted: the cycle is reported, not lost', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    writeFileSync(path.join(dir, 'a.bicep'), "module b 'b.bicep' = {\n  name: 'b'\n}\n");
    writeFileSync(path.join(dir, 'b.bicep'), "module a 'a.bicep' = {\n  name: 'a'\n}\n");
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`).sort()).toEqual(['a.bicep:1:10 invalid-template', 'b.bicep:1:10 invalid-template']);
    // With a parent outside the cycle, the files in it are judged through that parent.
    writeFileSync(path.join(dir, 'main.bicep'), "module a 'a.bicep' = {\n  name: 'a'\n}\n");
    const { findings: withParent } = await findingsOf(['.'], dir);
    expect(withParent.length).toBeGreaterThan(0);
    expect(withParent.every((f) => f.ruleId === 'invalid-template' && f.message.includes('cycle'))).toBe(true);
  });

  test('related locations through a chain of modules each deploying the next twice: each place once', async () => {
    // 11 levels, 1,024 instances of the TAP module, whose findings share their places: every
    // finding asked every scope for its chain of parameters (45 s). The time is the bench's
    // ('module fan-out' in npm run bench); this checks what the findings say.
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    const levels = 11;
    writeFileSync(path.join(dir, 'main.bicep'), "param location string = 'westeurope'\nmodule first 'w1.bicep' = {\n  name: 'w1'\n  params: { location: location }\n}\n");
    for (let i = 1; i < levels; i++) {
      const call = (n: string) => `module ${n} 'w${i + 1}.bicep' = {\n  name: '${n}${i}'\n  params: { location: location }\n}\n`;
      writeFileSync(path.join(dir, `w${i}.bicep`), `param location string\n${call('a')}${call('b')}`);
    }
    // A TAP name vtaplint cannot know (the resource group's id): each instance may be another
    // TAP, named by its modules ('first.a.b.tap'), so each has a finding of its own. (A known
    // name, 'tap' in the one resource group, is one TAP deployed 1,024 times: one finding.)
    writeFileSync(path.join(dir, `w${levels}.bicep`), "param location string\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap-${uniqueString(resourceGroup().id)}'\n  location: location\n  properties: {}\n}\n");
    const { findings } = await findingsOf(['.', '-j', '1'], dir);
    const regions = findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(regions).toHaveLength(2 ** (levels - 1));
    const region = regions[0];
    expect(region?.file).toBe(`w${levels}.bicep`);
    // The chain of module calls that deployed this instance (every 'a'), the parent's, and the
    // parent's default that gave the value (main.bicep:1): each place once. Not the 'b' calls: they
    // deployed the other instances, each with a finding of its own.
    expect(region?.related.map((r) => `${r.file}:${r.line}`).sort()).toEqual([...Array.from({ length: levels - 1 }, (_, i) => `w${i + 1}.bicep:4`), 'main.bicep:4', 'main.bicep:1'].sort());
    // Over all instances, every call: each level's two module calls, the parent's, and the default.
    expect([...new Set(regions.flatMap((f) => f.related.map((r) => `${r.file}:${r.line}`)))].sort()).toEqual(
      [...Array.from({ length: levels - 1 }, (_, i) => [`w${i + 1}.bicep:4`, `w${i + 1}.bicep:8`]).flat(), 'main.bicep:4', 'main.bicep:1'].sort(),
    );
  }, 60_000);

  test('a module file no linted file deploys is linted on its own', async () => {
    const { findings } = await findingsOf(['fixtures/bicep-modules/modules']);
    expect(findings.some((f) => f.file === WEB_VM && f.message.includes("parameter 'vmSize' has no value"))).toBe(true);
  });

  test("a suppression comment in a module applies to what its parent places there, and is not called unused by the module's own analysis", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'main.bicep'), "module t 'mods/tap.bicep' = {\n  name: 't'\n  params: { location: 'westeurope' }\n}\n");
    writeFileSync(
      path.join(dir, 'mods/tap.bicep'),
      [
        "param location string = 'eastus'",
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'tap'",
        '  // vtaplint-disable-next-line vtap-supported-region -- westeurope enabled by support ticket 42',
        '  location: location',
        '  // vtaplint-disable-next-line vtap-destination-type -- destination added later',
        '  properties: {}',
        '}',
        '',
      ].join('\n'),
    );
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => f.ruleId)).toEqual([]);
  });

  test('a finding in a module that two parents deploy with the same value is one finding, pointing at both', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'mods/tap.bicep'), "param location string\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n");
    for (const parent of ['a.bicep', 'b.bicep']) writeFileSync(path.join(dir, parent), "module t 'mods/tap.bicep' = {\n  name: 't'\n  params: { location: 'westeurope' }\n}\n");
    const { findings } = await findingsOf(['.'], dir);
    const region = findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(region).toHaveLength(1);
    expect(region[0]?.related.filter((r) => r.message === "the value of parameter 'location' is given here").map((r) => r.file).sort()).toEqual(['a.bicep', 'b.bicep']);
  });

  test('a finding in a module that two parents deploy, one naming the module after its resource (module tap holding resource tap), is one finding', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'modules'));
    writeFileSync(path.join(dir, 'modules/tap.bicep'), "param location string\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n");
    writeFileSync(path.join(dir, 'main.bicep'), "module tap 'modules/tap.bicep' = {\n  name: 'tap'\n  params: { location: 'westeurope' }\n}\n");
    writeFileSync(path.join(dir, 'hub.bicep'), "module hubTap 'modules/tap.bicep' = {\n  name: 'hub-tap'\n  params: { location: 'westeurope' }\n}\n");
    const { findings } = await findingsOf(['.'], dir);
    const region = findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(region.map((f) => `${f.file}:${f.line} ${f.message.slice(0, 40)}`)).toEqual(["modules/tap.bicep:4 TAP 'tap' is in 'westeurope', where virt"]);
    expect(region[0]?.related.filter((r) => r.message === "the value of parameter 'location' is given here").map((r) => r.file).sort()).toEqual(['hub.bicep', 'main.bicep']);
  });

  test('a module finding is one finding when the entries that deploy it name its resource differently (one has a resource of that name too)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'mods'));
    writeFileSync(path.join(dir, 'mods/tap.bicep'), "param location string\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {}\n}\n");
    // a.bicep has a TAP 'tap' of its own in its resource group: the module's TAP, in 'taps-rg',
    // reads 'm.tap' there, and 'tap' through b.bicep.
    writeFileSync(path.join(dir, 'a.bicep'), "module m 'mods/tap.bicep' = {\n  name: 'm'\n  scope: resourceGroup('taps-rg')\n  params: { location: 'westeurope' }\n}\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: 'eastus'\n}\n");
    writeFileSync(path.join(dir, 'b.bicep'), "module m 'mods/tap.bicep' = {\n  name: 'm'\n  scope: resourceGroup('taps-rg')\n  params: { location: 'westeurope' }\n}\n");
    const region = (await findingsOf(['.'], dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(region.map((f) => `${f.file}:${f.line} ${f.message.slice(0, 14)}`)).toEqual(["mods/tap.bicep:4 TAP 'm.tap' is"]);
    expect(region[0]?.related.map((r) => r.file).sort()).toEqual(['a.bicep', 'b.bicep']);
    // The same with worker threads, where each file's findings cross a thread (only the bundled
    // CLI has workers: npm test builds it first; 16 files or more start them).
    for (let i = 0; i < 16; i++) writeFileSync(path.join(dir, `b${i}.bicep`), "module m 'mods/tap.bicep' = {\n  name: 'm'\n  params: { location: 'westeurope' }\n}\n");
    const bundled = (jobs: string) => {
      const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.js'), '.', '--format', 'unix', '--jobs', jobs], { cwd: dir, encoding: 'utf8' });
      return r.stdout.split('\n').filter((l) => l.includes('vtap-supported-region'));
    };
    expect(bundled('2')).toEqual(bundled('1'));
    // Within one entry, two instances of the module (two TAPs, in two resource groups) are two
    // findings; b.bicep's is one of them.
    writeFileSync(path.join(dir, 'a.bicep'), "module m 'mods/tap.bicep' = [for i in range(0, 2): {\n  name: 'm${i}'\n  scope: resourceGroup('taps-${i}')\n  params: { location: 'westeurope' }\n}]\n");
    const loop = (await findingsOf(['.'], dir)).findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(loop.map((f) => f.message.slice(0, 17))).toEqual(["TAP 'm[0].tap' is", "TAP 'm[1].tap' is"]);
  });

  /** A subscription deployment whose TAP hub and source spokes are modules deployed only `if (deployTap)`, one spoke per entry of `spokes`. */
  function hubAndSpokes(paramsFile: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-modules-'));
    mkdirSync(path.join(dir, 'modules'));
    writeFileSync(
      path.join(dir, 'main.bicep'),
      [
        "targetScope = 'subscription'",
        "param location string = 'eastus'",
        'param deployTap bool = true',
        "param spokes array = [ 'web', 'app' ]",
        '',
        "resource hubRg 'Microsoft.Resources/resourceGroups@2024-03-01' = {",
        "  name: 'rg-hub'",
        '  location: location',
        '}',
        '',
        "module hub 'modules/hub.bicep' = if (deployTap) {",
        "  name: 'hub'",
        '  scope: hubRg',
        '  params: { location: location }',
        '}',
        '',
        '@batchSize(1)',
        "module spoke 'modules/spoke.bicep' = [for s in spokes: if (deployTap) {",
        "  name: 'spoke-${s}'",
        "  scope: resourceGroup('rg-hub')",
        '  params: {',
        '    location: location',
        '    name: s',
        '    subnetId: hub.outputs.subnetId',
        '    tapId: hub.outputs.tapId',
        '  }',
        '}]',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'modules/hub.bicep'),
      [
        'param location string',
        "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
        "  name: 'hub-vnet'",
        '  location: location',
        "  properties: { addressSpace: { addressPrefixes: [ '10.0.0.0/16' ] }, subnets: [ { name: 'default', properties: { addressPrefix: '10.0.0.0/24' } } ] }",
        '}',
        "resource collectorNic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
        "  name: 'collector-nic'",
        '  location: location',
        "  properties: { ipConfigurations: [ { name: 'vxlan', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: vnet.properties.subnets[0].id } } } ] }",
        '}',
        "resource collectorVm 'Microsoft.Compute/virtualMachines@2024-03-01' = {",
        "  name: 'collector-vm'",
        '  location: location',
        "  properties: { hardwareProfile: { vmSize: 'Standard_D4s_v5' }, networkProfile: { networkInterfaces: [ { id: collectorNic.id } ] } }",
        '}',
        "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
        "  name: 'hub-tap'",
        '  location: location',
        '  properties: { destinationNetworkInterfaceIPConfiguration: { id: collectorNic.properties.ipConfigurations[0].id } }',
        '}',
        'output tapId string = tap.id',
        'output subnetId string = vnet.properties.subnets[0].id',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'modules/spoke.bicep'),
      [
        'param location string',
        'param name string',
        'param subnetId string',
        'param tapId string',
        "resource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {",
        "  name: '${name}-nic'",
        '  location: location',
        "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId } } } ] }",
        '}',
        "resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {",
        "  name: '${name}-vm'",
        '  location: location',
        "  properties: { hardwareProfile: { vmSize: 'Standard_D2s_v5' }, networkProfile: { networkInterfaces: [ { id: nic.id } ] } }",
        '}',
        "resource tapConfig 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = {",
        '  parent: nic',
        "  name: 'to-hub'",
        '  properties: { virtualNetworkTap: { id: tapId } }',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'env.bicepparam'), paramsFile);
    return dir;
  }

  test('a module its parent does not deploy with these values (condition false) is still judged through that parent, not on its own', async () => {
    // The only deployment linted is env.bicepparam's, which turns the TAP off: nothing is deployed,
    // so nothing is reported, and above all no "parameter 'location' has no value" from the modules.
    const dir = hubAndSpokes("using 'main.bicep'\n\nparam deployTap = false\n");
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });

  test('a module in a loop that is empty with these values is still judged through its parent', async () => {
    const dir = hubAndSpokes("using 'main.bicep'\n\nparam spokes = []\n");
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });

  /**
   * ARM JSON: main.json deploys linked/tap.json (templateLink.relativePath) as `deployment`, whose
   * own TAP names its location from a parameter main.json passes in; linked/tap.json links in turn
   * to collector.json next to it. Linted on its own, linked/tap.json has no value for 'location'.
   */
  function armWithLinked(deployment: Record<string, unknown>, mainParameters: Record<string, unknown>, parametersFile?: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-linked-'));
    mkdirSync(path.join(dir, 'linked'));
    const template = (parameters: Record<string, unknown>, resources: unknown[], variables: Record<string, unknown> = {}) =>
      JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', parameters, variables, resources }, null, 2);
    writeFileSync(
      path.join(dir, 'main.json'),
      template({ location: { type: 'string', defaultValue: 'eastus' }, ...mainParameters }, [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'tap',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'linked/tap.json' }, parameters: { location: { value: "[parameters('location')]" } } },
          ...deployment,
        },
      ], { tapTemplate: 'linked/tap.json' }),
    );
    writeFileSync(
      path.join(dir, 'linked/tap.json'),
      template({ location: { type: 'string' } }, [
        { type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap1', location: "[parameters('location')]", properties: {} },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'collector',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'collector.json' }, parameters: { location: { value: "[parameters('location')]" } } },
        },
      ]),
    );
    writeFileSync(
      path.join(dir, 'linked/collector.json'),
      template({ location: { type: 'string' } }, [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap2', location: "[parameters('location')]", properties: {} }]),
    );
    if (parametersFile) {
      const values = Object.fromEntries(Object.entries(parametersFile).map(([k, v]) => [k, { value: v }]));
      writeFileSync(path.join(dir, 'main.parameters.json'), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: values }));
    }
    return dir;
  }

  const lines = (findings: { file: string; line: number; ruleId: string }[]) => findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
  const DEPLOY_TAP = { deployTap: { type: 'bool', defaultValue: true } };

  test('ARM JSON: a linked template deployed under a condition false with these values is still judged through its parent, as are the templates it links to', async () => {
    const dir = armWithLinked({ condition: "[parameters('deployTap')]" }, DEPLOY_TAP, { deployTap: false });
    const { findings } = await findingsOf(['.'], dir);
    expect(lines(findings)).toEqual([]);
  });

  test('ARM JSON: the same linked template deployed (condition true) is judged with the values its parent gives: no "no value" note', async () => {
    const dir = armWithLinked({ condition: "[parameters('deployTap')]" }, DEPLOY_TAP, { deployTap: true });
    const { findings } = await findingsOf(['.'], dir);
    expect(findings.some((f) => f.message.includes('has no value'))).toBe(false);
    expect(lines(findings).sort()).toEqual(['linked/collector.json:16 vtap-destination-type', 'linked/tap.json:16 vtap-destination-type']);
  });

  test('ARM JSON: a linked template in a copy loop of count 0 is still judged through its parent', async () => {
    const dir = armWithLinked({ copy: { name: 'taps', count: "[length(parameters('hubs'))]" } }, { hubs: { type: 'array', defaultValue: ['hub'] } }, { hubs: [] });
    const { findings } = await findingsOf(['.'], dir);
    expect(lines(findings)).toEqual([]);
  });

  test('ARM JSON: a relativePath written as an expression is evaluated, alone; one that cannot be is skipped, and its evaluation reports nothing', async () => {
    const evaluated = armWithLinked({ condition: false }, {}, undefined);
    const main = path.join(evaluated, 'main.json');
    writeFileSync(main, readFileSync(main, 'utf8').replace('"relativePath": "linked/tap.json"', '"relativePath": "[variables(\'tapTemplate\')]"'));
    expect(lines((await findingsOf(['.'], evaluated)).findings)).toEqual([]);

    // A path that cannot be evaluated (a parameter without a value; a division by zero, which
    // would be an error if the deployment were made): which file it names is not known.
    for (const expression of ["[parameters('tapTemplate')]", "[concat('linked/', string(div(1, 0)))]"]) {
      const unknown = armWithLinked({ condition: false }, { tapTemplate: { type: 'string' } }, undefined);
      const main2 = path.join(unknown, 'main.json');
      writeFileSync(main2, readFileSync(main2, 'utf8').replace('"relativePath": "linked/tap.json"', `"relativePath": ${JSON.stringify(expression)}`));
      const { findings } = await findingsOf(['.'], unknown);
      expect(findings.filter((f) => f.file === 'main.json')).toEqual([]);
      expect(findings.some((f) => f.file === 'linked/tap.json' && f.message.includes("parameter 'location' has no value"))).toBe(true);
    }
  });

  test('ARM JSON: a linked template named on the command line is linted on its own, as asked', async () => {
    const dir = armWithLinked({ condition: "[parameters('deployTap')]" }, DEPLOY_TAP, { deployTap: false });
    const { findings } = await findingsOf(['.', 'linked/tap.json'], dir);
    expect(findings.some((f) => f.file === 'linked/tap.json' && f.message.includes("parameter 'location' has no value"))).toBe(true);
  });
});

describe('a module loop into resource groups named only at deployment', () => {
  test("each instance reads its own resources (rgNames[0], rgNames[1]), not the first instance's: no false region errors", async () => {
    const tap = "param location string\n\nresource nic 'Microsoft.Network/networkInterfaces@2024-05-01' = {\n  name: 'collector-nic'\n  location: location\n  properties: {\n    ipConfigurations: [\n      {\n        name: 'ipconfig1'\n        properties: {\n          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'collectors') }\n        }\n      }\n    ]\n  }\n}\n\nresource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: location\n  properties: {\n    destinationNetworkInterfaceIPConfiguration: { id: nic.properties.ipConfigurations[0].id }\n  }\n}\n";
    const main = "targetScope = 'subscription'\nparam rgNames array\nparam regions array = [ 'eastus', 'uksouth' ]\n\nmodule taps 'tap.bicep' = [for (r, i) in regions: {\n  name: 'tap-${r}'\n  scope: resourceGroup(rgNames[i])\n  params: { location: r }\n}]\n";
    const dir = workspace({ 'main.bicep': main, 'tap.bicep': tap });
    const { findings } = await findingsOf(['.'], dir);
    // It was: destination NIC 'taps[0].collector-nic' is in 'eastus' but TAP 'taps[1].tap' is in 'uksouth'.
    expect(findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    const graph = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.cjs'), 'graph', 'main.bicep', '--format', 'text'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(graph).toContain("resourceGroups/{parameters('rgNames')[1]}/providers/Microsoft.Network/networkInterfaces/collector-nic/ipConfigurations/ipconfig1  via properties.destinationNetworkInterfaceIPConfiguration.id");
  });
});
