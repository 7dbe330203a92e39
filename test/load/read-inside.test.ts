// Files a run reads inside its root: a plain file is read as it is; a link is followed only to a
// file inside the root, and positions keep the path as written; nothing outside is opened.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFilesInside, readSourceInside } from '../../src/load/read.js';

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
    if (!r.ok) expect(r.diagnostic.message).toBe('the file does not exist');
    expect(r.source.path).toBe(path.join(root, 'sub', 'missing.json'));
  });
});

describe('listFilesInside (loadDirectoryFileInfo)', () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'vtaplint-list-')));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'dir', 'nested'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'dir', 'a.txt'), 'a');
  writeFileSync(path.join(root, 'dir', '.hidden'), 'h');
  writeFileSync(path.join(root, 'dir', 'nested', 'deep.txt'), 'd');
  writeFileSync(path.join(root, 'top.txt'), 't');
  writeFileSync(path.join(outside, 'secret.txt'), 's');
  symlinkSync(path.join(root, 'top.txt'), path.join(root, 'dir', 'link-in.txt'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'dir', 'link-out.txt'));
  symlinkSync(outside, path.join(root, 'linked-out'));

  test('the files directly in the folder, links to files inside the root; no folders', () => {
    const r = listFilesInside(path.join(root, 'dir'), root);
    expect('names' in r && [...r.names].sort()).toEqual(['.hidden', 'a.txt', 'link-in.txt']);
  });

  test('a folder outside the root (by path or link), a missing folder and a file are errors', () => {
    expect(listFilesInside(outside, root)).toEqual({ error: expect.stringMatching(/outside the folder being linted/) as unknown });
    expect(listFilesInside(path.join(root, 'linked-out'), root)).toEqual({ error: expect.stringMatching(/outside the folder being linted/) as unknown });
    expect(listFilesInside(path.join(root, 'missing'), root)).toEqual({ error: 'the directory does not exist' });
    expect(listFilesInside(path.join(root, 'top.txt'), root)).toEqual({ error: 'the path is a file, not a directory' });
  });
});
