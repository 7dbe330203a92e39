// sourceRoot: the folder SARIF's relative URIs are written against.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sourceRoot } from '../../src/discover/source-root.js';

describe('sourceRoot', () => {
  test('files in one working tree below the root: its top', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'vtaplint-source-root-'));
    mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
    mkdirSync(path.join(root, 'repo', 'infra'));
    writeFileSync(path.join(root, 'repo', 'infra', 'main.json'), '{}');
    expect(sourceRoot(root, [path.join(root, 'repo', 'infra', 'main.json')])).toBe(path.join(root, 'repo'));
  });
  test('the file system root as the lint root (files on either side of the current folder) ends: it recursed without end', () => {
    // `vtaplint missing.bicep /tmp/x/main.bicep` run inside a repository made the lint root '/'.
    const root = path.parse(process.cwd()).root;
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'vtaplint-source-root-'));
    expect(() => sourceRoot(root, [path.join(elsewhere, 'main.bicep'), path.join(root, 'no-such-folder', 'x.bicep')])).not.toThrow();
  });
});
