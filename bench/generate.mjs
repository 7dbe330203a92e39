// Generates the scale benchmark's deployments: N VMs, each with a NIC and a TAP configuration
// to one TAP whose destination is an internal Standard load balancer. Three forms: ARM JSON with
// copy loops, ARM JSON fully expanded, and Bicep with `for` loops. Loops hold at most 800
// instances (ARM's copy limit), so N VMs use ceil(N / 800) loops, as a real template would.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const CHUNK = 800;

function base(location, sizeExpr) {
  const lb = {
    type: 'Microsoft.Network/loadBalancers',
    apiVersion: '2024-05-01',
    name: 'collector-ilb',
    location,
    sku: { name: 'Standard' },
    properties: {
      frontendIPConfigurations: [{ name: 'vxlan', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'collectors')]" } } }],
      backendAddressPools: [{ name: 'collectors' }],
      loadBalancingRules: [
        {
          name: 'ha-ports',
          properties: {
            frontendIPConfiguration: { id: "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'collector-ilb', 'vxlan')]" },
            backendAddressPool: { id: "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'collector-ilb', 'collectors')]" },
            protocol: 'All',
            frontendPort: 0,
            backendPort: 0,
            enableFloatingIP: false,
          },
        },
      ],
    },
  };
  const vnet = {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2024-05-01',
    name: 'vnet',
    location,
    properties: { addressSpace: { addressPrefixes: ['10.0.0.0/8'] }, subnets: [{ name: 'web', properties: { addressPrefix: '10.1.0.0/16' } }, { name: 'collectors', properties: { addressPrefix: '10.2.0.0/24' } }] },
  };
  const tap = {
    type: 'Microsoft.Network/virtualNetworkTaps',
    apiVersion: '2024-05-01',
    name: 'tap',
    location,
    dependsOn: ["[resourceId('Microsoft.Network/loadBalancers', 'collector-ilb')]"],
    properties: { destinationLoadBalancerFrontEndIPConfiguration: { id: "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'collector-ilb', 'vxlan')]" } },
  };
  void sizeExpr;
  return [vnet, lb, tap];
}

function nic(name, location) {
  return {
    type: 'Microsoft.Network/networkInterfaces',
    apiVersion: '2024-05-01',
    name,
    location,
    dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"],
    properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'web')]" } } }] },
  };
}

function vm(name, nicName, size, location) {
  return {
    type: 'Microsoft.Compute/virtualMachines',
    apiVersion: '2024-03-01',
    name,
    location,
    dependsOn: [`[resourceId('Microsoft.Network/networkInterfaces', ${nicName})]`, "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]"],
    properties: { hardwareProfile: { vmSize: size }, networkProfile: { networkInterfaces: [{ id: `[resourceId('Microsoft.Network/networkInterfaces', ${nicName})]` }] } },
  };
}

function tapConfig(nicName) {
  return {
    type: 'Microsoft.Network/networkInterfaces/tapConfigurations',
    apiVersion: '2024-05-01',
    name: `[format('{0}/tap', ${nicName})]`,
    dependsOn: [`[resourceId('Microsoft.Network/networkInterfaces', ${nicName})]`, "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]"],
    properties: { virtualNetworkTap: { id: "[resourceId('Microsoft.Network/virtualNetworkTaps', 'tap')]" } },
  };
}

const q = (s) => `'${s}'`;

/** ARM JSON with copy loops of at most 800. */
export function armCopy(n, { location = 'eastus', size = 'Standard_D2s_v5' } = {}) {
  const resources = base(location);
  for (let c = 0; c * CHUNK < n; c++) {
    const count = Math.min(CHUNK, n - c * CHUNK);
    const idx = `add(copyIndex(), ${c * CHUNK})`;
    const nicName = `concat('nic-', ${idx})`;
    resources.push({ copy: { name: `nics${c}`, count }, ...nic(`[${nicName}]`, location) });
    resources.push({ copy: { name: `vms${c}`, count }, ...vm(`[concat('vm-', ${idx})]`, nicName, size, location) });
    resources.push({ copy: { name: `taps${c}`, count }, ...tapConfig(nicName) });
  }
  return { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { vmSize: { type: 'string', defaultValue: 'Standard_D2s_v5' } }, resources };
}

