// Runs the enabled rules on one graph and turns their verdicts into findings.
import { configuredLevel, type EffectiveConfig } from './config.js';
import type { ResourceGraph } from '../graph/graph.js';
import type { Level, RelatedLocation, Rule, RuleContext, Verdict } from './rule.js';
import { deploymentLabel, type DeployedResource } from '../deploy/model.js';
import { describeUnknown } from './describe.js';
import { describeSource, parallelRedeployment, type DestinationChoice, type DestinationCondition, type TapSource } from '../graph/vtap.js';
import { testOf } from '../expr/value.js';
import { deepEquals } from '../expr/ops.js';
import type { Span } from '../model/span.js';

export interface RuleOutcome {
  rule: Rule;
  verdict: Verdict;
  level: Level;
}

export interface RuleFailure {
  rule: Rule;
  error: unknown;
}

/** The first resource among those a verdict depends on that a condition may not deploy. */
function maybeDeployed(v: Omit<Verdict, 'kind'>): DeployedResource | undefined {
  const declaring = (v.sources ?? []).map((s) => s.holder);
  return [v.resource, ...(v.involved ?? []), ...declaring].find((r) => r?.state === 'maybe');
}

/**
 * A fail about a source that may not exist, as indeterminate: "(if the virtualNetworkTaps entry
 * of 'nic' is a TAP source: it depends on a value that is ...)", with related locations at the
 * source and at the deciding value.
 */
function maybeSource(v: Omit<Verdict, 'kind'>): Omit<Verdict, 'kind'> | undefined {
  const source = v.sources?.find((s) => s.when) ?? v.sources?.find((s) => s.rivals);
  const when = source?.when;
  if (!source) return undefined;
  const related = [...(v.related ?? [])];
  const add = (span: Span | undefined, message: string) => {
    if (span && !related.some((r) => r.span === span)) related.push({ span, message });
  };
  if (!when) return source.rivals ? racedSource(v, source, source.rivals, related, add) : undefined;
  add(source.at.span, `the TAP source, which may not exist: ${describeSource(source)}`);
  add(when.reason.span, `the value that decides whether ${describeSource(source)} is a TAP source`);
  // A scale set's entry mirrors nothing either way (vtap-source-vm-nic): what may not be there is the entry.
  const subject = `${describeSource(source)} ${source.declaration === 'scaleset' ? 'is set' : 'is a TAP source'}`;
  return { ...v, related, message: `${v.message} (if ${subject}: it depends on a value that is ${describeUnknown(when)})` };
}

/**
 * A verdict that rests on a fact a value known only at deployment chooses (Verdict.chosenBy): a
 * fail told as indeterminate, and an indeterminate one, with "(if NIC 'nic' is in pool 'p': it
 * depends on a value that is ...)" and the deciding value's place related.
 */
function maybeChosen(v: Omit<Verdict, 'kind'>): Omit<Verdict, 'kind'> | undefined {
  const c = v.chosenBy;
  if (!c) return undefined;
  const decides = c.value.reason.span;
  const related = decides && !(v.related ?? []).some((r) => r.span === decides) ? [...(v.related ?? []), { span: decides, message: `the value that decides whether ${c.subject}` }] : v.related;
  return { ...v, ...(related ? { related } : {}), message: `${v.message} (if ${c.subject}: it depends on a value that is ${describeUnknown(c.value)})` };
}

/**
 * A fail about an entry of a NIC that another declaration of the NIC, deployed in parallel with
 * it, may replace: "(if the virtualNetworkTaps entry of 'nic' lasts: ...)", with related
 * locations at the entry and at each rival declaration.
 */
function racedSource(v: Omit<Verdict, 'kind'>, source: TapSource, rivals: readonly DeployedResource[], related: RelatedLocation[], add: (span: Span | undefined, message: string) => void): Omit<Verdict, 'kind'> {
  add(source.at.span, `the TAP source, which a parallel deployment of its NIC may replace: ${describeSource(source)}`);
  for (const d of rivals) add(d.span, `NIC '${d.displayName}' deployed here too, without this entry and without a dependsOn on either side`);
  return { ...v, related, message: `${v.message} (if ${describeSource(source)} lasts: ${parallelRedeployment(source, rivals)})` };
}

/**
 * What may keep a resource from being deployed, for "(if 'vm' is deployed: <what> is ...)": its
 * own copy count or condition, or those of the module or nested deployment it is in (a module
 * loop `[for i in range(0, vmCount)]` gives the resources of each instance its count).
 */
