// Node built-in modules that only some runs need, loaded on first use. Loading node:crypto,
// node:zlib, node:worker_threads and node:v8 at start-up took ~10 ms of every one-file run (the
// usual pre-commit run), which needs none of them: hashes are made for guid() and uniqueString()
// and for fingerprints a report prints, zlib packs only a large template's text, workers start
// only for many files, and v8's heap statistics matter only to a large deployment's heap guard.
// `import type` keeps the types without a require() at the bundle's top (esbuild drops it).
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';
import type * as V8 from 'node:v8';
import type * as WorkerThreads from 'node:worker_threads';
import type * as Zlib from 'node:zlib';

const load = createRequire(import.meta.url);

let crypto: typeof Crypto | undefined;
let zlib: typeof Zlib | undefined;
let v8: typeof V8 | undefined;
let workerThreads: typeof WorkerThreads | undefined;

export function createHash(algorithm: string): Crypto.Hash {
  crypto ??= load('node:crypto') as typeof Crypto;
  return crypto.createHash(algorithm);
}

export function nodeZlib(): typeof Zlib {
  return (zlib ??= load('node:zlib') as typeof Zlib);
}

export function nodeV8(): typeof V8 {
  return (v8 ??= load('node:v8') as typeof V8);
}

export function nodeWorkerThreads(): typeof WorkerThreads {
  return (workerThreads ??= load('node:worker_threads') as typeof WorkerThreads);
}
