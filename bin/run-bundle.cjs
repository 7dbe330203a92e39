// Runs one of vtaplint's CommonJS bundles (dist/*.cjs) through V8's code cache.
//
// Compiling the 1.3 MB bundle is most of what vtaplint adds to Node's own start-up. V8 can save
// the code it compiled (including the functions a run needed) and reuse it, the way Node 22's
// module.enableCompileCache() does; Node 20 has no such switch, so this file does it with
// vm.Script's cachedData. The cache is kept beside the bundle (dist/.cache/), so it belongs to this
// installation only and goes away with it; when that folder cannot be written, vtaplint simply
// compiles every time. A cache is used only for the exact bundle it was made from (the build id the
// build writes at the end of each bundle), this Node version and architecture; V8 itself also
// rejects a cache made with other flags, and a rejected cache is written again.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUILD_ID = /\/\/ vtaplint-build ([0-9a-f]{16,64})\s*$/;

function cacheFileFor(bundle, source) {
  if (process.env.VTAPLINT_NO_CODE_CACHE) return undefined;
  const id = BUILD_ID.exec(source.slice(-100));
  if (!id) return undefined;
  const name = path.basename(bundle, '.cjs');
  return path.join(path.dirname(bundle), '.cache', `${name}-${id[1].slice(0, 16)}-${process.version}-${process.arch}.v8`);
}

function readCache(file) {
  if (!file) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (other vtaplint processes may read it at the same time); never throws. */
function writeCache(file, script) {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, file);
    // Caches of earlier builds or Node versions of the same bundle are no use any more.
    const prefix = `${path.basename(file).split('-')[0]}-`;
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(prefix) && f !== path.basename(file) && !f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
    }
  } catch {
    // A read-only installation: no cache, vtaplint still runs.
  }
}

/** Called by a bundle that ends without 'beforeExit' (a worker thread told to stop) to save its cache now. */
const SAVE_HOOK = Symbol.for('vtaplint.saveCodeCache');
/**
 * Set by a bundle whose run should not make the cache: V8 puts every function the run compiled
 * into it, and reading a cache made by a run over a whole repository costs a one-file run (a
 * pre-commit hook) more than it saves. Such a run leaves the cache to a later, smaller one.
 */
const SKIP_FLAG = Symbol.for('vtaplint.skipCodeCache');

/** Loads and runs the CommonJS bundle `bundle` (an absolute path) as a module. */
module.exports = function runBundle(bundle) {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileFor(bundle, source);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const wrapper = script.runInThisContext();
  const mod = { exports: {}, filename: bundle, id: bundle };
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // After the run, so the cache holds the functions this run compiled, not only the top level.
    let saved = false;
    const save = () => {
      if (!saved && !globalThis[SKIP_FLAG]) writeCache(cacheFile, script);
      saved = true;
    };
    process.once('beforeExit', save);
    globalThis[SAVE_HOOK] = save;
  }
  return mod.exports;
};
