// Replays every input the fuzzer (scripts/fuzz.ts) ever saved: each must now lint without an
// exception, an internal error or invalid SARIF, within the time bound.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../scripts/lib/fuzz-check.js';
import { REPO } from '../helpers.js';

const DIR = path.join(REPO, 'fixtures/fuzz-regressions');
const inputs = readdirSync(DIR)
  .filter((f) => /\.(json|jsonc|bicep|bicepparam)$/.test(f))
  .sort();

describe('fuzz regressions', () => {
  it('the folder holds the saved inputs', () => {
    expect(inputs.length).toBeGreaterThan(0);
  });
  for (const f of inputs) {
    it(f, { timeout: 20_000 }, async () => {
      const scratch = path.join(os.tmpdir(), `vtaplint-fuzz-replay-${process.pid}`);
      const r = await checkInput(scratch, f, readFileSync(path.join(DIR, f)));
      expect(r.failure).toBeUndefined();
    });
  }
});
