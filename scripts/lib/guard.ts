// Guards for checking that linting never touches the network and never opens a file outside the
// lint root: monkeypatches the socket, DNS, HTTP(S), TLS and fetch entry points (record and throw)
// and the file-system calls vtaplint uses (record every path). Used by scripts/corpus-guard.ts
// and test/hostile/guard.test.ts. ESM named imports of node:fs see the patches through
// module.syncBuiltinESMExports().
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';

export interface GuardRecord {
  /** Network entry points called (each one threw). */
  network: string[];
  /** Absolute paths the file system was asked about, with the call. */
  files: { call: string; path: string }[];
}

type AnyFn = (...args: unknown[]) => unknown;

function pathOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return path.resolve(arg);
  if (arg instanceof URL) return arg.protocol === 'file:' ? fileURLToPath(arg) : arg.href;
  if (Buffer.isBuffer(arg)) return path.resolve(arg.toString());
  return undefined; // a file descriptor: its open was recorded
}

/**
 * Installs the guards; returns the record and a function that removes them. Paths under
 * `allowed` (the tool's own node_modules, loaded lazily by the module loader) are not recorded.
 */
export function installGuards(allowed: readonly string[] = []): { record: GuardRecord; uninstall: () => void } {
  const record: GuardRecord = { network: [], files: [] };
  const restore: (() => void)[] = [];
  const patch = (obj: object, key: string, make: (orig: AnyFn) => AnyFn): void => {
    const target = obj as Record<string, unknown>;
    const orig = target[key];
    if (typeof orig !== 'function') return;
    target[key] = make(orig as AnyFn);
    restore.push(() => {
      target[key] = orig;
    });
  };
  const refuse = (name: string) => () =>
    function refused(this: unknown, ...args: unknown[]): never {
      record.network.push(`${name}(${args.map((a) => (typeof a === 'string' || typeof a === 'number' ? String(a) : typeof a)).join(', ')})`);
      throw new Error(`network access refused by the guard: ${name}`);
    };
  patch(net.Socket.prototype, 'connect', refuse('net.Socket.connect'));
  patch(net, 'connect', refuse('net.connect'));
  patch(net, 'createConnection', refuse('net.createConnection'));
  patch(tls, 'connect', refuse('tls.connect'));
  patch(dns, 'lookup', refuse('dns.lookup'));
  patch(dns, 'resolve', refuse('dns.resolve'));
  patch(dns.promises, 'lookup', refuse('dns.promises.lookup'));
  patch(http, 'request', refuse('http.request'));
  patch(http, 'get', refuse('http.get'));
  patch(https, 'request', refuse('https.request'));
  patch(https, 'get', refuse('https.get'));
  patch(globalThis, 'fetch', refuse('fetch'));

  const isAllowed = (p: string) => allowed.some((a) => p === a || p.startsWith(a + path.sep));
  // An open that fails opened nothing: vtaplint opens files inside the root with O_NOFOLLOW, and
  // such an open of a link to a file outside fails (ELOOP) without reading it. Only opens that
  // succeed are recorded; every other call is recorded as asked.
  const opening = /^fs\.(openSync|open|promises\.open)$/;
  const watch = (name: string) => (orig: AnyFn) =>
    function watched(this: unknown, ...args: unknown[]): unknown {
      const p = pathOf(args[0]);
      const entry = p !== undefined && !isAllowed(p) ? { call: name, path: p } : undefined;
      if (!entry || !opening.test(name)) {
        if (entry) record.files.push(entry);
        return orig.apply(this, args);
      }
      const opened = orig.apply(this, args);
      record.files.push(entry);
      return opened;
    };
  // realpathSync.native first: the wrapper that replaces realpathSync gets the watched native as
  // its own property (a wrapper without it made every realpathSync.native() call throw, and
  // vtaplint took the folders it resolves that way for missing ones).
  patch(fs.realpathSync, 'native', watch('fs.realpathSync.native'));
  const nativeRealpath = (fs.realpathSync as unknown as { native: unknown }).native;
  for (const k of ['openSync', 'readFileSync', 'statSync', 'lstatSync', 'realpathSync', 'existsSync', 'readdirSync', 'opendirSync', 'open', 'readFile', 'stat', 'lstat', 'readdir', 'realpath', 'createReadStream']) {
    patch(fs, k, watch(`fs.${k}`));
  }
  (fs.realpathSync as unknown as { native: unknown }).native = nativeRealpath;
  for (const k of ['open', 'readFile', 'stat', 'lstat', 'readdir', 'realpath', 'opendir']) patch(fs.promises, k, watch(`fs.promises.${k}`));
  syncBuiltinESMExports();
  return {
    record,
    uninstall() {
      for (const r of restore.reverse()) r();
      syncBuiltinESMExports();
    },
  };
}

/** Recorded paths outside `root` (links resolved on both sides, as vtaplint resolves them). */
export function outsideRoot(record: GuardRecord, root: string): { call: string; path: string }[] {
  const real = (p: string): string => {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return p;
    }
  };
  const r = real(root);
  const opens = /open|readFile|createReadStream/;
  return record.files.filter((f) => {
    // What is opened is checked where it resolves to (a link inside the root may point out);
    // metadata calls (stat, realpath, exists) on a path inside the root open nothing.
    const p = opens.test(f.call) ? real(path.resolve(f.path)) : path.resolve(f.path);
    // The root's own ancestors are asked about by path resolution (realpath walks up); they are not opened.
    if (r === p || r.startsWith(p.endsWith(path.sep) ? p : p + path.sep)) return false;
    // Whether an ancestor holds `.git` is asked (existsSync, nothing opened) to find the working
    // tree's top folder, which SARIF URIs and fingerprints are relative to (src/discover/source-root.ts).
    const up = path.dirname(p);
    if (f.call === 'fs.existsSync' && path.basename(p) === '.git' && (r === up || r.startsWith(up.endsWith(path.sep) ? up : up + path.sep))) return false;
    return !(p === r || p.startsWith(r + path.sep) || path.resolve(root) === p || p.startsWith(path.resolve(root) + path.sep));
  });
}
