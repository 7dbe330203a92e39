// Mutation fuzzer: mutates the repository's fixtures and examples (byte flips, truncation,
// duplicated subtrees, injected deep nesting, mutated "[...]" expressions, deleted Bicep tokens)
// and lints each input in a worker process. An input fails when an exception escapes, an
// internal-error notification is reported, the SARIF is not valid, Object.prototype changes, or
// it takes longer than the per-input bound (the worker is killed). Failing inputs are saved to
// fixtures/fuzz-regressions/, which test/hostile/fuzz-regressions.test.ts replays.
//   node scripts/run-ts.mjs scripts/fuzz.ts [--seconds 60] [--seed N] [--timeout-ms 10000]
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInput, sarifOf } from './lib/fuzz-check.js';

const REGRESSIONS = 'fixtures/fuzz-regressions';
/** Inputs larger than this are not tried (the file-size limit is tested on its own). */
const MAX_INPUT = 4 * 1024 * 1024;

interface Job {
  id: number;
  name: string;
  /** base64 of the input bytes (IPC carries JSON). */
  data: string;
}
interface Answer {
  id: number;
  failure: string | undefined;
  findings: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}


// ---- mutations ----

/** xorshift32: reproducible from --seed. */
class Rng {
  constructor(private s: number) {
    if (this.s === 0) this.s = 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
}

const FUNCTIONS = ['concat', 'format', 'range', 'union', 'json', 'string', 'createObject', 'createArray', 'replace', 'substring', 'padLeft', 'copyIndex', 'variables', 'parameters', 'reference', 'resourceId', 'if', 'coalesce', 'last', 'first', 'skip', 'take', 'split', 'join', 'base64', 'dataUri', 'guid', 'uniqueString', 'cidrSubnet', 'parseCidr', 'items', 'map', 'filter', 'reduce', 'lambda', 'tryGet', 'utcNow', 'length', 'indexOf', 'int', 'float', 'bool', 'not'];
const WEIRD = ['__proto__', 'constructor', 'prototype', "'", "''", '"', '\\', '\u0000', '\u2028', '\uFFFF', '\uD800', '9007199254740993', '-2147483649', '1e309', '2147483647', '[[', ']]', '${', '/*', '//', '\r', '\r\n'];

function byteFlips(b: Buffer, r: Rng): Buffer {
  const out = Buffer.from(b);
  const n = 1 + r.int(8);
  for (let i = 0; i < n && out.length; i++) {
    const k = r.int(out.length);
    out[k] = (out[k] as number) ^ (1 << r.int(8));
  }
  return out;
}

function truncate(b: Buffer, r: Rng): Buffer {
  return b.subarray(0, r.int(b.length + 1));
}

/** Offsets of a random bracketed span ({...} or [...]) in the text, skipping strings roughly. */
function bracketSpan(t: string, r: Rng): [number, number] | undefined {
  const opens: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] === '{' || t[i] === '[') opens.push(i);
  if (!opens.length) return undefined;
  const start = r.pick(opens);
  let depth = 0;
  for (let i = start; i < t.length; i++) {
    const c = t[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return [start, i + 1];
    }
  }
  return undefined;
}

function duplicateSubtree(t: string, r: Rng): string {
  // Stacked duplications grow geometrically: past 1 MB the input is left as it is.
  if (t.length > 1024 * 1024) return t;
  const json = tryJson(t);
  if (json !== undefined && typeof json === 'object' && json !== null) {
    // JSON level: a random subtree copied (several times) into a random object or array.
    const nodes: unknown[] = [];
    const walk = (v: unknown, d: number) => {
      if (typeof v !== 'object' || v === null || d > 40) return;
      nodes.push(v);
      for (const c of Object.values(v)) walk(c, d + 1);
    };
    walk(json, 0);
    const src = r.pick(nodes);
    const dst = r.pick(nodes) as Record<string, unknown> | unknown[];
    const piece = JSON.stringify(src);
    const times = Math.min(1 + r.int(r.next() < 0.1 ? 200 : 3), Math.max(1, Math.floor(2_000_000 / piece.length)));
    for (let i = 0; i < times; i++) {
      const copy = JSON.parse(piece) as unknown;
      if (Array.isArray(dst)) dst.push(copy);
      else dst[r.next() < 0.3 ? r.pick(WEIRD) : `k${r.int(1000)}`] = copy;
    }
    return JSON.stringify(json, null, r.next() < 0.5 ? 2 : undefined);
  }
  const span = bracketSpan(t, r);
  if (!span) return t + t;
  const piece = t.slice(span[0], span[1]);
  const at = r.int(t.length + 1);
  return t.slice(0, at) + piece + (r.next() < 0.5 ? ',' : '\n') + t.slice(at);
}

function deepNesting(t: string, r: Rng): string {
  const n = r.pick([100, 511, 512, 513, 1000, 5000, 20000]);
  const kinds: [string, string][] = [
    ['[', ']'],
    ['{"a":', '}'],
    ['(', ')'],
    ['not(', ')'],
  ];
  const [o, c] = r.pick(kinds);
  const at = r.int(t.length + 1);
  return `${t.slice(0, at)}${o.repeat(n)}1${c.repeat(r.next() < 0.8 ? n : r.int(n))}${t.slice(at)}`;
}

