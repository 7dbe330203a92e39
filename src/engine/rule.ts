// What a rule is: metadata (data, shown by --list-rules, JSON and SARIF) and a check that asks the
// graph and returns verdicts. Rules never format output; formatters decide how verdicts look.
import type { Span } from '../model/span.js';
import type { ResourceGraph } from '../graph/graph.js';
import type { DeployedResource } from '../deploy/model.js';
import type { RegionLists } from './config.js';
import type { DestinationChoice, TapSource } from '../graph/vtap.js';
import type { Unknown } from '../expr/value.js';

export type Level = 'error' | 'warning' | 'note';
export type ConfiguredLevel = Level | 'off';

/** SARIF result kinds vtaplint uses: a failed check, or one it could not decide ("review"). */
export type ResultKind = 'fail' | 'review' | 'pass';

export interface RuleMeta {
  /** Stable id: SARIF ruleId, config key, suppression key, file name. */
  id: string;
  /** PascalCase name (SARIF reportingDescriptor.name). */
  name: string;
  /** One line: what it checks. */
  shortDescription: string;
  /** A paragraph: what it checks and why. */
  fullDescription: string;
  defaultLevel: Level;
  /** "vtap", "temporary", "core", ... A config can switch a tag off. */
  tags: string[];
  /** SARIF precision: how often a fail is a real problem. */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** The Azure sentence(s) the rule comes from, for the coverage table. */
  source?: string;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Verdict {
  kind: ResultKind;
  message: string;
  /** The exact property that decides. */
  span: Span;
  related?: RelatedLocation[];
  /** The resource the verdict is about (for fingerprints and messages). */
  resource?: DeployedResource;
  /** Other resources the verdict depends on: if any of them may not be deployed, a fail becomes indeterminate. */
  involved?: DeployedResource[];
  /**
   * The TAP sources the verdict is about (it holds only if they all exist): the resources that
   * declare them count as involved, and a source that a value known only at deployment may leave
   * out (TapSource.when) makes a fail indeterminate too.
   */
  sources?: readonly TapSource[];
  /**
   * The destination of a TAP the verdict is about, when a value known only at deployment chooses it
   * among two (DestinationChoice.when): a fail becomes a note naming that value, unless the rule
   * fails the other destination of the TAP too (for the same sources): then both stay fails, each
   * pointing at the other (src/engine/run-rules.ts). An indeterminate result names the value too.
   */
  destination?: DestinationChoice;
  /**
   * A fact the verdict rests on that holds only when a value known only at deployment chooses so
   * (a NIC in a load balancer's pool through `withPool ? [{ id: pool }] : []`): a fail becomes a
   * note, "(if <subject>: it depends on a value that is ...)", with the value's place related.
   */
  chosenBy?: { value: Unknown; subject: string };
  /** Set by rules that report at a level other than their default (e.g. coming-soon regions). */
  level?: Level;
}

export interface RuleContext {
  readonly graph: ResourceGraph;
  readonly regions: RegionLists;
  fail(v: Omit<Verdict, 'kind'>): void;
  indeterminate(v: Omit<Verdict, 'kind'>): void;
  pass(v: Omit<Verdict, 'kind'>): void;
}

export interface Rule {
  meta: RuleMeta;
  /** The rule's documentation page (rules/<id>.md): SARIF help.markdown. */
  docs: string;
  check(ctx: RuleContext): void;
}

export function defineRule(meta: RuleMeta, docs: string, check: (ctx: RuleContext) => void): Rule {
  return { meta, docs, check };
}
