// Reading ahead on a thread of its own (src/load/read-ahead.ts) gives exactly what reading in the
// linting thread gives, for every kind of file, in any order the files are taken, and whether the
// reader is ahead, behind or gone. npm test builds dist/ first: the reader runs from dist/reader.cjs.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';
import { CLAIMED, MAX_AHEAD } from '../src/load/read-ahead-protocol.js';
import { ReadAhead } from '../src/load/read-ahead.js';
import { readSourceInside, type ReadResult } from '../src/load/read.js';
import { REPO } from './helpers.js';

const READER = new URL('../dist/reader.cjs', import.meta.url);
const LIMIT = 64 * 1024;

let root: string;
let files: string[];
let plain: Set<string>;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vtaplint-read-ahead-'));
  const at = (name: string) => path.join(root, name);
  mkdirSync(at('nested/deeper'), { recursive: true });
  const template = (name: string) => JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name, location: 'eastus', properties: {} }] }, null, 2);
  writeFileSync(at('tap.json'), template('tap'));
  writeFileSync(at('bom.json'), `\uFEFF${template('bom')}`);
  writeFileSync(at('nested/deeper/tap.json'), template('deep'));
  writeFileSync(at('main.bicep'), "resource tap 'Microsoft.Network/virtualNetworkTaps@2024-05-01' = {\n  name: 'tap'\n  location: 'eastus'\n}\n");
  writeFileSync(at('latin1.json'), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])); // not UTF-8
  writeFileSync(at('nul.json'), Buffer.from('{"a":"\u0000"}', 'latin1'));
  writeFileSync(at('large.json'), `{"pad":"${'x'.repeat(LIMIT)}"}`);
  symlinkSync(at('tap.json'), at('link.json'));
  symlinkSync(os.tmpdir(), at('out')); // a folder link that leads outside the root
  // A path written with '..' is read at its real place and keeps the path as written.
  const dotted = `${root}/nested/../tap.json`;
  files = [...['tap.json', 'bom.json', 'nested/deeper/tap.json', 'main.bicep'].map(at), dotted, ...['latin1.json', 'nul.json', 'large.json', 'link.json', 'missing.json', 'out/x.json'].map(at)];
  plain = new Set([...['tap.json', 'bom.json', 'nested/deeper/tap.json', 'main.bicep'].map(at), dotted]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const kindOf = (f: string) => (f.endsWith('.bicep') ? 'bicep' : 'arm');
const here = (f: string): ReadResult => readSourceInside(f, kindOf(f), root, { maxFileBytes: LIMIT });
const start = (list = files) => ReadAhead.start(READER, root, list.map((p) => ({ path: p, maxFileBytes: LIMIT })));

/** The reader has read every plain file of `list` (the files it declines it reads as fast). */
async function readerAhead(ahead: ReadAhead, list: string[]): Promise<void> {
  for (let waited = 0; !list.every((f) => ahead.hasRead(f)); waited += 10) {
    if (waited > 20_000) throw new Error('the reader did not read ahead');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What a caller sees: the reader's result, else its own read. */
function comparable(r: ReadResult) {
  return { ok: r.ok, path: r.source.path, kind: r.source.kind, text: r.source.text, diagnostic: r.ok ? undefined : { code: r.diagnostic.code, message: r.diagnostic.message } };
}

test('files read ahead are what reading them here gives; files with something to report are left to the caller', async () => {
  const ahead = start()!;
  expect(ahead).toBeDefined();
  try {
    await readerAhead(ahead, files); // fewer than MAX_AHEAD files
    for (const f of files) {
      const taken = ahead.take(f, kindOf(f));
      // A plain file comes from the reader (it was ahead); a link, a file that is not UTF-8 text,
      // too large, missing or outside the root is read here, so its finding is made as always.
      expect(taken !== undefined, f).toBe(plain.has(f));
      expect(comparable(taken ?? here(f))).toEqual(comparable(here(f)));
    }
  } finally {
    ahead.stop();
  }
  // The byte order mark is not part of the text, as when read here.
  expect(here(files[1]!).source.text.charCodeAt(0)).toBe(0x7b);
});

test('the reader goes no further than a few files ahead of the caller, and reads on as files are taken', async () => {
  const many = Array.from({ length: 40 }, (_, i) => path.join(root, 'nested', `t${i}.json`));
  many.forEach((f, i) => writeFileSync(f, `{"i":${i}}`));
  const ahead = start(many)!;
  try {
    await readerAhead(ahead, many.slice(0, MAX_AHEAD));
    await new Promise((r) => setTimeout(r, 200));
    expect(many.filter((f) => ahead.hasRead(f)).length).toBe(MAX_AHEAD);
    // Taking files lets it read as many more.
    for (let i = 0; i < 5; i++) expect(ahead.take(many[i]!, 'arm')?.source.text).toBe(`{"i":${i}}`);
    await readerAhead(ahead, many.slice(5, MAX_AHEAD + 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(many.filter((f) => ahead.hasRead(f)).length).toBe(MAX_AHEAD);
    for (const [i, f] of many.entries()) if (i >= 5) expect((ahead.take(f, 'arm') ?? here(f)).source.text).toBe(`{"i":${i}}`);
  } finally {
    ahead.stop();
  }
});

test('files skipped by the caller are passed over; a file taken twice in the list is read twice; an unlisted file is the caller\'s', async () => {
  const list = [files[0]!, files[1]!, files[2]!, files[3]!, files[0]!];
  const ahead = start(list)!;
  try {
    await readerAhead(ahead, list.slice(0, 4));
    expect(ahead.take(path.join(root, 'unlisted.json'), 'arm')).toBeUndefined();
    expect(ahead.take(files[2]!, 'arm')?.source.text).toBe(here(files[2]!).source.text);
    // Passed: its turn is over, so the caller reads it.
    expect(ahead.take(files[1]!, 'arm')).toBeUndefined();
    expect(ahead.take(files[3]!, 'bicep')?.source.kind).toBe('bicep');
    // Its second turn (the reader may or may not be there yet), then no turn left.
    expect((ahead.take(files[0]!, 'arm') ?? here(files[0]!)).source.text).toBe(here(files[0]!).source.text);
    expect(ahead.take(files[0]!, 'arm')).toBeUndefined();
  } finally {
    ahead.stop();
  }
});

test('a caller ahead of the reader reads the files itself; a reader that fails or is stopped leaves every file to the caller', () => {
  // Taken at once: the reader thread has not started, so the caller claims them and reads them.
  const ahead = start()!;
  for (const f of files) expect(comparable(ahead.take(f, kindOf(f)) ?? here(f))).toEqual(comparable(here(f)));
  ahead.stop();
  expect(ahead.take(files[0]!, 'arm')).toBeUndefined();

  const broken = ReadAhead.start(new URL('data:text/javascript,throw new Error("no reader")'), root, files.map((p) => ({ path: p, maxFileBytes: LIMIT })));
  for (const f of files) expect(comparable(broken?.take(f, kindOf(f)) ?? here(f))).toEqual(comparable(here(f)));
  broken?.stop();
  expect(ReadAhead.start(undefined, root, [{ path: files[0]!, maxFileBytes: LIMIT }])).toBeUndefined();
});

test('lint() takes the files it lints in this thread from the reader', async () => {
  // A reader that sends the same TAP for every file, in the protocol reader-thread.ts keeps:
  // findings about that TAP in every file show that each file linted came from the reader.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vtaplint-fake-reader-'));
  try {
    const names = Array.from({ length: 12 }, (_, i) => `t${i}.json`);
    for (const n of names) writeFileSync(path.join(dir, n), JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }));
    const fake = path.join(dir, 'fake-reader.cjs');
    const tap = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.Network/virtualNetworkTaps', apiVersion: '2024-05-01', name: 'tap', location: 'westeurope', properties: {} }] });
    writeFileSync(
      fake,
      `const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state), done = new Int32Array(workerData.done);
for (;;) {
  const i = Atomics.load(state, ${CLAIMED});
  if (i >= workerData.paths.length) break;
  if (Atomics.compareExchange(state, ${CLAIMED}, i, i + 1) !== i) continue;
  workerData.port.postMessage({ i, text: ${JSON.stringify(tap)} });
  Atomics.store(done, i, 1);
  Atomics.notify(done, i);
}
workerData.port.close();
`,
    );
    const opts = { root: dir, cwd: dir, rules: RULES, jobs: 1 };
    const plainRun = await lint(names, opts);
    expect(plainRun.findings.filter((f) => f.ruleId === 'vtap-supported-region')).toHaveLength(0);
    // lint() starts a reader for the files it lints here, in the order it lints them...
    const starts = vi.spyOn(ReadAhead, 'start');
    await lint(names, { ...opts, readerUrl: pathToFileURL(fake) });
    expect(starts).toHaveBeenCalledTimes(1);
    const [url, root, list] = starts.mock.calls[0]!;
    expect([url?.href, root, list.length]).toEqual([pathToFileURL(fake).href, dir, names.length]);
    // ...but not for a few files (MIN_FILES_TO_READ_AHEAD).
    await lint(names.slice(0, 3), { ...opts, readerUrl: pathToFileURL(fake) });
    expect(starts).toHaveBeenCalledTimes(1);
    starts.mockRestore();
    // ...and takes each file from it. A reader that has read them all before the run starts
    // (when the run starts it, the first files are read here while the thread starts).
    const ahead = ReadAhead.start(pathToFileURL(fake), dir, list)!;
    await readerAhead(ahead, list.map((f) => f.path));
    const run = await lint(names, { ...opts, readAhead: ahead });
    ahead.stop();
    const region = run.findings.filter((f) => f.ruleId === 'vtap-supported-region');
    expect(region).toHaveLength(names.length);
    expect(region.every((f) => f.message.includes("'westeurope'"))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundled CLI reports the same with and without reading ahead', () => {
  const run = (env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin/vtaplint.js'), 'fixtures/vtap-destination-type', 'fixtures/vtap-source-vm-nic', 'examples', '--jobs', '1', '--format', 'json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
    expect(r.stderr).not.toContain('internal error');
    return r.stdout;
  };
  const without = run({ VTAPLINT_NO_READ_AHEAD: '1' });
  expect((JSON.parse(without) as { findings: unknown[] }).findings.length).toBeGreaterThan(40);
  expect(run({})).toBe(without);
});
