// loadDirectoryFileInfo() through the CLI: the folder is listed on disk (inside the lint root
// only), and a resource that uses the list is evaluated, not an 'unknown ARM function' error.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, findingsOf } from '../helpers.js';

describe('loadDirectoryFileInfo() on disk', () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'vtaplint-lddir-')));
  const root = path.join(base, 'root');
  mkdirSync(path.join(root, 'dir', 'sub'), { recursive: true });
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(root, 'dir', 'one.txt'), '1');
  writeFileSync(path.join(root, 'dir', 'two.json'), '{}');
  writeFileSync(path.join(root, 'dir', 'sub', 'three.txt'), '3');
  writeFileSync(
    path.join(root, 'main.bicep'),
    [
      "var files = loadDirectoryFileInfo('dir')",
      "resource nsg 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {",
      "  name: 'nsg-${length(files)}'",
      "  location: 'eastus'",
      '}',
      'output files array = files',
      "output json array = loadDirectoryFileInfo('dir', '*.json')",
      "output missing array = loadDirectoryFileInfo('nope')",
      "output outside array = loadDirectoryFileInfo('../outside')",
      '',
    ].join('\n'),
  );

  it('lists the files of the folder; a missing folder and one outside the root are errors at the argument', async () => {
    const { findings } = await findingsOf(['main.bicep'], root);
    expect(findings.filter((f) => f.ruleId === 'evaluation-error' || f.ruleId === 'invalid-template').map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ['invalid-template', 8, 46, 'loadDirectoryFileInfo(): the directory does not exist'],
      ['invalid-template', 9, 46, expect.stringMatching(/^loadDirectoryFileInfo\(\): .*outside the folder being linted/)],
    ]);
    const r = await cli(['eval', 'main.bicep'], root);
    const out = JSON.parse(r.stdout) as { outputs: Record<string, { value: unknown }> };
    expect(out.outputs.files?.value).toEqual([
      { relativePath: 'dir/one.txt', baseName: 'one.txt', extension: '.txt' },
      { relativePath: 'dir/two.json', baseName: 'two.json', extension: '.json' },
    ]);
    expect(out.outputs.json?.value).toEqual([{ relativePath: 'dir/two.json', baseName: 'two.json', extension: '.json' }]);
    expect(out.outputs.missing?.value).toHaveProperty('$unknown');
    expect(out.outputs.outside?.value).toHaveProperty('$unknown');
  });
});
