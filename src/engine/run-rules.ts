// Runs the enabled rules on one graph and turns their verdicts into findings.
import { configuredLevel, type EffectiveConfig } from './config.js';
import type { ResourceGraph } from '../graph/graph.js';
import type { Level, Rule, RuleContext, Verdict } from './rule.js';
import type { DeployedResource } from '../deploy/model.js';
import { describeUnknown } from './describe.js';

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
  return [v.resource, ...(v.involved ?? [])].find((r) => r?.state === 'maybe');
}

export function runRules(
  graph: ResourceGraph,
  rules: readonly Rule[],
  config: EffectiveConfig,
  /** Called after each rule (memory management of large templates, src/engine/lint.ts). */
  afterEach?: () => void,
  /**
   * Whether evaluation has stopped at its step limit by now (DeployResult.evaluationStopped). A
   * failure found after that may rest on values never evaluated (a VM's NIC list, a dependsOn
   * entry): it is reported as indeterminate. One found before rests only on complete values.
   */
  evaluationStopped?: () => boolean,
): { outcomes: RuleOutcome[]; passes: number; failures: RuleFailure[] } {
  const outcomes: RuleOutcome[] = [];
  const failures: RuleFailure[] = [];
  let passes = 0;
  for (const rule of rules) {
    const set = configuredLevel(rule.meta, config);
    if (set === 'off') continue;
    const configured = set ?? rule.meta.defaultLevel;
    const ctx: RuleContext = {
      graph,
      regions: config.regions,
      fail(v) {
        if (evaluationStopped?.()) {
          outcomes.push({ rule, verdict: { ...v, kind: 'review', message: `${v.message} (not certain: evaluation stopped at the limit maxEvaluationSteps before this was decided; raise the limit to decide it)` }, level: 'note' });
          return;
        }
        const maybe = maybeDeployed(v);
        if (maybe) {
          // A copy loop whose count is unknown has one representative instance that may not exist.
          const what = maybe.copy && maybe.copy.index === undefined ? 'its copy count' : 'its condition';
          const cond = maybe.condition ? `: ${what} is ${describeUnknown(maybe.condition)}` : '';
          outcomes.push({
            rule,
            verdict: { ...v, kind: 'review', message: `${v.message} (if '${maybe.displayName}' is deployed${cond})` },
            level: 'note',
          });
          return;
        }
        // A rule's own level for a finding (a "coming soon" region's warning) holds unless the config sets one.
        const level = set === undefined && v.level ? v.level : configured;
        outcomes.push({ rule, verdict: { ...v, kind: 'fail' }, level });
      },
      indeterminate(v) {
        outcomes.push({ rule, verdict: { ...v, kind: 'review' }, level: 'note' });
      },
      pass() {
        passes++;
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      failures.push({ rule, error });
    }
    afterEach?.();
  }
  return { outcomes, passes, failures };
}
