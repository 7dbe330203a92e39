// Asks again the questions a cached result's lint asked (src/model/inputs.ts), through the same functions,
// and tells whether every answer is still the same: then the file's lint would be the same too.
// A question of a kind this build does not know (a cache written by another version) is a change.
import { existsListed } from '../discover/folder-listings.js';
import { bytesAnswer, isInsideRoot, listFilesInside, namesAnswer, outsideRootReason, readAnswer, readBytesInside, readSource, readSourceInside } from '../load/read.js';
import { boolAnswer, envAnswer, type Input } from '../model/inputs.js';
import type { BicepSources } from './compiled-bicep.js';

/** What the run that revalidates knows that a question may be about. */
export interface RunFacts {
  /** The .bicep files of this run (compiled-bicep.ts). */
  bicepSources: BicepSources;
}

type Args = readonly (string | number)[];

const str = (a: Args, i: number): string => String(a[i]);
const num = (a: Args, i: number): number => Number(a[i]);

/** Each kind of question, asked again. The read's kind of source changes neither text nor message. */
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
      if (ask === undefined) return false;
      try {
        answer = ask(input.args, run);
      } catch {
        return false;
      }
      asked.set(question, answer);
    }
    if (answer !== input.answer) return false;
  }
  return true;
}
