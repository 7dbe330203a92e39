// The stylish report (the default for people): a finding decided by a value from another file
// names that file's place after its message, on the same line.
import { describe, expect, test } from 'vitest';
import { cli, workspace } from './helpers.js';

const TAP = `param location string
param destinationIpConfigId string

resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {
  name: 'tap1'
  location: location
  properties: {
    destinationNetworkInterfaceIPConfiguration: {
      id: destinationIpConfigId
    }
  }
}
`;
const COLLECTOR = "resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector-nic', 'ipconfig1')";

describe('stylish: places in other files', () => {
  test('two parameter files giving one template two regions: each finding says which file gave its value', async () => {
    const dir = workspace({
      'tap.bicep': TAP,
      'prod.bicepparam': `using 'tap.bicep'\nparam location = 'westeurope'\nparam destinationIpConfigId = '/subscriptions/0/x'\n`,
      'dev.bicepparam': `using 'tap.bicep'\nparam location = 'northeurope'\nparam destinationIpConfigId = '/subscriptions/0/x'\n`,
    });
    const r = await cli(['.', '--no-color'], dir);
    const lines = r.stdout.split('\n').filter((l) => l.includes('vtap-supported-region'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}6:13 {2}error {2}TAP 'tap1' is in 'northeurope', .* \(dev\.bicepparam:2:18: the value of parameter 'location' is given here\) {2}vtap-supported-region$/);
    expect(lines[1]).toMatch(/^ {2}6:13 {2}error {2}TAP 'tap1' is in 'westeurope', .* \(prod\.bicepparam:2:18: the value of parameter 'location' is given here\) {2}vtap-supported-region$/);
  });

  test('a module finding names the parent line that passed the value; a place in the same file is not repeated', async () => {
    const dir = workspace({
      'tap.bicep': TAP,
      'main.bicep': `module tapMod 'tap.bicep' = {\n  name: 'tap'\n  params: {\n    location: 'westeurope'\n    destinationIpConfigId: ${COLLECTOR}\n  }\n}\n`,
    });
    const r = await cli(['.', '--no-color'], dir);
    expect(r.stdout).toContain("(main.bicep:4:15: the value of parameter 'location' is given here)  vtap-supported-region\n");
    const same = workspace({ 'main.bicep': TAP.replace('param location string', "param location string = 'westeurope'") });
    const alone = await cli(['.', '--no-color'], same);
    expect(alone.stdout).toMatch(/germanywestcentral {2}vtap-supported-region\n/);
  });
});

describe('compact, unix and github: places in other files', () => {
  test('a module finding decided by a .bicepparam value names that value, as stylish does', async () => {
    const dir = workspace({
      'modules/tap.bicep': TAP,
      'main.bicep': `param location string\nmodule tapMod 'modules/tap.bicep' = {\n  name: 'tap'\n  params: {\n    location: location\n    destinationIpConfigId: ${COLLECTOR}\n  }\n}\n`,
      'params/prod.bicepparam': `using '../main.bicep'\nparam location = 'westeurope'\n`,
    });
    const where = "(main.bicep:5:15: the value of parameter 'location' is given here; params/prod.bicepparam:2:18: the value of parameter 'location' is given here)";
    const unix = await cli(['.', '-f', 'unix'], dir);
    expect(unix.stdout).toContain(`modules/tap.bicep:6:13: error: TAP 'tap1' is in 'westeurope', `);
    expect(unix.stdout).toContain(`germanywestcentral ${where} [vtap-supported-region]\n`);
    const compact = await cli(['.', '-f', 'compact'], dir);
    expect(compact.stdout).toContain(`germanywestcentral ${where} (vtap-supported-region)\n`);
    const github = await cli(['.', '-f', 'github'], dir);
    // Workflow command data: ':' is not escaped in the message (only in properties).
    expect(github.stdout).toContain(`germanywestcentral ${where}\n`);
  });
});