function maybeWhy(maybe: DeployedResource): string {
  if (maybe.copy && maybe.copy.index === undefined) return 'its copy count';
  for (let u = maybe.unit; u.parent; u = u.parent.unit) {
    const dep = u.parent;
    if (dep.condition !== maybe.condition) continue;
    if (maybe.condition === undefined) break;
    return `the ${dep.copy && dep.copy.index === undefined ? 'copy count' : 'condition'} of ${deploymentLabel(dep)}, which deploys it,`;
  }
  return 'its condition';
}

/**
 * A verdict about one of the destinations a value known only at deployment chooses between, with
 * that value named: "(if TAP 'tap' sends to destinationLoadBalancerFrontEndIPConfiguration, chosen
 * when the condition is true: that condition is unknown: the parameter 'useLb' has no value)", and
 * related locations at the value and at the branch that sets that destination. Worded as a
 * resource that may not be deployed is ("(if 'vm' is deployed: ...)").
 */
function chosenDestination(v: Omit<Verdict, 'kind'>, c: DestinationChoice): Omit<Verdict, 'kind'> {
  const when = c.when;
  if (!when) return v;
  const related = [...(v.related ?? [])];
  const add = (span: Span | undefined, message: string) => {
    if (span && span !== v.span && !related.some((r) => r.span === span)) related.push({ span, message });
  };
  add(c.destination.id.span, `the destination TAP '${c.tap.displayName}' sends to ${whenText(when)}`);
  add(when.condition.reason.span, `the value that decides which destination TAP '${c.tap.displayName}' sends to`);
  return { ...v, related, message: `${v.message} (if TAP '${c.tap.displayName}' sends to ${c.destination.property}, chosen ${whenText(when)}: that ${testedValue(when) ? 'value' : 'condition'} is ${describeUnknown(when.condition)})` };
}

/**
 * The value a condition tests, when the alternatives of a toggle are tests of one value against
 * several (`mode == 'lb'` and `mode == 'nic'`): "the condition is true" would not tell them apart.
 */
function testedValue(when: DestinationCondition): { equals: unknown; holds: boolean } | undefined {
  if (when.values && !when.values.allNamed.every((v) => typeof v === 'boolean')) return { equals: undefined, holds: true };
  const t = testOf(when.condition);
  if (!t || typeof t.equals === 'boolean' || t.equals === null || typeof t.equals === 'object') return undefined;
  return { equals: t.equals, holds: when.holds !== t.negated };
}

/** "when the condition is true", or for a test of a value, "when the value is 'nic'". */
function whenText(when: DestinationCondition): string {
  const vs = when.values;
  // Tests of a Boolean (`useLb ? { id: a } : { id: b }`) read as the condition.
  if (vs && !vs.allNamed.every((v) => typeof v === 'boolean')) {
    // Values of a choice among several destinations: those that choose this one, or, when it is
    // chosen by any value no test names, the others.
    const others = vs.allNamed.filter((n) => !vs.named.some((v) => deepEquals(v, n) === true));
    return vs.other ? `when the value is not ${orList(others.map(shown))}` : `when the value is ${orList(vs.named.map(shown))}`;
  }
  const t = testedValue(when);
  if (!t) return `when the condition is ${when.holds}`;
  return `when the value is ${t.holds ? '' : 'not '}${shown(t.equals)}`;
}

