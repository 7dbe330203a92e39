// The read-ahead thread (see read-ahead.ts): reads the files of a run, in order, a few ahead of
// the thread that lints them, and hands each one's text over. Bundled on its own (dist/reader.cjs):
// it loads nothing but the reading code, so it starts in a few milliseconds.
import { workerData, type MessagePort } from 'node:worker_threads';
import { readPlainInside } from './read.js';
import { CLAIMED, CONSUMED, KB_HELD, LINTER_WAITS, MAX_AHEAD, MAX_KB_HELD, READER_NAP_MS, WAKE, type ReadAheadMessage, type ReaderSetup } from './read-ahead-protocol.js';

const setup = workerData as ReaderSetup & { port: MessagePort };
const state = new Int32Array(setup.state);
const done = new Int32Array(setup.done);
const { paths, maxFileBytes } = setup;

for (;;) {
  const wake = Atomics.load(state, WAKE);
  const i = Atomics.load(state, CLAIMED);
  if (i >= paths.length) break;
  // Not too far ahead of the linting thread, in files and in text held: it naps (see
  // READER_NAP_MS), woken early only when the reader is stopped.
  if (i - Atomics.load(state, CONSUMED) >= MAX_AHEAD || Atomics.load(state, KB_HELD) > MAX_KB_HELD) {
    Atomics.wait(state, WAKE, wake, READER_NAP_MS);
    continue;
  }
  // The linting thread reads a file itself when it gets there first: whoever claims it reads it.
  if (Atomics.compareExchange(state, CLAIMED, i, i + 1) !== i) continue;
  let text: string | undefined;
  try {
    text = readPlainInside(paths[i] as string, setup.root, { maxFileBytes: maxFileBytes[i] as number });
  } catch {
    text = undefined; // the linting thread reads it again and reports what is wrong
  }
  if (text !== undefined) Atomics.add(state, KB_HELD, Math.ceil(text.length / 1024));
  const message: ReadAheadMessage = { i, text };
  setup.port.postMessage(message);
  Atomics.store(done, i, 1);
  if (Atomics.load(state, LINTER_WAITS) === 1) Atomics.notify(done, i);
}
setup.port.close();
