// The parts of vtaplint a run used, told to the code cache runner (bin/run-bundle.cjs, which
// makes the Set): V8's code cache holds what the run that made it compiled, so a cache made by a
// one-template ARM run lacked the Bicep front end, and every later one-file Bicep run compiled
// it again. The runner writes its cache again, with both, when a small run used a part the cache
// was not made with. Outside the runner (tests, the Action) there is no Set and this does nothing.
const PARTS = Symbol.for('vtaplint.codeCacheParts');

/** Notes that this run used `part` (a front end such as "bicep", "format:sarif", "config"). */
export function usedCodePart(part: string): void {
  const parts = (globalThis as Record<symbol, unknown>)[PARTS];
  if (parts instanceof Set) parts.add(part);
}
