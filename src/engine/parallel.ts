// Linting many files on several cores: worker threads each lint whole files and send back their
// findings as plain data (wire.ts). Results are placed by file index, so the output is the same
// whatever the number of workers or the order in which they finish.
import { Worker } from 'node:worker_threads';
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
  bicepDirs: string[];
}

export interface WorkerTask {
  index: number;
  path: string;
  explicit: boolean;
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
}

type FromWorker = { type: 'result'; result: WorkerResult } | { type: 'fatal'; index: number; message: string };

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
    let next = 0;
    let running = 0;
    const workers: Worker[] = [];
    const finish = () => {
      if (running === 0 && next >= tasks.length) {
        for (const w of workers) void w.terminate();
        resolve();
      }
    };
    const feed = (w: Worker, busy: { task: WorkerTask | undefined }) => {
      const task = tasks[next];
      if (!task) {
        busy.task = undefined;
        finish();
        return;
      }
      next++;
      running++;
      busy.task = task;
      w.postMessage(task);
    };
    const count = Math.max(1, Math.min(jobs, tasks.length));
    let alive = count;
    for (let i = 0; i < count; i++) {
      const w = new Worker(workerUrl, { workerData: setup });
      const busy: { task: WorkerTask | undefined } = { task: undefined };
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        running--;
        if (m.type === 'result') onResult(m.result);
        else onFatal(m.index, m.message);
        feed(w, busy);
      });
      w.on('error', (e) => {
        // A worker that dies takes its current file with it: report that file, carry on without it.
        alive--;
        if (busy.task) {
          running--;
          onFatal(busy.task.index, e instanceof Error ? e.message : String(e));
          busy.task = undefined;
        }
        if (alive === 0) {
          // No worker left: the files not yet linted are reported, never silently dropped.
          for (; next < tasks.length; next++) onFatal((tasks[next] as WorkerTask).index, 'no worker thread left to lint this file');
        }
        finish();
      });
      feed(w, busy);
    }
    if (tasks.length === 0) resolve();
  });
}
