// Files a run reads inside its root: a plain file is read as it is; a link is followed only to a
// file inside the root, and positions keep the path as written; nothing outside is opened.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSourceInside } from '../../src/load/read.js';

describe('readSourceInside', () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'vtaplint-read-')));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'sub', 'a.json'), '{"a": 1}');
  writeFileSync(path.join(outside, 'secret.json'), '{"secret": true}');
  symlinkSync(path.join(root, 'sub', 'a.json'), path.join(root, 'link-in.json'));
  symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'link-out.json'));
  symlinkSync(outside, path.join(root, 'linked-dir'));
  symlinkSync(path.join(root, 'sub'), path.join(root, 'linked-sub'));

  test('a plain file is read, as written', () => {
    const r = readSourceInside(path.join(root, 'sub', 'a.json'), 'arm', root);
    expect(r.ok).toBe(true);
    expect(r.source.text).toBe('{"a": 1}');
    expect(r.source.path).toBe(path.join(root, 'sub', 'a.json'));
  });

  test('a link to a file inside the root is read through; the path stays the link', () => {
    for (const p of [path.join(root, 'link-in.json'), path.join(root, 'linked-sub', 'a.json')]) {
      const r = readSourceInside(p, 'arm', root);
      expect(r.ok, p).toBe(true);
      expect(r.source.text).toBe('{"a": 1}');
      expect(r.source.path).toBe(p);
    }
  });

  test('a link out of the root, or a file in a linked folder outside it, is not read', () => {
    for (const p of [path.join(root, 'link-out.json'), path.join(root, 'linked-dir', 'secret.json'), path.join(root, '..', 'outside', 'secret.json')]) {
      const r = readSourceInside(p, 'arm', root);
      expect(r.ok, p).toBe(false);
      expect(r.source.text).toBe('');
      if (!r.ok) expect(r.diagnostic.message).toMatch(/outside the folder being linted/);
    }
  });

  test('a missing file is the ordinary unreadable finding', () => {
    const r = readSourceInside(path.join(root, 'sub', 'missing.json'), 'arm', root);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostic.message).toBe('cannot read the file: ENOENT');
    expect(r.source.path).toBe(path.join(root, 'sub', 'missing.json'));
  });
});
