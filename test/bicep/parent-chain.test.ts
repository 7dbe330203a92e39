// A resource's name and id are built from its parent's, so a chain of N `parent:` references
// lowered N names of up to N levels each: 5,000 resources of 100 bytes each (the parent of the
// next) ran for a minute and out of memory (4 GB, exit 134). A chain deeper than
// maxExpressionDepth (256) is now cut where it passes that depth, with one finding there; before,
// each resource past 512 levels had a finding of its own about a name nested too deeply, so
// this test fails on the findings, on a chain short enough to end quickly either way.
import { describe, expect, test } from 'vitest';
import { findingsOf, workspace } from '../helpers.js';
import { SourceText } from '../../src/model/source.js';
import { TExpr, isTObject, type TObject } from '../../src/model/template.js';
import { loadBicepTemplate } from '../../src/bicep/load.js';
import type { Expr } from '../../src/expr/ast.js';

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

describe('parent chain names', () => {
  test("each resource's name is built on its parent's name as lowered once, not lowered again for every resource below it", () => {
    // A chain of 2,000-3,000 took 8-10 s: each resource lowered the names of all those above it
    // again (up to 256 levels, maxExpressionDepth). Now a child's name holds its parent's name
    // expression itself, and the references that name reads (its dependsOn) are still the child's.
    const text = [
      "param prefix string = 'st'",
      "resource r0 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: '${prefix}0'\n  location: 'eastus'\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n}",
      "resource r1 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {\n  parent: r0\n  name: 'default'\n}",
      "resource r2 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {\n  parent: r1\n  name: 'c'\n}",
      '',
    ].join('\n');
    const src = new SourceText('/virtual/main.bicep', text, 'bicep');
    const t = loadBicepTemplate(src, { root: '/virtual', read: () => ({ error: 'no other file' }) });
    const resources = (t.root as TObject).resources as TObject;
    const name = (r: string): Expr => {
      const decl = resources[r];
      const n = isTObject(decl) ? decl.name : undefined;
      if (!(n instanceof TExpr)) throw new Error(`no name expression for ${r}`);
      return n.ast;
    };
    const parentOf = (e: Expr): Expr | undefined => (e.k === 'call' && e.name === 'format' ? e.args[1] : undefined);
    expect(parentOf(name('r2'))).toBe(name('r1'));
    expect(parentOf(parentOf(name('r2')) as Expr)).toBe(parentOf(name('r1')));
  });
});
