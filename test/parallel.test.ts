// Scheduling: each thread keeps to one front end (ARM JSON or Bicep) while it has files of
// it, so a thread warms up only the code it runs; then it helps with what is left elsewhere.
import { expect, test } from 'vitest';
import { runInWorkers, TaskQueues, type WorkerSetup, type WorkerTask } from '../src/engine/parallel.js';

const task = (index: number, group: number): WorkerTask => ({ index, path: `f${index}`, explicit: false, group });

test('workers keep to their group in file order, then take from the group with the most left', () => {
  const q = new TaskQueues([task(0, 0), task(1, 1), task(2, 0), task(3, 0), task(4, 0), task(5, 1)]);
  expect(q.take(1)?.index).toBe(1);
  expect(q.take(1)?.index).toBe(5);
  // Group 1 is done: worker 1 helps with group 0.
  expect(q.take(1)?.index).toBe(0);
  expect(q.take(0)?.index).toBe(2);
  // A third worker shares group 0 (2 % 2).
  expect(q.take(2)?.index).toBe(3);
  expect(q.take(0)?.index).toBe(4);
  expect(q.take(0)).toBeUndefined();
  expect(q.take(1)).toBeUndefined();
});

test('one group, or none', () => {
  const q = new TaskQueues([task(0, 1), task(1, 1)]);
  expect([q.take(0)?.index, q.take(1)?.index, q.take(0)]).toEqual([0, 1, undefined]);
  expect(new TaskQueues([]).take(3)).toBeUndefined();
});

test('threads that share the queues take every task once, each from its own group first', () => {
  const tasks = [task(0, 0), task(1, 1), task(2, 0), task(3, 1), task(4, 0), task(5, 0)];
  const main = new TaskQueues(tasks);
  // A worker's TaskQueues over the same tasks and the main thread's heads (WorkerStart.heads).
  const worker = new TaskQueues(tasks, main.heads);
  const taken: number[] = [];
  // The worker keeps to group 0, the main thread (home 1) to group 1, then both take what is left.
  expect(worker.take(0)?.index).toBe(0);
  expect(main.take(1)?.index).toBe(1);
  expect(main.take(1)?.index).toBe(3);
  for (let t = main.take(1); t; t = main.take(1)) {
    taken.push(t.index);
    const w = worker.take(0);
    if (w) taken.push(w.index);
  }
  expect(taken.sort()).toEqual([2, 4, 5]);
  expect([worker.take(0), main.take(1)]).toEqual([undefined, undefined]);
});

/**
 * A worker speaking runInWorkers' protocol (as src/cli/worker.ts does): it takes tasks from the
 * shared heads of one group itself, and `script` says what it does with each.
 */
function workerUrl(script: string): URL {
  const code = `import { parentPort, workerData } from 'node:worker_threads';
const heads = new Int32Array(workerData.heads);
const tasks = workerData.tasks;
for (let i = Atomics.add(heads, 0, 1); i < tasks.length; i = Atomics.add(heads, 0, 1)) {
  const task = tasks[i];
  ${script}
}
parentPort.postMessage({ type: 'done' });`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

const SETUP: WorkerSetup = { root: '/', cwd: '/', configFile: undefined, parameterFiles: undefined, params: undefined, now: new Date(0).toISOString(), bicepFiles: [] };

async function run(url: URL, count: number, workers: number, lintMs = 1) {
  const tasks = Array.from({ length: count }, (_, i) => task(i, 0));
  const here: number[] = [];
  const there: number[] = [];
  const fatal: [number, string][] = [];
  await runInWorkers(
    url,
    SETUP,
    tasks,
    workers,
    (r) => there.push(r.index),
    (i, m) => fatal.push([i, m]),
    (t) => {
      here.push(t.index);
      // A file's lint: the worker meanwhile takes files of its own.
      const until = performance.now() + lintMs;
      while (performance.now() < until);
    },
  );
  return { here, there, fatal, all: [...here, ...there, ...fatal.map(([i]) => i)].sort((a, b) => a - b), tasks };
}

const result = (index: string) => `parentPort.postMessage({ type: 'result', result: { index: ${index}, kind: 'skipped', path: task.path, findings: [], passes: 0, notifications: [], usedConfigSuppressions: [], modules: [] } });`;

test('the main thread lints beside the workers, and every file is linted once', async () => {
  const r = await run(workerUrl(`Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2); ${result('task.index')}`), 300, 1);
  expect(r.all).toEqual(r.tasks.map((t) => t.index));
  expect(r.fatal).toEqual([]);
  // The main thread does not wait for the worker to start: it lints from the first file on.
  expect(r.here).toContain(0);
  expect(r.here.length).toBeGreaterThan(0);
}, 30_000);

test('a worker that cannot start leaves every file to the main thread; one that dies mid-file loses only that file', async () => {
  const broken = await run(new URL(`data:text/javascript,${encodeURIComponent('throw new Error("no bundle")')}`), 40, 2, 0);
  expect(broken.here.sort((a, b) => a - b)).toEqual(broken.tasks.map((t) => t.index));
  expect(broken.fatal).toEqual([]);
  // This worker lints one file, then dies with the one it took next.
  const dying = await run(workerUrl(`if (globalThis.linted) throw new Error('out of memory'); globalThis.linted = true; ${result('task.index')}`), 200, 1);
  expect(dying.all).toEqual(dying.tasks.map((t) => t.index));
  for (const [, m] of dying.fatal) expect(m).toBe('out of memory');
  expect(dying.fatal.length).toBeLessThanOrEqual(1);
}, 30_000);
