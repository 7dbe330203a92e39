// Same inputs, same output: byte for byte (apart from SARIF's run timestamps), whatever the order
// of the arguments. Each variant adds CLI options (e.g. worker counts: add ['--jobs', '4'] to
// VARIANTS) and must give exactly the output of the first.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REPO } from '../helpers.js';

/** Extra CLI arguments per variant; every variant's output must equal the baseline's. */
const VARIANTS: string[][] = [[]];
const FORMATS = ['sarif', 'json', 'stylish'];

function lintable(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.(json|jsonc|bicep|bicepparam)$/.test(e.name) || e.name === 'expect.json') continue;
    out.push(path.relative(REPO, path.join(e.parentPath, e.name)).replaceAll('\\', '/'));
  }
  return out.sort();
}

/** A deterministic shuffle (seeded), so a failure can be reproduced. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

const stripTimes = (s: string) => s.replace(/"(startTimeUtc|endTimeUtc)": "[^"]*"/g, '"$1": ""');

describe('determinism', () => {
  const files = [...lintable('fixtures'), ...lintable('examples')].filter((f) => !f.startsWith('fixtures/fuzz-regressions/'));
  for (const format of FORMATS) {
    it(`${format}: identical output for shuffled argument orders and every variant`, { timeout: 60_000 }, async () => {
      expect(files.length).toBeGreaterThan(10);
      const base = await cli([...files, '--format', format]);
      expect(base.stdout.length).toBeGreaterThan(0);
      for (const [v, extra] of VARIANTS.entries()) {
        for (const seed of [1, 2]) {
          const run = await cli([...shuffled(files, seed + v * 7), ...extra, '--format', format]);
          expect(run.code).toBe(base.code);
          expect(stripTimes(run.stdout)).toBe(stripTimes(base.stdout));
        }
      }
    });
  }
});
