// A file another file names that does not exist (a Bicep module, a linked template's relativePath,
// a load*Content() file, the template of a .bicepparam `using`) is an error that says so with the
// path as written, relative to the naming file, not the system's "ENOENT".
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../helpers.js';

describe('a missing file named by another', () => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'vtaplint-missing-')));
  mkdirSync(path.join(root, 'infra'));
  writeFileSync(
    path.join(root, 'infra', 'main.bicep'),
    ["module tap 'modules/tap.bicep' = {", "  name: 'tap'", '}', "output text string = loadTextContent('../config/settings.txt')", ''].join('\n'),
  );
  writeFileSync(path.join(root, 'infra', 'prod.bicepparam'), "using 'mian.bicep'\n");
  writeFileSync(
    path.join(root, 'infra', 'linked.json'),
    JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'tap',
            properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/tap.json' } },
          },
        ],
      },
      null,
      2,
    ),
  );

  it('says the file does not exist, with its path as written', async () => {
    const { findings } = await findingsOf(['infra'], root);
    const messages = findings.filter((f) => f.ruleId === 'invalid-template').map((f) => `${f.file}:${f.line}: ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "infra/main.bicep:1: the module 'modules/tap.bicep' does not exist",
        "infra/main.bicep:4: loadTextContent(): the file '../config/settings.txt' does not exist",
        "infra/prod.bicepparam:1: the template 'mian.bicep' does not exist",
        "infra/linked.json:12: the linked template 'nested/tap.json' does not exist",
      ]),
    );
    expect(messages.join('\n')).not.toContain('ENOENT');
  });
});
