// A named pipe where a module or linked template should be: opening it for reading would wait for
// a writer forever. vtaplint opens files without blocking and refuses what is not a regular file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { findingsOf } from '../helpers.js';

test('a module that is a named pipe is a finding, not a hang', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vtaplint-fifo-'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.bicep')]);
  writeFileSync(path.join(dir, 'main.bicep'), "module m './pipe.bicep' = {\n  name: 'm'\n}\n");
  const { findings } = await findingsOf(['main.bicep'], dir);
  expect(findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['invalid-template', 1, 10]]);
  expect(findings[0]?.message).toContain('not a regular file');
}, 10_000);
