// When resources and TAP sources exist together: each may depend on a value known only at
// deployment (a resource's condition, the conditional that chooses a source), and some of those
// can never hold at once (`if (blue)` and `if (!blue)`, `mode == 'a'` and `mode == 'b'`). Counts
// of what one deployment creates (vtap-limits) add up only what can exist together.
import { Unknown, testOf, type BoolTest, type Value } from '../expr/value.js';
import { deepEquals } from '../expr/ops.js';
import type { DeployedResource } from '../deploy/model.js';
import type { TapSource } from './vtap.js';

/**
 * What must hold for something to exist: nothing (it exists whenever the deployment runs), tests
 * of deployment-wide values that must all hold, or 'unknown' (it depends on a value that is no
 * such test: it may exist, with anything).
 */
export type Guard = readonly BoolTest[] | 'unknown';

const ALWAYS: Guard = [];

/** What a resource's own condition asks (a copy loop of unknown count, or a condition that is no test: 'unknown'). */
export function resourceGuard(r: DeployedResource): Guard {
  if (r.state !== 'maybe') return ALWAYS;
  if (r.copy && r.copy.index === undefined) return 'unknown';
  const t = r.condition instanceof Unknown ? testOf(r.condition) : undefined;
  return t ? [t] : 'unknown';
}

/**
 * What must hold for a TAP source to exist: its holder's condition, and the conditional that
 * chooses it (TapSource.when): its condition when every option that holds the source is on one
 * side of it. A source held on both sides of an outer conditional exists whatever it chooses.
 */
export function sourceGuard(s: TapSource): Guard {
  const own = resourceGuard(s.holder);
  if (!s.when) return own;
  const choice = s.when.choice;
  const t = choice ? testOf(choice.condition) : undefined;
  if (own === 'unknown' || !choice || !t || !s.options) return 'unknown';
  const options = [...s.options];
  if (options.every((k) => k < choice.then)) return [...own, t];
  if (options.every((k) => k >= choice.then)) return [...own, { ...t, negated: !t.negated }];
  return own;
}

/** A value no test names: any other value of the subject. */
const OTHER = Symbol('other');

function holds(t: BoolTest, v: Value | typeof OTHER): boolean {
  if (v === OTHER) return t.negated;
  return (deepEquals(v, t.equals) === true) !== t.negated;
}

/**
 * The most of `items` that can exist together, given what each needs (`guard`): those that
 * always exist, those whose guard is 'unknown' (they may exist with anything), and per value
 * known only at deployment, the most that any one value of it lets exist. Guards over several
 * such values count as 'unknown' (an upper bound).
 */
export function mostTogether<T>(items: readonly T[], guard: (item: T) => Guard): number {
  let n = 0;
  const bySubject = new Map<string, BoolTest[][]>();
  for (const item of items) {
    const g = guard(item);
    if (g === 'unknown' || g.length === 0) {
      n++;
      continue;
    }
    const subject = (g[0] as BoolTest).subject;
    if (g.some((t) => t.subject !== subject)) {
      n++;
      continue;
    }
    const list = bySubject.get(subject);
    if (list) list.push([...g]);
    else bySubject.set(subject, [[...g]]);
  }
  for (const guards of bySubject.values()) {
    const values: (Value | typeof OTHER)[] = [OTHER];
    for (const g of guards) for (const t of g) if (!values.some((v) => v !== OTHER && deepEquals(v, t.equals) === true)) values.push(t.equals);
    let most = 0;
    for (const v of values) {
      let k = 0;
      for (const g of guards) if (g.every((t) => holds(t, v))) k++;
      most = Math.max(most, k);
    }
    n += most;
  }
  return n;
}
