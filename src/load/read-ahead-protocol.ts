// What the read-ahead thread (reader-thread.ts) and the thread it reads for (read-ahead.ts) share:
// the slots of their shared state and the setup the reader starts with.

/** Slots of the shared Int32Array `state`. */
/** The next file not yet claimed: whichever thread moves it past a file reads that file. */
export const CLAIMED = 0;
/** The files the linting thread has taken (read ahead or read itself). */
export const CONSUMED = 1;
/** Kilobytes of text read ahead and not yet taken. */
export const KB_HELD = 2;
/** Bumped when the linting thread takes a file or stops the reader: the reader waits on it. */
export const WAKE = 3;
/**
 * 1 while the linting thread waits on a file's `done` slot: the reader calls Atomics.notify only
 * then (a notify is a system call, and the linting thread seldom waits). No wake-up is lost: the
 * linting thread sets this before it looks at the slot, and the reader sets the slot before it
 * looks here.
 */
export const LINTER_WAITS = 4;
export const STATE_SLOTS = 5;

/**
 * How far ahead the reader goes: a file takes ~0.1 ms to read and several to lint, so a few
 * files ahead keep the linting thread from ever waiting, and memory holds little text that is
 * not being linted (at most MAX_KB_HELD, and one file more).
 */
export const MAX_AHEAD = 16;
/**
 * A reader that is MAX_AHEAD files ahead looks again after this many milliseconds: the linting
 * thread never wakes it (a wake-up is a system call on the thread whose time counts, one per file
 * cost ~2% of a quickstart lint), and in 2 ms it takes a file or two of the 16 the reader is ahead.
 */
export const READER_NAP_MS = 2;
export const MAX_KB_HELD = 16 * 1024;

export interface ReaderSetup {
  root: string;
  /** The files, in the order the linting thread takes them. */
  paths: string[];
  /** Each file's size limit (its config's maxFileBytes). */
  maxFileBytes: number[];
  /** Int32Array of STATE_SLOTS. */
  state: SharedArrayBuffer;
  /** Int32Array, one slot per file: 1 once the reader has sent it. */
  done: SharedArrayBuffer;
}

/** What the reader sends for file `i`: its text, or undefined when the linting thread must read it itself. */
export interface ReadAheadMessage {
  i: number;
  text: string | undefined;
}
