// A worker thread of the CLI (bundled into dist/worker.cjs, run by bin/worker.cjs): lints whole files as the main thread
// would (its own config lookups, the same per-file pipeline) and sends the findings back as plain
// data. See src/engine/parallel.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { RULES } from '../../rules/index.js';
import { ConfigResolver, lintSafely, type LintOptions } from '../engine/lint.js';
import { BicepSources } from '../engine/compiled-bicep.js';
import type { EffectiveConfig } from '../engine/config.js';
import { configSites, type SuppressionSite } from '../engine/suppress.js';
import { toWireResult } from '../engine/wire.js';
import { recordInputs } from '../model/inputs.js';
import { ParameterFileReads } from '../deploy/parameters.js';
import { TaskQueues, type WorkerResult, type WorkerStart, type WorkerTask } from '../engine/parallel.js';

const start = workerData as WorkerStart;
const setup = start.setup;
const now = new Date(setup.now);
const known = new Set(RULES.map((r) => r.meta.id));
const configs = new ConfigResolver(setup.root, RULES, setup.configFile);
const sitesByConfig = new Map<EffectiveConfig, SuppressionSite[]>();
const bicepSources = new BicepSources(setup.bicepFiles, setup.root);
const opts: LintOptions = {
  root: setup.root,
  cwd: setup.cwd,
  rules: RULES,
  configFile: setup.configFile,
  parameterFiles: setup.parameterFiles ?? [],
  parameterFilesBelong: setup.parameterFilesBelong,
  params: setup.params ?? {},
  // This thread's reads of the --parameters files, shared by the files it lints.
  parameterFileReads: new ParameterFileReads(),
  now,
};

/** Set by bin/run-bundle.cjs when this run should save V8's code cache (a thread gets no 'beforeExit'). */
const SAVE_CODE_CACHE = Symbol.for('vtaplint.saveCodeCache');

/** Lints one file as the main thread would, and sends its result. */
async function lintTask(task: WorkerTask): Promise<void> {
  try {
    const config = await configs.forFile(task.path);
    let sites = sitesByConfig.get(config);
    if (!sites) {
      sites = configSites(config, known, now);
      sitesByConfig.set(config, sites);
    }
    // Copies of the config's sites: which of them this file used is then exactly what it says.
    const mine = sites.map((s) => ({ ...s, used: false }));
    const lintIt = () => lintSafely({ path: task.path, explicit: task.explicit }, opts, config, mine, known, bicepSources);
    const { value: r, inputs } = setup.record ? recordInputs(lintIt) : { value: lintIt(), inputs: undefined };
    const result: WorkerResult = { index: task.index, ...toWireResult(r, mine), ...(inputs ? { inputs } : {}) };
    parentPort?.postMessage({ type: 'result', result });
  } catch (e) {
    parentPort?.postMessage({ type: 'fatal', index: task.index, message: e instanceof Error ? e.message : String(e) });
  }
}

// Takes files from the queues shared with the other threads until none is left (see TaskQueues).
void (async () => {
  const queues = new TaskQueues(start.tasks, start.heads);
  for (let task = queues.take(start.home); task; task = queues.take(start.home)) await lintTask(task);
  parentPort?.postMessage({ type: 'done' });
  // Saved now, while this thread's compiled code is complete; then the thread ends by itself.
  const save = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE];
  if (typeof save === 'function') (save as () => void)();
  parentPort?.close();
})();
