// Two findings can share everything a fingerprint hashes (rule, file, resource, the text at the
// place): a module's resource judged through two entries that deploy it with other values. They
// are told apart by an occurrence number, which must follow something that stays put, not the
// messages: a message changes with a parameter value, and GitHub code scanning would then close
// one alert and reopen the other as new, and a baseline would call both "updated".
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, findingsOf, workspace } from './helpers.js';

const HUB_SPOKE = 'fixtures/vtap-peering-before-tap/hub-spoke';

/** A copy of the hub-spoke fixture: two entries deploy modules/workload.bicep, each without waiting for its peerings. */
function hubSpoke(): string {
  const files: Record<string, string> = {};
  for (const dir of ['', 'modules']) {
    for (const name of readdirSync(path.join(REPO, HUB_SPOKE, dir))) {
      if (name.endsWith('.bicep')) files[path.posix.join(dir, name)] = readFileSync(path.join(REPO, HUB_SPOKE, dir, name), 'utf8');
    }
  }
  return workspace(files);
}

/** The peering findings in the shared module, as entry file (named in the message) -> fingerprint. */
async function byEntry(dir: string): Promise<Map<string, string>> {
  const { findings } = await findingsOf(['.'], dir);
  const shared = findings.filter((f) => f.ruleId === 'vtap-peering-before-tap' && f.file === 'modules/workload.bicep');
  expect(shared).toHaveLength(2);
  expect(new Set(shared.map((f) => `${f.line}:${f.column}`)).size).toBe(1);
  return new Map(shared.map((f) => [/in ([\w-]+\.bicep),/.exec(f.message)?.[1] ?? '', f.fingerprint]));
}

describe('fingerprints of findings that share a place', () => {
  test('follow the entry that deployed the module, not the order of their messages', async () => {
    const dir = hubSpoke();
    const before = await byEntry(dir);
    expect([...before.keys()].sort()).toEqual(['fail-peering-modules-apart.bicep', 'fail-workloads-not-after-peerings.bicep']);
    // The second entry names its spoke 'app' instead of 'web': its message now sorts first.
    const entry = path.join(dir, 'fail-workloads-not-after-peerings.bicep');
    const text = readFileSync(entry, 'utf8');
    const renamed = text.replace("{ name: 'web',", "{ name: 'app',");
    expect(renamed).not.toBe(text);
    writeFileSync(entry, renamed);
    const after = await byEntry(dir);
    expect(after).toEqual(before);
  });
});
