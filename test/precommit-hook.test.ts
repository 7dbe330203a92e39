// The pre-commit hook definition (.pre-commit-hooks.yaml) as pre-commit reads it. The hook run for
// real is scripts/test-precommit.sh.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { REPO } from './helpers.js';

interface HookDef {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as HookDef[];
const hook = hooks.find((h) => h.id === 'vtaplint') as HookDef;

describe('.pre-commit-hooks.yaml', () => {
  test('lints the staged files as the whole repository judges them', () => {
    // --cache: each commit lints again only what changed (the cache folder ignores itself in git);
    // --staged-deletions: the files the commit deletes or renames away, which pre-commit does not pass.
    expect(hook.entry).toBe('vtaplint --context . --cache --staged-deletions');
    expect(hook.language).toBe('node');
    const files = new RegExp(hook.files);
    for (const f of ['main.bicep', 'prod.bicepparam', 'azuredeploy.json', 'azuredeploy.parameters.json', 'my dir/tap template.jsonc']) expect(files.test(f), f).toBe(true);
    for (const f of ['README.md', 'main.bicep.bak', 'package.json.orig']) expect(files.test(f), f).toBe(false);
  });

  test('runs in one process: pre-commit splits more than 4 files into a run per CPU unless require_serial', () => {
    // pre-commit's xargs partitions the files into max(4, ceil(n / cpus)) per run when a hook
    // is not serial; each run analyses the whole repository (--context .), so a finding in a
    // staged module that a staged parent deploys was reported by both runs, with two summaries.
    expect(hook.require_serial).toBe(true);
  });
});
