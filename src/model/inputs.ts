// What a file's lint learnt from outside the file itself, for the result cache (--cache): every
// answer the file system gave it (a file's text, whether a path exists, lies inside the lint root,
// what a folder holds) and every environment variable a Bicep file read. A cached result is used
// again only while each of these questions still gets the same answer (src/engine/revalidate.ts), so a
// module, a parameters file or a linked template that changed makes every file that read it be
// linted again, not just the file itself.
//
// The questions are noted where they are asked of the system, and again where a remembered answer
// is given instead (InputMemo): a file read once for many templates (a --parameters file, a
// module's signature) is an input of each of them. Nothing is noted, hashed or kept unless a
// recording is running: a lint without --cache pays one test per question.
import { createHash } from './lazy-builtins.js';

/** A question and its answer: `kind` names the question (see revalidate.ts), `args` what it was asked of. */
export interface Input {
  kind: string;
  args: readonly (string | number)[];
  /** The answer, as text or a digest of it (never the text of a file). */
  answer: string;
  /**
   * For a file read: the file's identity and times when it was read (src/load/read.ts
   * fileSignature), so a later run that finds them unchanged takes the answer without reading
   * the file again. Absent for a file changed just before it was read.
   */
  stat?: string;
}

let current: Map<string, Input> | undefined;

/** Whether a recording is running: callers skip the work of describing an answer when not. */
export function recording(): boolean {
  return current !== undefined;
}

/**
 * Notes a question and its answer (computed only when recording), with the signature of the file
 * it read, if any; the same question is kept once.
 */
export function noteInput(kind: string, args: readonly (string | number)[], answer: () => string, stat?: string): void {
  if (current === undefined) return;
  const key = `${kind}\u0000${args.join('\u0000')}`;
  if (!current.has(key)) current.set(key, stat === undefined ? { kind, args, answer: answer() } : { kind, args, answer: answer(), stat });
}

/** Notes questions asked before (replayed from a memo). */
export function noteInputs(inputs: readonly Input[]): void {
  if (current === undefined) return;
  for (const i of inputs) {
    const key = `${i.kind}\u0000${i.args.join('\u0000')}`;
    if (!current.has(key)) current.set(key, i);
  }
}

/**
 * Runs `work`, returning what it returned and the questions it asked. Recordings nest: the inner
 * one's questions are the outer one's too.
 */
export function recordInputs<T>(work: () => T): { value: T; inputs: Input[] } {
  const outer = current;
  const mine = new Map<string, Input>();
  current = mine;
  let value: T;
  try {
    value = work();
  } finally {
    current = outer;
  }
  const inputs = [...mine.values()];
  if (outer !== undefined) noteInputs(inputs);
  return { value, inputs };
}

/**
 * A cache of answers made from the file system (a file read and parsed once for many templates)
 * that notes, each time it gives one, the questions that made it: without that, only the first
 * template to ask would depend on the file.
 */
export class InputMemo<V> {
  private readonly done = new Map<string, { value: V; inputs: readonly Input[] | undefined }>();

  get(key: string, make: () => V): V {
    let got = this.done.get(key);
    if (got === undefined) {
      // Recorded only while a recording runs: made outside one, its questions are never needed.
      const made = current !== undefined ? recordInputs(make) : { value: make(), inputs: undefined };
      got = { value: made.value, inputs: made.inputs };
      this.done.set(key, got);
    } else if (current !== undefined) {
      if (got.inputs === undefined) {
        // Made before any recording: made again, to know its questions (the answer is the same).
        const made = recordInputs(make);
        got = { value: got.value, inputs: made.inputs };
        this.done.set(key, got);
      } else noteInputs(got.inputs);
    }
    return got.value;
  }

  has(key: string): boolean {
    return this.done.has(key);
  }
}

// Answers as short text. A file's text is kept as a digest, never as text, and so is an
// environment variable's value (the cache file must not hold a secret a template read).

/** A digest of text or bytes (SHA-1: enough to tell versions of a file apart, and fast). */
export function digest(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64');
}

export function boolAnswer(b: boolean): string {
  return b ? 't' : 'f';
}

export function envAnswer(value: string | undefined): string {
  return value === undefined ? 'unset' : `set ${digest(value)}`;
}
