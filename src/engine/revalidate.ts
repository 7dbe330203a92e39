// Asks again the questions a cached result's lint asked (src/model/inputs.ts), through the same functions,
// and tells whether every answer is still the same: then the file's lint would be the same too.
// A question of a kind this build does not know (a cache written by another version) is a change.
import path from 'node:path';
import { existsListed } from '../discover/folder-listings.js';
import { bytesAnswer, isInsideRoot, isUnder, listFilesInside, namesAnswer, outsideRootReason, readAnswer, readBytesInside, readSource, readSourceInside, stillSigned } from '../load/read.js';
import { boolAnswer, envAnswer, type Input } from '../model/inputs.js';
import type { BicepSources } from './compiled-bicep.js';

/** What the run that revalidates knows that a question may be about. */
export interface RunFacts {
  /** The .bicep files of this run (compiled-bicep.ts). */
  bicepSources: BicepSources;
  /** The lint root (absolute), and where it really is (links resolved: a read notes the real path it read). */
  root: string;
  realRoot: string;
  /** The --parameters files (absolute): the only files outside the root a question may read. */
  parameterFiles: readonly string[];
}

type Args = readonly (string | number)[];

const str = (a: Args, i: number): string => String(a[i]);
const num = (a: Args, i: number): number => Number(a[i]);

/**
 * Each kind of question, asked again. The read's kind of source changes neither text nor message.
 * The cache file is read as data, never trusted: a question about a path outside this run's root
 * (or with another root) is not asked (the result is linted again), so a cache file written by
 * hand cannot make vtaplint open a file a lint would not.
 */
const ASK: Record<string, (args: Args, run: RunFacts) => string> = {
  read: (a) => readAnswer(readSourceInside(str(a, 0), 'other', str(a, 1), { maxFileBytes: num(a, 2) })),
  readAnywhere: (a) => readAnswer(readSource(str(a, 0), 'other', { maxFileBytes: num(a, 1) })),
  bytes: (a) => bytesAnswer(readBytesInside(str(a, 0), str(a, 1), { maxFileBytes: num(a, 2) })),
  list: (a) => namesAnswer(listFilesInside(str(a, 0), str(a, 1))),
  inside: (a) => boolAnswer(isInsideRoot(str(a, 0), str(a, 1))),
  outside: (a) => outsideRootReason(str(a, 0), str(a, 1)),
  exists: (a) => boolAnswer(existsListed(str(a, 0))),
  env: (a) => envAnswer(process.env[str(a, 0)]),
  bicepDir: (a, run) => boolAnswer(run.bicepSources.hasDir(str(a, 0))),
  bicepStem: (a, run) => run.bicepSources.withStem(str(a, 0)).join('\u0000'),
};

/** The kinds asked with the lint root as second argument: they never open a file outside it, whatever the path. */
const INSIDE_ROOT = new Set(['read', 'bytes', 'list', 'inside', 'outside']);
/** The kinds that look at their path wherever it is. */
const ANYWHERE = new Set(['readAnywhere', 'exists']);

/**
 * Whether this run would ask the question: those bounded by a root, with this run's root; the
 * others, of a path inside it (or a --parameters file, which the user named).
 */
function askable(input: Input, run: RunFacts): boolean {
  const p = input.args[0];
  if (INSIDE_ROOT.has(input.kind)) return typeof p === 'string' && path.isAbsolute(p) && input.args[1] === run.root;
  if (ANYWHERE.has(input.kind)) {
    if (typeof p !== 'string' || !path.isAbsolute(p)) return false;
    const at = path.normalize(p);
    return isUnder(at, run.root) || isUnder(at, run.realRoot) || (input.kind === 'readAnywhere' && run.parameterFiles.includes(p));
  }
  return true;
}

/** A read whose file has its signature still (src/load/read.ts stillSigned). */
function signed(input: Input): boolean {
  if (input.stat === undefined) return false;
  if (input.kind === 'read') return stillSigned('read', str(input.args, 0), str(input.args, 1), input.stat);
  if (input.kind === 'readAnywhere') return stillSigned('readAnywhere', str(input.args, 0), '', input.stat);
  return false;
}

/**
 * Whether every question gets the answer it got when the result was made. `asked` holds the
 * answers this run already got (by question), shared by every result it checks.
 */
export function stillAnswered(inputs: readonly Input[], run: RunFacts, asked: Map<string, string>): boolean {
  for (const input of inputs) {
    const question = `${input.kind}\u0000${input.args.join('\u0000')}`;
    let answer = asked.get(question);
    if (answer === undefined) {
      const ask = Object.prototype.hasOwnProperty.call(ASK, input.kind) ? ASK[input.kind] : undefined;
      if (ask === undefined || !askable(input, run)) return false;
      try {
        // A file read found unchanged (the same identity, size and times) gives the same text:
        // the answer kept with it, without reading the file again. Then it is the answer now,
        // for every result that asks (a kept answer that differs is from an older file).
        answer = signed(input) ? input.answer : ask(input.args, run);
      } catch {
        return false;
      }
      asked.set(question, answer);
    }
    if (answer !== input.answer) return false;
  }
  return true;
}
