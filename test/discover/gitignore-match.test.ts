// The .gitignore matcher (src/discover/gitignore-match.ts) against git itself: each case of
// test/data/gitignore-git-cases.json is a .gitignore (and sometimes one in a subfolder), paths
// below it (a trailing `/`: a folder) and whether `git check-ignore --no-index` (git 2.39, core.ignorecase
// false) said it ignores them. The patterns were generated with stars, `?`, sets with ranges,
// POSIX classes and negation, escapes, `**`, leading and trailing slashes, spaces and UTF-8; the
// paths from the patterns (so that many match) and at random. No git is needed to run this.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers.js';
import { IgnoreMatcher, parseGitignore } from '../../src/discover/gitignore-match.js';

interface Case {
  gitignore: string[];
  nested?: { dir: string; lines: string[] };
  paths: [string, boolean][];
}

const CASES = JSON.parse(readFileSync(path.join(REPO, 'test/data/gitignore-git-cases.json'), 'utf8')) as Case[];

function answers(c: Case): [string, boolean][] {
  const files = [{ file: '/r/.gitignore', patterns: parseGitignore(`${c.gitignore.join('\n')}\n`) }];
  if (c.nested) files.push({ file: `/r/${c.nested.dir}/.gitignore`, patterns: parseGitignore(`${c.nested.lines.join('\n')}\n`) });
  const m = new IgnoreMatcher(files, '/', false);
  return c.paths.map(([p]) => [p, m.ignored(`/r/${p.replace(/\/$/, '')}`, p.endsWith('/'))]);
}

describe('.gitignore patterns as git matches them', () => {
  test(`${CASES.length} generated cases give git's answers`, () => {
    const wrong = CASES.flatMap((c) => {
      const got = answers(c);
      return c.paths.filter(([, want], i) => got[i]?.[1] !== want).map(([p, want]) => ({ gitignore: c.gitignore, nested: c.nested, path: p, git: want }));
    });
    expect(wrong).toEqual([]);
    // The table is not one-sided.
    const ignored = CASES.flatMap((c) => c.paths).filter(([, v]) => v).length;
    expect(ignored).toBeGreaterThan(100);
  });
});
