// node:crypto, loaded on first use: loading it takes ~3 ms of start-up, and a run over a clean
// file (the usual pre-commit run) needs no hash at all (fingerprints are made per finding,
// guid() only when a template calls it).
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

export function createHash(algorithm: string): Crypto.Hash {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return crypto.createHash(algorithm);
}
