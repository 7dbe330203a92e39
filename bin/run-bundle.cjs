// Runs one of vtaplint's CommonJS bundles (dist/*.cjs) through V8's code cache.
//
// Compiling the 1.3 MB bundle is most of what vtaplint adds to Node's own start-up. V8 can save
// the code it compiled (including the functions a run needed) and reuse it, the way Node 22's
// module.enableCompileCache() does; Node 20 has no such switch, so this file does it with
// vm.Script's cachedData. The cache is kept beside the bundle (dist/.cache/), so it belongs to this
// installation only and goes away with it; when that folder cannot be written, vtaplint simply
// compiles every time. A cache is used only for the exact bundle it was made from (the build id the
// build writes at the end of each bundle), this Node version and architecture; V8 itself also
// rejects a cache made with other flags, and a rejected cache is written again, as is one made
// without a part of vtaplint a later small run used (PARTS below).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { Buffer } = require('node:buffer');
const Module = require('node:module');

const BUILD_ID = /\/\/ vtaplint-build ([0-9a-f]{16,64})\s*$/;

function cacheFileFor(bundle, source) {
  if (process.env.VTAPLINT_NO_CODE_CACHE) return undefined;
  const id = BUILD_ID.exec(source.slice(-100));
  if (!id) return undefined;
  const name = path.basename(bundle, '.cjs');
  return path.join(path.dirname(bundle), '.cache', `${name}-${id[1].slice(0, 16)}-${process.version}-${process.arch}.v8`);
}

/**
 * A cache file is a header line naming the parts of vtaplint the runs that made it used (see
 * PARTS), then V8's data. Returns undefined for a missing or unreadable file.
 */
function readCache(file) {
  if (!file) return undefined;
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(10);
  const header = end > 0 && end < 4096 ? /^vtaplint-code-cache parts=([^\n]*)$/.exec(bytes.toString('latin1', 0, end)) : null;
  // A file without the header is damaged: V8 rejects it as data, and it is written again.
  if (!header) return { data: bytes, parts: new Set() };
  return { data: bytes.subarray(end + 1), parts: new Set(header[1].split(',').filter(Boolean)) };
}

/** Writes the cache atomically (other vtaplint processes may read it at the same time); never throws. */
function writeCache(file, script, parts) {
  try {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const header = Buffer.from(`vtaplint-code-cache parts=${[...parts].sort().join(',')}\n`, 'latin1');
    fs.writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
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
/**
 * The parts of vtaplint this run used (a Set the bundle adds to: the front ends of the files it
 * linted, its report format, a config file; src/engine/code-cache-parts.ts). V8 puts in the cache
 * the functions the run that made it compiled: a cache made by a run over an ARM template lacked
 * the Bicep front end, and a Bicep file then compiled it on every run (~7% more instructions
 * than with a cache made by a Bicep run). A small run that used a part its cache was not made
 * with writes the cache again, holding both (what it read from the cache and what it compiled).
 */
const PARTS = Symbol.for('vtaplint.codeCacheParts');
/** The bundle's build id, for the result cache (--cache: a cache made by another build is not used). */
const BUILD = Symbol.for('vtaplint.build');

/** Loads and runs the CommonJS bundle `bundle` (an absolute path) as a module. */
module.exports = function runBundle(bundle) {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileFor(bundle, source);
  const cached = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached?.data });
  const used = new Set();
  globalThis[PARTS] = used;
  const id = BUILD_ID.exec(source.slice(-100));
  if (id) globalThis[BUILD] = id[1];
  const wrapper = script.runInThisContext();
  const mod = { exports: {}, filename: bundle, id: bundle };
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  if (cacheFile) {
    const fresh = !cached || script.cachedDataRejected;
    // After the run, so the cache holds the functions this run compiled, not only the top level.
    let saved = false;
    const save = () => {
      if (saved || globalThis[SKIP_FLAG]) return;
      saved = true;
      if (fresh) writeCache(cacheFile, script, used);
      else if ([...used].some((p) => !cached.parts.has(p))) writeCache(cacheFile, script, new Set([...cached.parts, ...used]));
    };
    process.once('beforeExit', save);
    globalThis[SAVE_HOOK] = save;
  }
  return mod.exports;
};
