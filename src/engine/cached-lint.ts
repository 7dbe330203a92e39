// A lint with the result cache (--cache; the cache file is result-cache.ts): the files whose kept
// result still holds take it, the others are linted while what their lints ask of the file system
// is recorded (src/model/inputs.ts), and their results are kept, whichever thread linted them.
import path from 'node:path';
import { recordInputs } from '../model/inputs.js';
import { realPath } from '../load/read.js';
import type { DiscoveredFile } from '../discover/discover.js';
import type { BicepSources } from './compiled-bicep.js';
import type { EffectiveConfig } from './config.js';
import type { LintOptions, OneResult, ToolNotification } from './lint.js';
import type { WorkerResult } from './parallel.js';
import { ResultCache, type ConfigIdentity } from './result-cache.js';
import type { RunFacts } from './revalidate.js';
import type { SuppressionSite } from './suppress.js';
import { fromWire, toWireResult, type WireReader } from './wire.js';

export class CachedLint {
  private readonly cache: ResultCache;
  private readonly keys: (string | undefined)[] = [];
  /** Whether each file was named on the command line (part of its key). */
  private readonly explicit: boolean[] = [];
  private readonly configs = new Map<EffectiveConfig, ConfigIdentity>();
  private readonly root: string;
  private readonly parameterFiles: string[];

  constructor(
    given: { file: string; tool: string; folder?: string | undefined; unusable?: string | undefined },
    opts: LintOptions,
    private readonly bicepSources: BicepSources,
    private readonly reader: WireReader,
  ) {
    this.root = path.resolve(opts.root);
    this.parameterFiles = (opts.parameterFiles ?? []).map((p) => path.resolve(opts.cwd, p));
    this.cache = ResultCache.open(given.file, {
      tool: given.tool,
      root: this.root,
      cwd: path.resolve(opts.cwd),
      rules: opts.rules.map((r) => r.meta.id),
      parameterFiles: this.parameterFiles,
      parameterFilesBelong: opts.parameterFilesBelong === true,
      params: opts.params ?? {},
    }, given.folder, given.unusable);
  }

  /** Fills the slots of the files whose kept result holds; returns the indexes of the others. */
  take(work: readonly { file: DiscoveredFile; config: EffectiveConfig; sites: SuppressionSite[] }[], slots: (OneResult | undefined)[]): number[] {
    const todo: number[] = [];
    const facts: RunFacts = { bicepSources: this.bicepSources, root: this.root, realRoot: realPath(this.root) ?? this.root, parameterFiles: this.parameterFiles };
    work.forEach((w, i) => {
      const key = this.cache.keyOf(w.file.path, w.file.explicit, this.identityOf(w.config, w.sites));
      this.keys[i] = key;
      this.explicit[i] = w.file.explicit;
      const hit = this.cache.lookup(key, facts);
      if (hit) slots[i] = fromWire(hit, w.sites, this.reader);
      else todo.push(i);
    });
    return todo;
  }

  /**
   * Lints file `i` in this thread, recording what its lint asks (src/model/inputs.ts), and keeps
   * its result. `run` gets its own copies of the config's suppression sites, so that what this
   * file used is known exactly (the shared sites say what any file used).
   */
  lint(i: number, sites: readonly SuppressionSite[], run: (sites: SuppressionSite[]) => OneResult): OneResult {
    const mine = sites.map((s) => ({ ...s, used: false }));
    const { value, inputs } = recordInputs(() => run(mine));
    mine.forEach((s, n) => {
      if (s.used) (sites[n] as SuppressionSite).used = true;
    });
    const key = this.keys[i];
    if (key !== undefined && !failedInside(value.notifications)) {
      this.cache.store(key, this.explicit[i] === true, inputs, toWireResult(value, mine));
    }
    return value;
  }

  /** Keeps the result of file `i` a worker linted, with what its lint asked. */
  keep(i: number, r: WorkerResult): void {
    const key = this.keys[i];
    if (key === undefined || r.inputs === undefined || failedInside(r.notifications)) return;
    const { index: _index, inputs, ...result } = r;
    this.cache.store(key, this.explicit[i] === true, inputs, result);
  }

  counts(): { file: string; hits: number; misses: number } {
    return { file: this.cache.file, hits: this.cache.hits, misses: this.cache.misses };
  }

  /** Writes the cache; a warning when it cannot be written. */
  save(): ToolNotification | undefined {
    const error = this.cache.save();
    return error === undefined ? undefined : { level: 'warning', message: `cannot write the result cache: ${error} (the next run lints every file again)`, file: this.cache.file };
  }

  /** What of a config keys the results of the files under it: its file, its text, which suppressions have expired. */
  private identityOf(config: EffectiveConfig, sites: readonly SuppressionSite[]): ConfigIdentity {
    let identity = this.configs.get(config);
    if (identity === undefined) {
      // The text the config was loaded from (a config made by the action or a test has none).
      const text = config.text ?? '';
      identity = { file: config.file, text, expired: sites.map((s) => s.expired !== undefined) };
      this.configs.set(config, identity);
    }
    return identity;
  }
}

/** Whether a file's lint met a bug in vtaplint: such a result is not kept (the next run tries again). */
function failedInside(notifications: readonly { level: string; message: string }[]): boolean {
  return notifications.some((n) => n.level === 'error' && n.message.startsWith('internal error'));
}
