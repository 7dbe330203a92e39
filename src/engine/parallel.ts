// Linting many files on several cores: worker threads each lint whole files and send back their
// findings as plain data (wire.ts). Results are placed by file index, so the output is the same
// whatever the number of workers or the order in which they finish.
import type { Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../model/lazy-builtins.js';
import type { WireFinding } from './wire.js';

/** What a worker needs to lint files as the main thread would. */
export interface WorkerSetup {
  root: string;
  cwd: string;
  configFile: string | undefined;
  parameterFiles: readonly string[] | undefined;
  params: Readonly<Record<string, string>> | undefined;
  /** ISO date suppressions' `expires` is compared with. */
  now: string;
  /** Directories that hold a .bicep file being linted (JSON compiled from it is skipped there). */
  /** The .bicep files of the run (JSON compiled from them is not linted twice: compiled-bicep.ts). */
  bicepFiles: string[];
}

export interface WorkerTask {
  index: number;
  path: string;
  explicit: boolean;
  /**
   * Which front end the file goes through (0: ARM JSON, 1: Bicep). Each worker keeps to one
   * group while it has files of it: a thread that only reads JSON never warms up the Bicep parser.
   */
  group: number;
}

/** Tells a worker that no task follows: it saves its code cache (if it should) and ends. */
export interface WorkerStop {
  stop: true;
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
}

type FromWorker = { type: 'result'; result: WorkerResult } | { type: 'fatal'; index: number; message: string };

/**
 * Tasks a worker holds at once: it starts the next file as soon as it has sent a result, instead of
 * waiting a message round trip for it, while the last files still spread over all workers.
 */
const TASKS_IN_FLIGHT = 3;

/**
 * The tasks by group, in file order. A worker takes from the group it keeps to (its number modulo
 * the groups), and once that is empty, from the group with the most left.
 */
export class TaskQueues {
  private readonly queues: WorkerTask[][];
  private readonly heads: number[];

  constructor(tasks: readonly WorkerTask[]) {
    const groups: WorkerTask[][] = [];
    for (const t of tasks) (groups[t.group] ??= []).push(t);
    this.queues = groups.filter((g) => g.length > 0);
    this.heads = this.queues.map(() => 0);
  }

  private left(q: number): number {
    return (this.queues[q] as WorkerTask[]).length - (this.heads[q] as number);
  }

  take(worker: number): WorkerTask | undefined {
    if (this.queues.length === 0) return undefined;
    let q = worker % this.queues.length;
    if (this.left(q) === 0) {
      q = -1;
      for (let i = 0; i < this.queues.length; i++) if (this.left(i) > 0 && (q < 0 || this.left(i) > this.left(q))) q = i;
      if (q < 0) return undefined;
    }
    const head = this.heads[q] as number;
    this.heads[q] = head + 1;
    return (this.queues[q] as WorkerTask[])[head];
  }
}

/** Runs tasks on `jobs` workers; calls back with each result (in completion order). */
export function runInWorkers(
  workerUrl: URL,
  setup: WorkerSetup,
  tasks: readonly WorkerTask[],
  jobs: number,
  onResult: (r: WorkerResult) => void,
  onFatal: (index: number, message: string) => void,
): Promise<void> {
  return new Promise((resolve) => {
    const queues = new TaskQueues(tasks);
    let next = 0;
    let running = 0;
    const workers: Worker[] = [];
    let finished = false;
    const finish = () => {
      if (finished || running !== 0 || next < tasks.length) return;
      finished = true;
      for (const w of workers) {
        w.postMessage({ stop: true } satisfies WorkerStop);
        // An idle worker ends by itself once told to stop; one that does not is ended anyway.
        setTimeout(() => void w.terminate(), 2000).unref();
      }
      resolve();
    };
    /** Gives the worker tasks until it holds TASKS_IN_FLIGHT (fewer once the queue is empty). */
    const feed = (w: Worker, busy: Map<number, WorkerTask>, home: number) => {
      while (busy.size < TASKS_IN_FLIGHT && next < tasks.length) {
        const task = queues.take(home) as WorkerTask;
        next++;
        running++;
        busy.set(task.index, task);
        w.postMessage(task);
      }
      finish();
    };
    const count = Math.max(1, Math.min(jobs, tasks.length));
    let alive = count;
    for (let i = 0; i < count; i++) {
      const w = new (nodeWorkerThreads().Worker)(workerUrl, { workerData: setup });
      const busy = new Map<number, WorkerTask>();
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        const index = m.type === 'result' ? m.result.index : m.index;
        if (busy.delete(index)) running--;
        if (m.type === 'result') onResult(m.result);
        else onFatal(m.index, m.message);
        feed(w, busy, i);
      });
      w.on('error', (e) => {
        // A worker that dies takes the files it holds with it: report them, carry on without it.
        alive--;
        for (const task of busy.values()) {
          running--;
          onFatal(task.index, e instanceof Error ? e.message : String(e));
        }
        busy.clear();
        if (alive === 0) {
          // No worker left: the files not yet linted are reported, never silently dropped.
          for (let t = queues.take(0); t; t = queues.take(0)) {
            next++;
            onFatal(t.index, 'no worker thread left to lint this file');
          }
        }
        finish();
      });
      feed(w, busy, i);
    }
    if (tasks.length === 0) resolve();
  });
}
