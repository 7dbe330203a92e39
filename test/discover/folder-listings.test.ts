// The folders a lint's discovery walked answer its later questions (a parameters file beside a
// template, a config file in a folder, a folder's real path) without a system call each: the
// answers must be the file system's own, links and all, and only for the lint that walked them.
import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { discover } from '../../src/discover/discover.js';
import { existsListed, withListings } from '../../src/discover/folder-listings.js';
import { readSourceInside } from '../../src/load/read.js';

describe('folder listings', () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'vtaplint-listings-')));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  const infra = path.join(root, 'infra');
  mkdirSync(path.join(infra, 'modules'), { recursive: true });
  mkdirSync(outside);
  const template = '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": []}';
  writeFileSync(path.join(infra, 'azuredeploy.json'), template);
  writeFileSync(path.join(infra, 'azuredeploy.parameters.json'), '{"parameters": {}}');
  writeFileSync(path.join(infra, 'vtaplint.config.json'), '{}');
  writeFileSync(path.join(infra, '.hidden.json'), '{}');
  writeFileSync(path.join(outside, 'secret.json'), template);
  symlinkSync(path.join(infra, 'azuredeploy.parameters.json'), path.join(infra, 'linked.parameters.json'));
  symlinkSync(path.join(infra, 'missing.json'), path.join(infra, 'dangling.parameters.json'));
  symlinkSync(outside, path.join(infra, 'linked-out'));
  symlinkSync(path.join(infra, 'modules'), path.join(infra, 'linked-modules'));
  writeFileSync(path.join(infra, 'modules', 'tap.json'), template);

  const names = [
    'azuredeploy.json',
    'azuredeploy.parameters.json',
    'AZUREDEPLOY.parameters.json',
    'vtaplint.config.json',
    '.hidden.json',
    'modules',
    'missing.json',
    'other.parameters.json',
    'linked.parameters.json',
    'dangling.parameters.json',
    'linked-out',
    'linked-modules',
  ].map((n) => path.join(infra, n));

  test('inside a lint, what discovery listed is answered as the file system answers', async () => {
    await withListings(async () => {
      await discover([root], root, root);
      // Also paths through folders that are not there (a web address tried suffix by suffix), through
      // a folder link, and a folder's name in another case.
      const deeper = ['nested/deeper/tap.json', 'modules/nope/tap.json', 'linked-modules/tap.json', 'MODULES/tap.json', 'azuredeploy.json/x.json'].map((n) => path.join(infra, n));
      for (const p of [...names, ...deeper, path.join(infra, 'modules', 'tap.json'), path.join(infra, 'modules', 'none.json'), path.join(base, 'elsewhere.json')]) {
        expect(existsListed(p), p).toBe(existsSync(p));
      }
    });
  });

  test('a folder reached through a link is still followed only inside the root', async () => {
    await withListings(async () => {
      await discover([root], root, root);
      const inside = readSourceInside(path.join(infra, 'linked-modules', 'tap.json'), 'arm', root);
      expect(inside.ok).toBe(true);
      const out = readSourceInside(path.join(infra, 'linked-out', 'secret.json'), 'arm', root);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.diagnostic.message).toMatch(/outside the folder being linted/);
      expect(readSourceInside(path.join(infra, 'modules', 'tap.json'), 'arm', root).ok).toBe(true);
    });
  });

  test('listings are forgotten when the lint ends, and kept by no discovery outside one', async () => {
    const later = path.join(infra, 'later.parameters.json');
    await withListings(async () => {
      await discover([root], root, root);
    });
    await discover([root], root, root);
    writeFileSync(later, '{}');
    expect(existsListed(later)).toBe(true);
  });
});
