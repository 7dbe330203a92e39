// Full garbage collections on request, where linting a large deployment pays for them
// (src/engine/lint.ts, HeapGuard): between its rules once the heap is high and has grown well
// beyond what was live, and after them, when the deployment has become garbage and the findings
// are about to be placed. V8 on its own lets the heap grow to a limit set from what was live at
// its last full collection, and a large deployment's rules allocate most of what is live at
// their end.
import { runInNewContext } from 'node:vm';
import { nodeV8 } from '../model/lazy-builtins.js';

let gc: (() => void) | null | undefined;
/** Bytes in use after the last collectGarbage(). */
let live = 0;
/** collectIfGrown collects after at least this much growth (and after half of what was live). */
const MIN_GROWTH = 48_000_000;

/** A full, synchronous collection; what is live after it is then `live`. */
export function collectGarbage(): void {
  if (gc === undefined) gc = findGc();
  if (!gc) return;
  // Swept on this thread, within the collection: with concurrent sweeping, the freed pages come
  // back only later, while the next allocations take new ones.
  nodeV8().setFlagsFromString('--no-concurrent-sweeping');
  try {
    gc();
  } finally {
    nodeV8().setFlagsFromString('--concurrent-sweeping');
  }
  live = nodeV8().getHeapStatistics().used_heap_size;
}

/** Collects when the heap has grown by half of what was live after the last collection (at least MIN_GROWTH). */
function collectIfGrown(): void {
  if (nodeV8().getHeapStatistics().used_heap_size > live + Math.max(MIN_GROWTH, live / 2)) collectGarbage();
}

/**
 * Collects what was just let go of, expecting at most `bytes` to stay live. V8's optimizing
 * compiler works on background threads, and a job holds the function it compiles (with the
 * closure's variables) until this thread installs its code: a rule's function compiled as the
 * rules end keeps the whole deployment alive through such a collection (measured: one run in
 * three of 10,000 expanded VMs). While more than `bytes` stay, it waits a little, lets the
 * finished jobs be installed, and collects again, a few times at most.
 */
function collectReleased(bytes: number): void {
  collectGarbage();
  for (let wait = 2; wait <= 32 && gc && live > bytes; wait *= 2) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    installFinishedJobs();
    collectGarbage();
  }
}

/** A finished job is installed where this thread checks for interrupts: at a loop's back edge. */
function installFinishedJobs(): number {
  let n = 0;
  for (let i = 0; i < 64; i++) n += i;
  return n;
}

/** Below this much heap in use, HeapGuard leaves the heap to V8 (two rules on 10,000 VMs stay below it). */
export const HIGH_WATER = 160_000_000;

/**
 * Tighter memory for the rules of one large deployment, from the moment its heap is high: with
 * a few rules on, or a deployment that is large but light, nothing is done and nothing is paid.
 */
export class HeapGuard {
  /** What was live at the first collection, once the heap was high (undefined until then). */
  private liveAtEngage: number | undefined;

  /** `onEngage` runs once the heap is high, before the first collection (SourceText.pack). */
  constructor(
    private readonly onEngage: () => void,
    private readonly highWater = HIGH_WATER,
  ) {}

  /** After each rule. */
  afterRule(): void {
    if (this.liveAtEngage !== undefined) {
      collectIfGrown();
      return;
    }
    if (nodeV8().getHeapStatistics().used_heap_size < this.highWater) return;
    this.onEngage();
    collectGarbage();
    this.liveAtEngage = live;
  }

  /** After the rules, once the deployment is let go of: collected when the heap is high. */
  release(): void {
    if (this.liveAtEngage === undefined && nodeV8().getHeapStatistics().used_heap_size < this.highWater) return;
    // What stays is what the findings need: far less than what was live with the deployment.
    collectReleased((this.liveAtEngage ?? this.highWater) / 2);
  }
}

function findGc(): (() => void) | null {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    // A context made while --expose-gc is set has a gc() function; the flag is turned off again
    // at once, so the flags V8 checks its code cache against (bin/run-bundle.cjs) are unchanged.
    nodeV8().setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as () => void) : null;
  } catch {
    return null;
  } finally {
    nodeV8().setFlagsFromString('--no-expose-gc');
  }
}
