// --format junit: JUnit XML for the CI systems that show test reports (Azure Pipelines'
// PublishTestResults, GitLab, Jenkins). Bicep's linter and ARM-TTK have no such output and their
// users ask for it (Azure/bicep#2973). One suite per file, one test case per finding: errors and
// warnings fail, notes are skipped, a clean file is one passing test.
import { describe, expect, test } from 'vitest';
import { cli, workspace } from './helpers.js';

const arm = (resources: unknown[]) =>
  JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
const tap = (name: string, location: string) => ({
  type: 'Microsoft.Network/virtualNetworkTaps',
  apiVersion: '2024-05-01',
  name,
  location,
  properties: { destinationNetworkInterfaceIPConfiguration: { id: "[resourceId('Microsoft.Network/networkInterfaces/ipConfigurations', 'collector', 'ipconfig1')]" } },
});

describe('--format junit', () => {
  test('a suite per file, a test case per finding: errors fail, notes are skipped, a clean file passes', async () => {
    const dir = workspace({ 'infra/bad.json': arm([tap('tap1', 'westeurope')]), 'infra/clean.json': arm([]) });
    const r = await cli(['infra', '--format', 'junit'], dir);
    expect(r.code).toBe(1);
    const region = "TAP 'tap1' is in 'westeurope', where virtual network TAP is not available; deploy it in one of: eastasia, westcentralus, uksouth, eastus, centralindia, germanywestcentral";
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="vtaplint" tests="3" failures="1" errors="0" skipped="1" time="0">',
      '  <testsuite name="infra/bad.json" tests="2" failures="1" errors="0" skipped="1" time="0">',
      `    <testcase classname="infra/bad.json" name="vtap-supported-region (9:19)" time="0"><failure type="error" message="${region}">infra/bad.json:9:19: error: ${region} [vtap-supported-region]</failure></testcase>`,
    ]);
    expect(r.stdout.split('\n')[4]).toMatch(/^ {4}<testcase classname="infra\/bad.json" name="vtap-destination-type \(12:17\)" time="0"><skipped message="infra\/bad.json:12:17: note: the destination of TAP 'tap1'.*\[vtap-destination-type\]"\/><\/testcase>$/);
    expect(r.stdout.split('\n').slice(5)).toEqual([
      '  </testsuite>',
      '  <testsuite name="infra/clean.json" tests="1" failures="0" errors="0" skipped="0" time="0">',
      '    <testcase classname="infra/clean.json" name="infra/clean.json" time="0"/>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  test("vtaplint's own warnings (a -p value no template declares) are skipped test cases, not errors: the run did not fail", async () => {
    // Two templates: over one, the value is that template's, and ARM's error at it.
    const dir = workspace({ 'a.json': arm([]), 'b.json': arm([]) });
    const r = await cli(['a.json', 'b.json', '--format', 'junit', '-p', 'locaton=eastus'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testsuites name="vtaplint" tests="3" failures="0" errors="0" skipped="1" time="0">');
    expect(r.stdout).toContain(
      `  <testsuite name="vtaplint" tests="1" failures="0" errors="0" skipped="1" time="0">\n    <testcase classname="vtaplint" name="vtaplint" time="0"><skipped message="vtaplint: warning: -p locaton: no template linted declares a parameter 'locaton', so the value is not used"/></testcase>\n`,
    );
  });

  test("each test case of a file has its own name: a copy loop's instances, at one line and column, are told apart", async () => {
    // GitLab keeps one test case per suite, classname and name: three taps of one copy loop were one test.
    const loop = { ...tap("[concat('tap', copyIndex())]", 'westeurope'), copy: { name: 'taps', count: 3 } };
    const dir = workspace({ 'loop.json': arm([loop]) });
    const r = await cli(['loop.json', '--format', 'junit', '--quiet'], dir);
    const names = [...r.stdout.matchAll(/<testcase classname="loop.json" name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['vtap-supported-region (9:19)', 'vtap-supported-region (9:19) #2', 'vtap-supported-region (9:19) #3']);
    expect(r.stdout).toContain('<testsuite name="loop.json" tests="3" failures="3" errors="0" skipped="0" time="0">');
  });

  test('text from the template is escaped for XML, and characters XML cannot hold are shown as escapes', async () => {
    const dir = workspace({ 'a.json': arm([tap('t<&>"\u0001\ud800x', 'westeurope')]) });
    const r = await cli(['a.json', '--format', 'junit', '--quiet'], dir);
    const failure = r.stdout.split('\n').find((l) => l.includes('<failure')) ?? '';
    expect(failure).toContain(`message="TAP 't&lt;&amp;&gt;&quot;\\u0001\\ud800x' is in 'westeurope'`);
    // Nothing raw that would make the file unreadable: no control characters, no lone surrogates, no stray markup.
    const codes = [...r.stdout].map((c) => c.codePointAt(0) ?? 0);
    expect(codes.filter((c) => (c < 0x20 && c !== 0x0a) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)).toEqual([]);
    expect(failure.replace(/<\/?(testcase|failure)\b[^<>]*>/g, '')).not.toMatch(/[<>]/);
  });

  test('with a baseline only new findings are test cases, as in the other formats for people', async () => {
    const dir = workspace({ 'a.json': arm([tap('tap1', 'westeurope')]) });
    await cli(['a.json', '--format', 'sarif', '-o', 'base.sarif'], dir);
    const r = await cli(['a.json', '--format', 'junit', '--baseline', 'base.sarif'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testcase classname="a.json" name="a.json" time="0"/>');
  });
});