function mutateExpression(e: string, r: Rng): string {
  const ops = [
    () => e.slice(0, r.int(e.length)) + e.slice(r.int(e.length)), // delete a range
    () => e.replace(/[A-Za-z]+\(/, () => `${r.pick(FUNCTIONS)}(`),
    () => e.replace(/\(([^()]*)\)/, (_m, a: string) => `(${a}, ${a})`),
    () => `[concat(${e.slice(1, -1)}, ${e.slice(1, -1)})]`,
    () => e.replace(/\d+/, () => r.pick(WEIRD.slice(10, 15))),
    () => e.replace(/'[^']*'/, () => `'${r.pick(WEIRD)}'`),
    () => `[${r.pick(FUNCTIONS)}(${e.slice(1, -1)})]`,
    () => `[range(0, ${r.pick(['2147483647', '10000', '100001', '-1'])})]`,
    () => e.slice(0, -1), // unterminated
    () => `${e.slice(0, -1)}.a.b[0]]`,
  ];
  return r.pick(ops)();
}

function expressionMutations(t: string, r: Rng): string {
  const re = /"\[(?:[^"\\]|\\.)*\]"/g;
  const found = [...t.matchAll(re)];
  if (!found.length) return t;
  const m = r.pick(found);
  const inner = JSON.parse(m[0]) as string;
  const mutated = mutateExpression(inner, r);
  return t.slice(0, m.index) + JSON.stringify(mutated) + t.slice((m.index ?? 0) + m[0].length);
}

function bicepTokenDeletion(t: string, r: Rng): string {
  const tokens = t.match(/\s+|[A-Za-z_][A-Za-z0-9_]*|'(?:[^'\\]|\\.)*'|\S/g) ?? [];
  const n = 1 + r.int(6);
  for (let i = 0; i < n && tokens.length; i++) {
    const k = r.int(tokens.length);
    if (r.next() < 0.7) tokens.splice(k, 1);
    else tokens.splice(k, 0, tokens[r.int(tokens.length)] as string);
  }
  return tokens.join('');
}

function tryJson(t: string): unknown {
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

function mutate(seed: { name: string; bytes: Buffer }, r: Rng): { name: string; bytes: Buffer; how: string } {
  const bicep = /\.bicep(param)?$/.test(seed.name);
  const choices: [string, (b: Buffer, t: string) => Buffer][] = [
    ['byte flips', (b) => byteFlips(b, r)],
    ['truncation', (b) => truncate(b, r)],
    ['subtree duplication', (_b, t) => Buffer.from(duplicateSubtree(t, r))],
    ['deep nesting', (_b, t) => Buffer.from(deepNesting(t, r))],
    ['expression mutation', (_b, t) => Buffer.from(expressionMutations(t, r))],
    ['expression mutation', (_b, t) => Buffer.from(expressionMutations(t, r))],
    ['weird text', (_b, t) => Buffer.from(t.replace(/[A-Za-z]+/, () => r.pick(WEIRD)))],
  ];
  if (bicep) choices.push(['token deletion', (_b, t) => Buffer.from(bicepTokenDeletion(t, r))], ['token deletion', (_b, t) => Buffer.from(bicepTokenDeletion(t, r))]);
  // Stack a few mutations now and then.
  const rounds = r.next() < 0.2 ? 2 + r.int(3) : 1;
  let bytes = seed.bytes;
  const how: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const [name, f] = r.pick(choices);
    bytes = f(bytes, bytes.toString('utf8'));
    how.push(name);
  }
  return { name: path.basename(seed.name), bytes, how: how.join(' + ') };
}