function shown(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

/** "'a'", "'a' or 'b'", "'a', 'b' or 'c'". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** Whether two fails about the alternatives of one TAP's destination are about the other destination and the same sources. */
function otherAlternative(a: Omit<Verdict, 'kind'>, b: Omit<Verdict, 'kind'>): boolean {
  const x = a.destination?.when;
  const y = b.destination?.when;
  // One toggle's alternatives: one condition's two values, or exclusive tests of one value
  // (`mode == 'lb'` and `mode == 'nic'`), each chosen when its test holds; each its own object.
  if (!x || !y || x.toggle !== y.toggle || x === y || (x.holds === y.holds && x.condition === y.condition && !x.values)) return false;
  const s = a.sources ?? [];
  const t = b.sources ?? [];
  return s.length === t.length && s.every((e) => t.includes(e));
}

export function runRules(
  graph: ResourceGraph,
  rules: readonly Rule[],
  config: EffectiveConfig,
  /** Called after each rule (memory management of large templates, src/engine/lint.ts). */
  afterEach?: () => void,
  /**
   * Whether evaluation has stopped at its step limit by now (DeployResult.evaluationStopped). With
   * the graph's order edges cut (ResourceGraph.orderIncomplete), what makes the analysis
   * incomplete: a failure found after that may rest on what was never evaluated or followed (a
   * VM's NIC list, a dependsOn entry) and is reported as indeterminate. One found before rests on
   * complete values. The deployment's own method, not a closure over the analysis: called for
   * every failure, a closure gets compiled in the background, and the compile job would hold the
   * whole analysis past the point where a large one is let go of (see lint.ts, collectReleased).
   */
  evaluationStopped?: () => boolean,
): { outcomes: RuleOutcome[]; passes: number; failures: RuleFailure[] } {
  const incomplete = (): string | undefined => {
    if (evaluationStopped?.()) return 'evaluation stopped at the limit maxEvaluationSteps';
    if (graph.orderIncomplete) return 'the dependency edges were cut at the limit maxGraphEdges';
    return undefined;
  };
  const outcomes: RuleOutcome[] = [];
  const failures: RuleFailure[] = [];
  let passes = 0;
  for (const rule of rules) {
    const set = configuredLevel(rule.meta, config);
    if (set === 'off') continue;
    const configured = set ?? rule.meta.defaultLevel;
    // Fails about one of the destinations a value known only at deployment chooses between: told
    // once the rule has judged them all (a fail of both destinations is a fail).
    const chosen: Omit<Verdict, 'kind'>[] = [];
    const settle = (v: Omit<Verdict, 'kind'>, review: boolean) => {
      const why = incomplete();
      if (why) {
        outcomes.push({ rule, verdict: { ...v, kind: 'review', message: `${v.message} (not certain: ${why} before this was decided; raise the limit to decide it)` }, level: 'note' });
        return;
      }
      const maybe = maybeDeployed(v);
      if (maybe) {
        // A copy loop whose count is unknown has one representative instance that may not exist;
        // a resource of a module (nested deployment) may not be deployed because the module may not.
        const what = maybeWhy(maybe);
        const cond = maybe.condition ? `: ${what} is ${describeUnknown(maybe.condition)}` : '';
        // And where that condition or count comes from (the parameter, the reference()), to supply it.
        const decides = maybe.condition?.reason.span;
        const related = decides && !(v.related ?? []).some((r) => r.span === decides) ? [...(v.related ?? []), { span: decides, message: `the value that decides whether '${maybe.displayName}' is deployed` }] : v.related;
        outcomes.push({
          rule,
          verdict: { ...v, related, kind: 'review', message: `${v.message} (if '${maybe.displayName}' is deployed${cond})` },
          level: 'note',
        });
        return;
      }
      const source = maybeSource(v) ?? maybeChosen(v);
      if (source || review) {
        outcomes.push({ rule, verdict: { ...(source ?? v), kind: 'review' }, level: 'note' });
        return;
      }
      // A rule's own level for a finding (a "coming soon" region's warning) holds unless the config sets one.
      const level = set === undefined && v.level ? v.level : configured;
      outcomes.push({ rule, verdict: { ...v, kind: 'fail' }, level });
    };
    const ctx: RuleContext = {
      graph,
      regions: config.regions,
      fail(v) {
        if (v.destination?.when) chosen.push(v);
        else settle(v, false);
      },
      indeterminate(v) {
        const told = v.destination ? chosenDestination(v, v.destination) : v;
        // What it rests on may hold only in some choices of a value: named too.
        outcomes.push({ rule, verdict: { ...(maybeChosen(told) ?? told), kind: 'review' }, level: 'note' });
      },
      pass() {
        passes++;
      },
    };
    try {
      rule.check(ctx);
      // A fail of each destination: a fail whichever the condition chooses, pointing at the other.
      // A fail of one: a note naming the condition.
      for (const v of chosen) {
        const others = chosen.filter((o) => otherAlternative(v, o));
        // Of a choice among more than two, a fail of each: some other one may pass.
        const failing = new Set([v, ...others].map((o) => o.destination?.when));
        if (others.length === 0 || failing.size < (v.destination?.when?.alternatives ?? 2)) {
          settle(chosenDestination(v, v.destination as DestinationChoice), true);
          continue;
        }
        const related = [...(v.related ?? [])];
        for (const o of others) {
          const when = o.destination?.when as DestinationCondition;
          if (!related.some((r) => r.span === o.span)) related.push({ span: o.span, message: `the other destination of TAP '${o.destination?.tap.displayName ?? ''}', chosen ${whenText(when)}, fails this check too` });
        }
        settle({ ...v, related }, false);
      }
    } catch (error) {
      failures.push({ rule, error });
    }
    afterEach?.();
  }
  return { outcomes, passes, failures };
}
