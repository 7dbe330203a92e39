// Reading ahead: while one file is linted, a thread of its own (reader-thread.ts) reads the next
// few. Reading a file (open, checks, read, decode, close) is about a tenth of the work of linting
// a repository of small templates, and the linting thread need not wait for it: on a machine
// whose other core is idle part of the time, that share of the run goes there.
//
// The thread that lints takes the files in the order it was given. Each file is claimed once, by
// whichever thread gets to it first: the reader when it is ahead (the usual case), the linting
// thread when the reader has not started yet or has fallen behind, which then reads it itself as
// it always does. The reader sends only what readSourceInside's plain path would read (see
// readPlainInside); a file with anything to report (a link, not text, too large, missing) is read
// again by the linting thread, so every finding about reading is made the one way it always was.
import type { MessagePort, Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../model/lazy-builtins.js';
import { SourceText, type SourceKind } from '../model/source.js';
import { READS_PLAIN, type ReadResult } from './read.js';
import { CLAIMED, CONSUMED, KB_HELD, LINTER_WAITS, STATE_SLOTS, WAKE, type ReadAheadMessage, type ReaderSetup } from './read-ahead-protocol.js';

/** A file to read ahead, with its size limit (its config's maxFileBytes). */
export interface ReadAheadFile {
  path: string;
  maxFileBytes: number;
}

/**
 * How long the linting thread waits for a file the reader has claimed before it reads the file
 * itself and stops reading ahead: a reader that has died (or a file system that hangs) must not
 * hold the run.
 */
const GIVE_UP_MS = 10_000;

export class ReadAhead {
  private readonly state: Int32Array;
  private readonly done: Int32Array;
  private readonly port: MessagePort;
  private readonly worker: Worker;
  /** Each path's positions in the list (a file may be linted twice), taken in order. */
  private readonly positions = new Map<string, number[]>();
  private readonly count: number;
  /** The next position the linting thread has not taken. */
  private next = 0;
  private stopped = false;

  private constructor(readerUrl: URL, root: string, files: readonly ReadAheadFile[]) {
    this.count = files.length;
    files.forEach((f, i) => {
      const at = this.positions.get(f.path);
      if (at) at.push(i);
      else this.positions.set(f.path, [i]);
    });
    const setup: ReaderSetup = {
      root,
      paths: files.map((f) => f.path),
      maxFileBytes: files.map((f) => f.maxFileBytes),
      state: new SharedArrayBuffer(4 * STATE_SLOTS),
      done: new SharedArrayBuffer(4 * Math.max(1, files.length)),
    };
    this.state = new Int32Array(setup.state);
    this.done = new Int32Array(setup.done);
    const threads = nodeWorkerThreads();
    const { port1, port2 } = new threads.MessageChannel();
    this.port = port1;
    this.worker = new threads.Worker(readerUrl, { workerData: { ...setup, port: port2 }, transferList: [port2] });
    // It never keeps the process alive; a reader that fails only means the files are read here.
    this.worker.unref();
    this.worker.on('error', () => this.stop());
  }

  /** A reader for `files` (in the order they will be taken), or undefined when `readerUrl` is not there. */
  static start(readerUrl: URL | undefined, root: string, files: readonly ReadAheadFile[]): ReadAhead | undefined {
    // Without O_NOFOLLOW (Windows) the reader could read nothing the linting thread would take.
    if (readerUrl === undefined || files.length === 0 || !READS_PLAIN) return undefined;
    try {
      return new ReadAhead(readerUrl, root, files);
    } catch {
      return undefined; // no thread to be had: everything is read here, as without it
    }
  }

  /**
   * The file as readSourceInside would read it, when the reader has read it; undefined when the
   * caller must read it (not in the list, read here because the reader was not ahead, or not a
   * plain file: see readPlainInside).
   */
  take(path: string, kind: SourceKind): ReadResult | undefined {
    if (this.stopped) return undefined;
    const i = this.positionOf(path);
    if (i === undefined) return undefined;
    // Claimed here when the reader has not got to it: files skipped on the way are claimed too.
    let claimed = Atomics.load(this.state, CLAIMED);
    while (claimed <= i) {
      const was = Atomics.compareExchange(this.state, CLAIMED, claimed, i + 1);
      if (was === claimed) {
        this.taken(i);
        return undefined;
      }
      claimed = was;
    }
    if (Atomics.load(this.done, i) === 0) {
      Atomics.store(this.state, LINTER_WAITS, 1);
      let gaveUp = false;
      while (Atomics.load(this.done, i) === 0 && !gaveUp) {
        gaveUp = Atomics.wait(this.done, i, 0, GIVE_UP_MS) === 'timed-out' && Atomics.load(this.done, i) === 0;
      }
      Atomics.store(this.state, LINTER_WAITS, 0);
      if (gaveUp) {
        this.stop();
        return undefined;
      }
    }
    // Messages come in the order the reader sent them; those of files not taken are dropped.
    let text: string | undefined;
    for (;;) {
      const m = nodeWorkerThreads().receiveMessageOnPort(this.port)?.message as ReadAheadMessage | undefined;
      if (m === undefined) {
        this.stop(); // cannot happen: the message is sent before the file is marked done
        return undefined;
      }
      if (m.text !== undefined) Atomics.sub(this.state, KB_HELD, Math.ceil(m.text.length / 1024));
      if (m.i === i) {
        text = m.text;
        break;
      }
    }
    this.taken(i);
    return text === undefined ? undefined : { ok: true, source: new SourceText(path, text, kind) };
  }

  /** Whether the reader has read the next file of `path` (for tests: take() does not wait then). */
  hasRead(path: string): boolean {
    const i = this.positionOf(path);
    return i !== undefined && Atomics.load(this.done, i) === 1;
  }

  /** Ends the reader (at the end of the run, or when it has failed): every later file is read by the caller. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.state, CLAIMED, this.count);
    this.wake();
    this.port.close();
    void this.worker.terminate().catch(() => undefined);
  }

  /** The first position of `path` not yet passed. */
  private positionOf(path: string): number | undefined {
    const at = this.positions.get(path);
    if (!at) return undefined;
    while (at.length && (at[0] as number) < this.next) at.shift();
    return at[0];
  }

  private taken(i: number): void {
    this.next = i + 1;
    Atomics.store(this.state, CONSUMED, this.next);
    this.wake();
  }

  private wake(): void {
    Atomics.add(this.state, WAKE, 1);
    if (this.stopped) Atomics.notify(this.state, WAKE);
  }
}