function seeds(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (const dir of ['fixtures', 'examples']) {
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || !/\.(json|bicep|bicepparam)$/.test(e.name) || e.name === 'expect.json') continue;
      const p = path.join(e.parentPath, e.name);
      if (p.includes('fuzz-regressions')) continue;
      out.push({ name: p, bytes: readFileSync(p) });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

// ---- parent: generates inputs, runs them in a worker with a time bound ----
async function parent(): Promise<void> {
  const seconds = arg('--seconds', 60);
  const seed = arg('--seed', Date.now() % 2147483647);
  const timeoutMs = arg('--timeout-ms', 10_000);
  const rng = new Rng(seed);
  const corpus = seeds();
  const self = fileURLToPath(import.meta.url);
  console.log(`fuzz: ${corpus.length} seeds, seed ${seed}, ${seconds} s, ${timeoutMs} ms per input`);
  let worker: ChildProcess | undefined;
  let pending: ((a: Answer | undefined) => void) | undefined;
  const start = (): ChildProcess => {
    const w = fork(self, ['--worker'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: ['--max-old-space-size=2048'] });
    w.on('message', (a: Answer) => pending?.(a));
    w.on('exit', () => pending?.(undefined));
    return w;
  };
  const run = (job: Job): Promise<Answer | 'timeout' | 'crash'> =>
    new Promise((resolve) => {
      worker ??= start();
      const w = worker;
      const timer = setTimeout(() => {
        pending = undefined;
        w.kill('SIGKILL');
        worker = undefined;
        resolve('timeout');
      }, timeoutMs);
      pending = (a) => {
        clearTimeout(timer);
        pending = undefined;
        if (!a) {
          worker = undefined;
          resolve('crash');
        } else resolve(a);
      };
      w.send(job);
    });
  const deadline = Date.now() + seconds * 1000;
  let n = 0;
  let findings = 0;
  const failures: string[] = [];
  const samples = new Map<string, { name: string; bytes: Buffer; how: string }>();
  const t0 = Date.now();
  while (Date.now() < deadline) {
    let input: { name: string; bytes: Buffer; how: string };
    try {
      input = mutate(rng.pick(corpus), rng);
    } catch {
      continue; // a mutation that outgrew the fuzzer's own memory: try another
    }
    if (input.bytes.length > MAX_INPUT) continue;
    const answer = await run({ id: ++n, name: input.name, data: input.bytes.toString('base64') });
    let failure = answer === 'timeout' ? `no answer within ${timeoutMs} ms` : answer === 'crash' ? 'the worker process died' : answer.failure;
    if (answer !== 'timeout' && answer !== 'crash') {
      findings += answer.findings;
      // A few inputs with findings, one per kind of mutation, for the Multitool at the end.
      if (!answer.failure && answer.findings > 0 && !samples.has(input.how) && samples.size < 8) samples.set(input.how, input);
    }
    if (failure) {
      failure = failure.length > 300 ? `${failure.slice(0, 300)}…` : failure;
      const hash = createHash('sha1').update(input.bytes).digest('hex').slice(0, 12);
      const ext = path.extname(input.name);
      mkdirSync(REGRESSIONS, { recursive: true });
      const file = path.join(REGRESSIONS, `${hash}${ext}`);
      if (!existsSync(file)) writeFileSync(file, input.bytes);
      failures.push(`${file}: ${failure} (${input.how} of ${input.name})`);
      console.log(`FAIL ${file}: ${failure} (${input.how} of ${input.name})`);
    }
  }
  worker?.kill();
  const secs = (Date.now() - t0) / 1000;
  console.log(`fuzz: ${n} inputs in ${secs.toFixed(0)} s (${(n / secs).toFixed(1)} inputs/s), ${findings} findings, ${failures.length} failures`);
  const invalid = await multitool([...samples.values()].sort((a, b) => (a.how < b.how ? -1 : 1)));
  if (invalid) process.exitCode = 1;
  if (failures.length) {
    console.log(`failing inputs saved under ${REGRESSIONS}/ (replayed by test/hostile/fuzz-regressions.test.ts)`);
    process.exitCode = 1;
  }
}

// ---- entry: the worker lints inputs sent by the parent (after the declarations above) ----
if (process.argv.includes('--worker')) {
  const dir = path.join(os.tmpdir(), `vtaplint-fuzz-${process.pid}`);
  process.on('message', (m: Job) => {
    void checkInput(dir, m.name, Buffer.from(m.data, 'base64')).then((r) => {
      const answer: Answer = { id: m.id, failure: r.failure, findings: r.findings };
      process.send?.(answer);
    });
  });
} else {
  await parent();
}

/**
 * Validates the SARIF of a sample of inputs with the SARIF Multitool ("Sarif;Gh" rules), when it
 * is installed; true when it reports an error.
 */
async function multitool(inputs: { name: string; bytes: Buffer; how: string }[]): Promise<boolean> {
  const tool = path.resolve('node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
  if (!existsSync(tool) || inputs.length === 0) return false;
  const dir = path.join(os.tmpdir(), `vtaplint-fuzz-sarif-${process.pid}`);
  let bad = false;
  for (const [i, input] of inputs.entries()) {
    let sarif: string;
    try {
      sarif = await sarifOf(path.join(dir, 'root'), input.name, input.bytes);
    } catch {
      continue; // the worker's checks already judged this input
    }
    const file = path.join(dir, `${i}.sarif`);
    const out = path.join(dir, `${i}.validation.sarif`);
    writeFileSync(file, sarif);
    try {
      rmSync(out, { force: true });
      execFileSync(tool, ['validate', '--rule-kind', 'Sarif;Gh', file, '-o', out], { stdio: 'pipe' });
    } catch {
      // The Multitool exits non-zero when it finds errors; its log says which.
    }
    const log = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string } }[] }[] }) : undefined;
    const errors = (log?.runs[0]?.results ?? []).filter((r) => (r.level ?? 'warning') === 'error');
    if (!log) console.log(`multitool: no validation log for a sample (${input.how})`);
    for (const e of errors) console.log(`multitool: ${e.ruleId}: ${e.message.text ?? e.message.id ?? ''} (${input.how} of ${input.name})`);
    if (!log || errors.length) bad = true;
  }
  console.log(`multitool: ${inputs.length} sample SARIF logs validated (Sarif;Gh), ${bad ? 'with errors' : 'no errors'}`);
  return bad;
}
