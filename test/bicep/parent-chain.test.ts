// A resource's name and id are built from its parent's, so a chain of N `parent:` references
// lowered N names of up to N levels each: 5,000 resources of 100 bytes each (the parent of the
// next) ran for a minute and out of memory (4 GB, exit 134). A chain deeper than
// maxExpressionDepth (256) is now cut where it passes that depth, with one finding there; before,
// each resource past 512 levels had a finding of its own about a name nested too deeply, so
// this test fails on the findings, on a chain short enough to end quickly either way.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace } from '../helpers.js';

const DEPTH = 700;
function chain(): string {
  const lines = ["resource r0 'Microsoft.Storage/storageAccounts@2023-05-01' = {", "  name: 'st'", "  location: 'eastus'", "  kind: 'StorageV2'", "  sku: { name: 'Standard_LRS' }", '}'];
  for (let i = 1; i < DEPTH; i++) lines.push(`resource r${i} 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {`, `  parent: r${i - 1}`, "  name: 'default'", '}');
  return `${lines.join('\n')}\n`;
}

describe('parent chains', () => {
  test(`a chain of ${DEPTH} resources is cut every 256 levels, with a finding at each cut`, async () => {
    const dir = workspace({ 'main.bicep': chain() });
    const { findings } = await findingsOf(['main.bicep'], dir);
    const limits = findings.filter((f) => f.ruleId === 'limit-exceeded');
    // r257 is 257 levels below r0; r514 the same below r257. Line of `parent: rN`: 6 + 4 * (N - 1) + 2.
    expect(limits.map((f) => [f.line, f.column])).toEqual([
      [6 + 4 * 256 + 2, 11],
      [6 + 4 * 513 + 2, 11],
    ]);
    expect(limits[0]?.message).toBe("The 'parent' chain is more than 256 resources deep (limit maxExpressionDepth); the name of 'r257' is not worked out.");
  });
});
