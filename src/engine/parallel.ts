// Linting many files on several cores: the main thread and worker threads each lint whole files,
// taking them from queues in shared memory; the workers send back their findings as plain data
// (wire.ts). Results are placed by file index, so the output is the same
// whatever the number of workers or the order in which they finish.
import { nodeWorkerThreads } from '../model/lazy-builtins.js';
import type { WireFinding } from './wire.js';
import type { Input } from '../model/inputs.js';

/**
 * Lint threads when none are asked for (the CLI's --jobs, the Action's jobs): one fewer than the
 * cores, at most 4. A linting thread keeps about 1.5 cores busy (V8 compiles and collects garbage
 * on threads of its own), and each thread warms up its own compiled code: on 2 cores a second
 * thread made the quickstart corpus slower (2.0 s against 1.65 s), not faster.
 */
export function defaultJobs(cores: number): number {
  return Math.max(1, Math.min(cores - 1, 4));
}

/** What a worker needs to lint files as the main thread would. */
export interface WorkerSetup {
  root: string;
  cwd: string;
  configFile: string | undefined;
  parameterFiles: readonly string[] | undefined;
  /** LintOptions.parameterFilesBelong, decided by the main thread from every file of the run. */
  parameterFilesBelong?: boolean | undefined;
  params: Readonly<Record<string, string>> | undefined;
  /** ISO date suppressions' `expires` is compared with. */
  now: string;
  /** Directories that hold a .bicep file being linted (JSON compiled from it is skipped there). */
  /** The .bicep files of the run (JSON compiled from them is not linted twice: compiled-bicep.ts). */
  bicepFiles: string[];
  /** --cache: record what each file's lint asks of the file system (WorkerResult.inputs). */
  record?: boolean;
}

export interface WorkerTask {
  index: number;
  path: string;
  explicit: boolean;
  /**
   * Which front end the file goes through (0: ARM JSON, 1: Bicep). Each thread keeps to one
   * group while it has files of it: a thread that only reads JSON never warms up the Bicep parser.
   */
  group: number;
}

export interface WorkerNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  file?: string;
}

export interface WorkerResult {
  index: number;
  kind: 'template' | 'parameters' | 'bicep' | 'bicepparam' | 'skipped';
  path: string;
  findings: WireFinding[];
  passes: number;
  notifications: WorkerNotification[];
  /** Indexes of the config's suppressions that suppressed something in this file. */
  usedConfigSuppressions: number[];
  /** See OneResult.modules. */
  modules: string[];
  /** See OneResult.parameters. */
  parameters?: string[];
  /** With WorkerSetup.record: what the file's lint asked (src/model/inputs.ts). */
  inputs?: Input[];
}

type FromWorker = { type: 'result'; result: WorkerResult } | { type: 'fatal'; index: number; message: string } | { type: 'done' };

/** What a worker is started with: the run's setup, every task, and the queues' shared heads. */
export interface WorkerStart {
  setup: WorkerSetup;
  tasks: readonly WorkerTask[];
  /** TaskQueues.heads: which task of each group is the next to take, shared by every thread. */
  heads: SharedArrayBuffer;
  /** The group this worker keeps to while it has files (TaskQueues.take). */
  home: number;
}

/**
 * The tasks by group, in file order. A thread takes from the group it keeps to (its number modulo
 * the groups), and once that is empty, from the group with the most left. The heads of the groups
 * are in shared memory: every thread (the main one and the workers) takes its next file itself,
 * with no message round trip, so none waits for the main thread to hand it work while that thread
 * lints a file of its own, and the last files go to whichever thread is free first.
 */
export class TaskQueues {
  private readonly queues: WorkerTask[][];
  private readonly next: Int32Array;

  /** `heads` from another thread's TaskQueues over the same tasks shares its queues; omitted, a new one. */
  constructor(tasks: readonly WorkerTask[], heads?: SharedArrayBuffer) {
    const groups: WorkerTask[][] = [];
    for (const t of tasks) (groups[t.group] ??= []).push(t);
    this.queues = groups.filter((g) => g.length > 0);
    this.next = new Int32Array(heads ?? new SharedArrayBuffer(4 * Math.max(1, this.queues.length)));
  }

  /** The shared heads, for another thread's TaskQueues over the same tasks. */
  get heads(): SharedArrayBuffer {
    return this.next.buffer as SharedArrayBuffer;
  }

  private left(q: number): number {
    return (this.queues[q] as WorkerTask[]).length - Atomics.load(this.next, q);
  }

  take(worker: number): WorkerTask | undefined {
    if (this.queues.length === 0) return undefined;
    let q = worker % this.queues.length;
    for (;;) {
      if (this.left(q) <= 0) {
        q = -1;
        for (let i = 0; i < this.queues.length; i++) if (this.left(i) > 0 && (q < 0 || this.left(i) > this.left(q))) q = i;
        if (q < 0) return undefined;
      }
      // Another thread may take the last task between the look and the claim: then look again.
      const head = Atomics.add(this.next, q, 1);
      const task = (this.queues[q] as WorkerTask[])[head];
      if (task) return task;
    }
  }
}

/**
 * Lints `tasks` on this thread and `workers` worker threads at once; calls back with each result
 * (in completion order). The main thread lints too (`lintHere`, between which it reads the
 * workers' results): on two cores, one worker and an idle main thread used one core for linting.
 */
export function runInWorkers(
  workerUrl: URL,
  setup: WorkerSetup,
  tasks: readonly WorkerTask[],
  workers: number,
  onResult: (r: WorkerResult) => void,
  onFatal: (index: number, message: string) => void,
  lintHere: (task: WorkerTask) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const queues = new TaskQueues(tasks);
    // By file index: the tasks may be some of the files only (the others' results were cached).
    const reported = new Uint8Array(tasks.reduce((n, t) => Math.max(n, t.index + 1), 0));
    const count = Math.max(0, Math.min(workers, tasks.length));
    let alive = count;
    let hereDone = false;
    let deaths: string | undefined;
    const finish = () => {
      if (!hereDone || alive > 0) return;
      // A task a worker took and died with (the queues are empty: every task was taken).
      for (const t of tasks) if (!reported[t.index]) onFatal(t.index, deaths ?? 'the worker thread linting this file stopped');
      resolve();
    };
    for (let i = 0; i < count; i++) {
      const start: WorkerStart = { setup, tasks, heads: queues.heads, home: i };
      const w = new (nodeWorkerThreads().Worker)(workerUrl, { workerData: start });
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        alive--;
        // A worker that ends by itself (its queue empty) is not waited for: it saves its code cache meanwhile.
        setTimeout(() => void w.terminate(), 2000).unref();
        finish();
      };
      w.on('message', (m: FromWorker) => {
        if (m.type === 'done') return end();
        const index = m.type === 'result' ? m.result.index : m.index;
        reported[index] = 1;
        if (m.type === 'result') onResult(m.result);
        else onFatal(m.index, m.message);
      });
      // A worker that dies takes the file it was linting with it (reported at the end); the others,
      // and this thread, lint the rest.
      w.on('error', (e) => {
        deaths ??= e instanceof Error ? e.message : String(e);
        end();
      });
      w.on('exit', end);
    }
    // This thread's share: one file at a time, reading the workers' results in between.
    const step = () => {
      const task = queues.take(count);
      if (!task) {
        hereDone = true;
        finish();
        return;
      }
      lintHere(task);
      reported[task.index] = 1;
      setImmediate(step);
    };
    step();
  });
}
