// GitHub code scanning rejects a SARIF file whose run has more than 25,000 results; the Action's
// log keeps the most important results within a limit and says how many it left out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, workspace } from './helpers.js';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';
import { formatSarif, writeSarif } from '../src/report/sarif.js';
import { CODE_SCANNING_MAX_RESULTS, keptIndexes } from '../src/report/sarif-limit.js';

interface Log {
  runs: { results: { ruleId: string; level: string; suppressions?: unknown[] }[]; invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[] }[];
}

/** examples/bicep-vtap with its two v6 size errors suppressed: 2 errors, 2 notes, 2 suppressed errors. */
async function lintSuppressed() {
  const main = readFileSync(path.join(REPO, 'examples/bicep-vtap/main.bicep'), 'utf8').replace(
    '    hardwareProfile: { vmSize: webVmSize }',
    '    // vtaplint-disable-next-line vtap-source-vm-size-v6 -- accepted for this test\n    hardwareProfile: { vmSize: webVmSize }',
  );
  const dir = workspace({
    'main.bicep': main,
    'modules/collector.bicep': readFileSync(path.join(REPO, 'examples/bicep-vtap/modules/collector.bicep'), 'utf8'),
  });
  return lint(['.'], { root: dir, cwd: dir, rules: RULES, jobs: 1 });
}

describe('SARIF results within a limit', () => {
  test('the limit is code scanning’s', () => {
    expect(CODE_SCANNING_MAX_RESULTS).toBe(25_000);
  });

  test('no limit by default: every result, suppressed ones too, and no notification about it', async () => {
    const result = await lintSuppressed();
    const log = JSON.parse(formatSarif(result, RULES, { version: '0' })) as Log;
    const run = log.runs[0];
    expect(run?.results).toHaveLength(6);
    expect(run?.invocations[0]?.toolExecutionNotifications).toBeUndefined();
  });

  test('past the limit: counted errors first, then notes, suppressed ones last; a warning says how many were left out', async () => {
    const result = await lintSuppressed();
    const pieces: string[] = [];
    const { leftOut } = writeSarif(result, RULES, { version: '0', maxResults: 3 }, (s) => pieces.push(s));
    expect(leftOut).toBe(3);
    const run = (JSON.parse(pieces.join('')) as Log).runs[0];
    expect(run?.results.map((r) => `${r.ruleId} ${r.level}${r.suppressions ? ' suppressed' : ''}`)).toEqual([
      'vtap-source-basic-lb error',
      'vtap-source-basic-lb error',
      'vtap-live-migration note',
    ]);
    expect(run?.invocations[0]?.toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: expect.stringMatching(/^3 of 6 results are left out of this SARIF file: GitHub code scanning rejects a run with more than 3 results/) as unknown } },
    ]);
  });

  test('within the limit nothing is left out', async () => {
    const result = await lintSuppressed();
    const { leftOut } = writeSarif(result, RULES, { version: '0', maxResults: 6 }, () => undefined);
    expect(leftOut).toBe(0);
  });

  test("a baseline's absent results: written by default, left out with absent: false (the Action's file for code scanning)", async () => {
    const result = await lintSuppressed();
    const absentRaw = { ruleId: 'vtap-supported-region', level: 'error', message: { text: 'gone' }, locations: [], partialFingerprints: { 'vtaplint/v1': 'f' } };
    const withAbsent = { ...result, absent: [{ ruleId: 'vtap-supported-region', fingerprint: 'f', raw: absentRaw }] } as unknown as typeof result;
    const states = (opts: { absent?: boolean }) =>
      (JSON.parse(formatSarif(withAbsent, RULES, { version: '0', ...opts })) as { runs: { results: { baselineState?: string }[] }[] }).runs[0]?.results.filter((r) => r.baselineState === 'absent').length;
    expect(states({})).toBe(1);
    expect(states({ absent: false })).toBe(0);
  });

  test('kept indexes: lowest ranks, ties in their order', () => {
    expect([...keptIndexes([2, 0, 1, 0, 2], 3)].sort()).toEqual([1, 2, 3]);
    expect([...keptIndexes([2, 2, 2], 2)].sort()).toEqual([0, 1]);
    expect(keptIndexes([1, 0], 5).size).toBe(2);
  });
});
