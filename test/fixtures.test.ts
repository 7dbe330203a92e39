// Table-driven: for every fixture, the exact set of findings (all rules) with rule id, level,
// kind, line and column, as listed in fixtures/<folder>/expect.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf } from './helpers.js';

/** [ruleId, level, kind, line, column, file?]: file (relative to the folder) when the finding lands in another file, e.g. a module. */
type Expected = [ruleId: string, level: string, kind: string, line: number, column: number, file?: string];

const FIXTURES = path.join(REPO, 'fixtures');
const LINTED = /\.(json|jsonc|bicep|bicepparam)$/;

for (const folder of readdirSync(FIXTURES).sort()) {
  const expectFile = path.join(FIXTURES, folder, 'expect.json');
  let table: Record<string, Expected[]>;
  try {
    table = JSON.parse(readFileSync(expectFile, 'utf8')) as Record<string, Expected[]>;
  } catch {
    continue;
  }
  describe(`fixtures/${folder}`, () => {
    test('every fixture file has expectations', () => {
      const files = readdirSync(path.join(FIXTURES, folder)).filter((f) => LINTED.test(f) && f !== 'expect.json' && !f.includes('.parameters.'));
      const listed = Object.keys(table).filter((k) => !k.startsWith('$'));
      expect(files.filter((f) => !listed.includes(f))).toEqual([]);
    });
    for (const [file, expected] of Object.entries(table)) {
      if (file.startsWith('$')) continue;
      test(file, async () => {
        const { findings } = await findingsOf([path.join('fixtures', folder, file)]);
        const prefix = `fixtures/${folder}/`;
        const actual = findings
          .filter((f) => f.file.startsWith(prefix))
          .map((f): Expected => {
            const rel = f.file.slice(prefix.length);
            return rel === file ? [f.ruleId, f.level, f.kind, f.line, f.column] : [f.ruleId, f.level, f.kind, f.line, f.column, rel];
          });
        const key = (e: Expected) => e.join('|');
        expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
      });
    }
  });
}