/** ARM JSON with every resource written out. `size` may be an expression such as "[parameters('vmSize')]". */
export function armExpanded(n, { location = 'eastus', size = 'Standard_D2s_v5', vmSizeDefault = 'Standard_D2s_v5' } = {}) {
  const resources = base(location);
  for (let i = 0; i < n; i++) {
    const nicName = q(`nic-${i}`);
    resources.push(nic(`nic-${i}`, location), vm(`vm-${i}`, nicName, size, location), tapConfig(nicName));
  }
  return { $schema: SCHEMA, contentVersion: '1.0.0.0', parameters: { vmSize: { type: 'string', defaultValue: vmSizeDefault } }, resources };
}

/** Bicep with `for` loops of at most 800. */
export function bicep(n, { location = 'eastus', size = 'Standard_D2s_v5' } = {}) {
  const out = [
    `param location string = '${location}'`,
    `param vmSize string = '${size}'`,
    '',
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {",
    "  name: 'vnet'",
    '  location: location',
    '  properties: {',
    "    addressSpace: { addressPrefixes: [ '10.0.0.0/8' ] }",
    '    subnets: [',
    "      { name: 'web', properties: { addressPrefix: '10.1.0.0/16' } }",
    "      { name: 'collectors', properties: { addressPrefix: '10.2.0.0/24' } }",
    '    ]',
    '  }',
    '}',
    '',
    "resource lb 'Microsoft.Network/loadBalancers@2024-05-01' = {",
    "  name: 'collector-ilb'",
    '  location: location',
    "  sku: { name: 'Standard' }",
    '  properties: {',
    "    frontendIPConfigurations: [ { name: 'vxlan', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: '${vnet.id}/subnets/collectors' } } } ]",
    "    backendAddressPools: [ { name: 'collectors' } ]",
    '    loadBalancingRules: [ {',
    "      name: 'ha-ports'",
    "      properties: { frontendIPConfiguration: { id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', 'collector-ilb', 'vxlan') }, backendAddressPool: { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', 'collector-ilb', 'collectors') }, protocol: 'All', frontendPort: 0, backendPort: 0, enableFloatingIP: false }",
    '    } ]',
    '  }',
    '}',
    '',
    "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {",
    "  name: 'tap'",
    '  location: location',
    "  properties: { destinationLoadBalancerFrontEndIPConfiguration: { id: '${lb.id}/frontendIPConfigurations/vxlan' } }",
    '}',
    '',
  ];
  for (let c = 0; c * CHUNK < n; c++) {
    const count = Math.min(CHUNK, n - c * CHUNK);
    const off = c * CHUNK;
    out.push(
      `resource nics${c} 'Microsoft.Network/networkInterfaces@2024-05-01' = [for i in range(${off}, ${count}): {`,
      "  name: 'nic-${i}'",
      '  location: location',
      "  properties: { ipConfigurations: [ { name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: '${vnet.id}/subnets/web' } } } ] }",
      '}]',
      '',
      `resource vms${c} 'Microsoft.Compute/virtualMachines@2024-03-01' = [for i in range(0, ${count}): {`,
      `  name: 'vm-\${i + ${off}}'`,
      '  location: location',
      '  dependsOn: [ tap ]',
      `  properties: { hardwareProfile: { vmSize: vmSize }, networkProfile: { networkInterfaces: [ { id: nics${c}[i].id } ] } }`,
      '}]',
      '',
      `resource taps${c} 'Microsoft.Network/networkInterfaces/tapConfigurations@2024-05-01' = [for i in range(0, ${count}): {`,
      `  parent: nics${c}[i]`,
      "  name: 'tap'",
      '  properties: { virtualNetworkTap: { id: tap.id } }',
      '}]',
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

export function writeAll(dir, sizes) {
  mkdirSync(dir, { recursive: true });
  const files = {};
  for (const n of sizes) {
    files[n] = {
      copy: path.join(dir, `copy-${n}.json`),
      expanded: path.join(dir, `expanded-${n}.json`),
      bicep: path.join(dir, `loop-${n}.bicep`),
    };
    writeFileSync(files[n].copy, JSON.stringify(armCopy(n), null, 2));
    writeFileSync(files[n].expanded, JSON.stringify(armExpanded(n), null, 2));
    writeFileSync(files[n].bicep, bicep(n));
  }
  return files;
}
