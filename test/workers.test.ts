// The bundled CLI on worker threads gives byte-identical output to a single thread, whatever the
// argument order (npm test builds dist/ first; workers only exist in the bundle).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { REPO } from './helpers.js';

function sarif(args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.js'), ...args, '--format', 'sarif'], { cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(r.stderr).not.toContain('internal error');
  return r.stdout;
}

/** Run timestamps are the only thing allowed to differ. */
const stable = (s: string) => s.replace(/"(start|end)TimeUtc": "[^"]+"/g, '"time"');

test('one thread and several worker threads report the same, in the same order', () => {
  const single = sarif(['fixtures', 'examples', '--jobs', '1']);
  expect((JSON.parse(single) as { runs: { results: unknown[] }[] }).runs[0]!.results.length).toBeGreaterThan(20);
  expect(stable(sarif(['fixtures', 'examples', '--jobs', '2']))).toBe(stable(single));
  expect(stable(sarif(['examples', 'fixtures', '--jobs', '3']))).toBe(stable(single));
});
