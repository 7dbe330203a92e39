// Suppressions: where a finding is accepted on purpose, and why.
//
// In source (SARIF kind "inSource"):
//   Bicep       `// vtaplint-disable-next-line rule-id -- reason`, Bicep's own
//               `#disable-next-line rule-id` and `#disable-diagnostics` / `#restore-diagnostics`
//   Both        `// vtaplint-disable-line rule-id -- reason` at the end of the finding's line
//   ARM JSON    `// vtaplint-disable-next-line rule-id -- reason` (files with comments), and a
//               resource's `"metadata": {"vtaplint": {"suppress": {"rule-id": "reason"}}}`
//   Parameters  the same comments (and, in a .bicepparam file, #disable-next-line) above a value:
//               they accept the findings that value decides, which land in the template
// In the config (SARIF kind "external"): `suppressions: [{rule, files, resource, reason, expires}]`.
//
// A suppressed finding is kept (SARIF shows it with suppressions[]) but does not count. A
// suppression that suppresses nothing, has expired, names an unknown rule or gives no reason is
// itself reported, by the rule unused-suppression, so stale ones do not pile up.
import { createScanner } from 'jsonc-parser';
import { collectPragmas, type Pragma } from '../bicep/pragmas.js';
import type { Trivia } from '../bicep/lexer.js';
import type { DeployedResource } from '../deploy/model.js';
import type { SourceText } from '../model/source.js';
import type { Span } from '../model/span.js';
import { childOf, isTObject, type Located, type TObject } from '../model/template.js';
import { matchesConfigGlobs, type ConfigSuppression, type EffectiveConfig } from './config.js';
import { locate, type Finding } from './finding.js';
import { distance, suggestion } from '../model/spelling.js';
import { pushAll } from '../model/push-all.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';

/** A finding with what the suppressions may need beyond it: the declaration of its resource. */
export interface Candidate {
  finding: Finding;
  /** The declaration span of the verdict's resource (metadata suppressions apply to it). */
  resource: Span | undefined;
  /**
   * "<type>/<name>" for each name of the verdict's resource that a config's `resource` may give:
   * its symbolic name (of the loop too, for every instance) and its deployed name, besides the
   * finding's logical location.
   */
  names?: readonly string[] | undefined;
}

export interface SuppressionSite {
  kind: 'inSource' | 'external';
  /** How it is written, for messages. */
  form: string;
  ruleId: string;
  reason: string | undefined;
  /** Where it is written: unused-suppression points here. */
  span: Span;
  /** Bicep's directives have no place for a reason, so none is asked for. */
  needsReason: boolean;
  /** A known rule id: unknown ones suppress nothing and are reported. */
  known: boolean;
  /** The expiry date, when it has passed. */
  expired: string | undefined;
  /** A directive vtaplint does not have (ESLint's `vtaplint-disable` block form): it suppresses nothing, and says so. */
  unsupported?: boolean;
  used: boolean;
  appliesTo(c: Candidate): boolean;
  /**
   * Where it can apply, when that is a run of lines of one file: only findings of its rule that
   * start on a line from `from` up to (not including) `to` in the file at `path` (appliesTo still
   * decides). applySuppressions looks such sites up by line instead of trying each.
   */
  lines?: { path: string; from: number; to: number } | undefined;
}

const sameFile = (a: SourceText, b: SourceText) => a === b || a.path === b.path;
const within = (inner: Span, outer: Span) => {
  if (!sameFile(inner.file, outer.file)) return false;
  const i = inner.range();
  const o = outer.range();
  return i.start >= o.start && i.end <= o.end;
};

/** Whether a candidate is on a line of `file` that `test` accepts. */
type Placement = (c: Candidate, file: SourceText, test: (line: number) => boolean) => boolean;

/** A comment in a template: the finding itself is on the line. */
const atFinding: Placement = (c, file, test) => sameFile(c.finding.location.file, file) && test(c.finding.location.region.start.line);

/**
 * A comment in a parameters file: findings land in the template, and a finding decided by a value
 * of this file has a related location at it ("the value of parameter 'x' is given here").
 */
const atGivenValue: Placement = (c, file, test) => c.finding.related.some((r) => sameFile(r.file, file) && test(r.region.start.line));

/**
 * Sites from Bicep pragmas (or comments read as pragmas). Bicep codes that are not vtaplint rules
 * are Bicep's own business. `where`: what a pragma's line is matched with (the finding's own line
 * in a template, the value that decided it in a parameters file).
 */
export function pragmaSites(pragmas: readonly Pragma[], known: ReadonlySet<string>, where: Placement = atFinding): SuppressionSite[] {
  const out: SuppressionSite[] = [];
  // The lines of each file's #restore-diagnostics per code, in order: looked up for each
  // #disable-diagnostics (a search of every pragma for each was quadratic: 50,000 pairs, 50 s).
  const restores = new Map<string, number[]>();
  for (const r of pragmas) {
    if (r.kind !== 'restore-diagnostics') continue;
    for (const id of r.ruleIds) {
      const key = `${r.span.file.path}\u0000${id}`;
      const lines = restores.get(key);
      if (lines) lines.push(r.line);
      else restores.set(key, [r.line]);
    }
  }
  for (const lines of restores.values()) lines.sort((a, b) => a - b);
  for (const p of pragmas) {
    const file = p.span.file;
    if (p.kind === 'vtaplint-disable-next-line' || p.kind === 'vtaplint-disable-line') {
      const ids = p.ruleIds.length ? p.ruleIds : [''];
      for (const id of ids) {
        out.push(placed(site('inSource', `// ${p.kind}`, id, p.reason, p.span, true, known.has(id), (c) => c.finding.ruleId === id && where(c, file, (line) => line === p.line)), where, file, p.line, p.line + 1));
      }
    } else if (p.kind === 'vtaplint-unsupported') {
      const s = site('inSource', `// ${p.directive ?? 'vtaplint-disable'}`, '', undefined, p.span, false, false, () => false);
      s.unsupported = true;
      out.push(s);
    } else if (p.kind === 'disable-next-line') {
      pushAll(out, misspeltCodes(p, known));
      for (const id of p.ruleIds.filter((i) => known.has(i))) {
        out.push(placed(site('inSource', '#disable-next-line', id, undefined, p.span, false, true, (c) => c.finding.ruleId === id && where(c, file, (line) => line === p.line)), where, file, p.line, p.line + 1));
      }
    } else if (p.kind === 'disable-diagnostics') {
      pushAll(out, misspeltCodes(p, known));
      for (const id of p.ruleIds.filter((i) => known.has(i))) {
        // In effect until a #restore-diagnostics of the same code further down, or the end of the file.
        const end = firstAfter(restores.get(`${file.path}\u0000${id}`), p.line) ?? Number.POSITIVE_INFINITY;
        out.push(
          placed(
            site('inSource', '#disable-diagnostics', id, undefined, p.span, false, true, (c) => c.finding.ruleId === id && where(c, file, (line) => line >= p.line && line < end)),
            where,
            file,
            p.line,
            end,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Sites to report for a Bicep `#disable-next-line` / `#disable-diagnostics` that cannot do what
 * it was written for: one with no code (the compiler rejects it, BCP226), and a code that is no
 * vtaplint rule but is meant as one (it starts with `vtap-`, or is spelt like a rule id:
 * `vtap-suported-region`). Other codes are Bicep's own (BCP081, no-unused-params) and left alone.
 */
function misspeltCodes(p: Pragma, known: ReadonlySet<string>): SuppressionSite[] {
  const reported = (id: string) => site('inSource', `#${p.kind}`, id, undefined, p.span, false, false, () => false);
  if (p.ruleIds.length === 0) return [reported('')];
  const unknown = p.ruleIds.filter((id) => !known.has(id));
  if (unknown.length === 0) return [];
  const ids = [...known];
  return unknown.filter((id) => id.toLowerCase().startsWith('vtap-') || ids.some((k) => distance(id.toLowerCase(), k, 3) <= 2)).map(reported);
}

function onLines(s: SuppressionSite, file: SourceText, from: number, to: number): SuppressionSite {
  s.lines = { path: file.path, from, to };
  return s;
}

/**
 * A pragma's site, looked up by line when its lines are those of the findings it accepts (a
 * template's pragma). A parameters file's pragma accepts findings in the template whose decisive
 * value is on its lines: it is tried for each finding of its rule (such files are small).
 */
function placed(s: SuppressionSite, where: Placement, file: SourceText, from: number, to: number): SuppressionSite {
  return where === atFinding ? onLines(s, file, from, to) : s;
}

/** The first of the ascending `lines` after `line` (binary search), if any. */
function firstAfter(lines: readonly number[] | undefined, line: number): number | undefined {
  if (!lines) return undefined;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lines[mid] as number) > line) hi = mid;
    else lo = mid + 1;
  }
  return lines[lo];
}

/** `// vtaplint-disable-next-line` comments of a JSON file (comments are allowed in ARM templates). */
// jsonc-parser's SyntaxKind is an ambient const enum (not importable under verbatimModuleSyntax).
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

export function jsonCommentSites(source: SourceText, known: ReadonlySet<string>): SuppressionSite[] {
  return pragmaSites(jsonPragmas(source), known);
}

/**
 * Suppressions written in a parameters file (a .bicepparam file's comments and directives, read
 * by its parser; an ARM parameters file's comments): each accepts the findings of its rule that
 * the value on its next line decided. Without this, such a comment was neither applied nor
 * reported as unused.
 */
export function parameterFileSites(source: SourceText, pragmas: readonly Pragma[] | undefined, known: ReadonlySet<string>): SuppressionSite[] {
  return pragmaSites(pragmas ?? jsonPragmas(source), known, atGivenValue);
}

/** The `vtaplint-disable-next-line` comments of a JSON file. */
function jsonPragmas(source: SourceText): Pragma[] {
  if (!source.text.includes('vtaplint-')) return [];
  const trivia: Trivia[] = [];
  const scanner = createScanner(source.text, false);
  for (let k: number = scanner.scan(); k !== EOF; k = scanner.scan()) {
    if (k === LINE_COMMENT || k === BLOCK_COMMENT) {
      const start = scanner.getTokenOffset();
      trivia.push({ kind: k === LINE_COMMENT ? 'line-comment' : 'block-comment', start, end: start + scanner.getTokenLength() });
    }
  }
  return collectPragmas(source, trivia).filter((p) => p.kind.startsWith('vtaplint-'));
}

/** `"metadata": {"vtaplint": {"suppress": {...}}}` of the deployed resources (once per declaration: copy loops share one). */
export function metadataSites(resources: readonly DeployedResource[], known: ReadonlySet<string>): SuppressionSite[] {
  const out: SuppressionSite[] = [];
  const seen = new Set<string>();
  for (const r of resources) {
    const suppress = path(r.decl, ['metadata', 'vtaplint', 'suppress']);
    if (!suppress || !isTObject(suppress.node)) continue;
    const decl = r.span;
    const key = `${decl.file.path}\u0000${decl.range().start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const obj = suppress.node;
    for (const id of Object.keys(obj)) {
      const v = obj[id];
      const reason = typeof v === 'string' && v.trim() ? v.trim() : undefined;
      out.push(
        site('inSource', 'metadata.vtaplint.suppress', id, reason, suppress.span.keySpan(obj, id), true, known.has(id), (c) => {
          if (c.finding.ruleId !== id) return false;
          return within(c.finding.span, decl) || (c.resource !== undefined && sameFile(c.resource.file, decl.file) && c.resource.range().start === decl.range().start);
        }),
      );
    }
  }
  return out;
}

function path(root: Located<TObject>, keys: readonly string[]): Located | undefined {
  let cur: Located = root;
  for (const k of keys) {
    if (!isTObject(cur.node)) return undefined;
    const next = childOf(cur as Located<TObject>, k);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

/** Sites of a config's `suppressions` (shared by every file under that config). */
export function configSites(config: EffectiveConfig, known: ReadonlySet<string>, now: Date): SuppressionSite[] {
  return config.suppressions.map((s, i) => {
    const expired = s.expires !== undefined && isExpired(s.expires, now) ? s.expires : undefined;
    // Named by its place in the config, not by the config's path: the finding points at the
    // entry already, and a message must not depend on where the repository is checked out
    // (baselines compare messages).
    return site('external', `config (suppressions[${i}])`, s.rule, s.reason, s.span, true, known.has(s.rule), (c) => configApplies(config, s, c), expired);
  });
}

/** A config suppression may concern a file (its `files` match): only then can it be called unused. */
export function configConcerns(config: EffectiveConfig, s: ConfigSuppression, file: string): boolean {
  return s.files.length === 0 || matchesConfigGlobs(config, file, s.files);
}

function configApplies(config: EffectiveConfig, s: ConfigSuppression, c: Candidate): boolean {
  const f = c.finding;
  if (f.ruleId !== s.rule) return false;
  if (!configConcerns(config, s, f.location.file.path)) return false;
  if (s.resource === undefined) return true;
  const want = s.resource.toLowerCase();
  // The name, the symbolic name or "<type>/<name>" (schema): a Bicep resource is named by its
  // symbolic name in findings, but a config may well give the name it deploys with.
  return [f.logical, ...(c.names ?? [])].some((n) => {
    const full = n?.toLowerCase();
    return full !== undefined && (full === want || full.endsWith(`/${want}`));
  });
}

/** `expires` is the last day (UTC) the suppression applies. */
export function isExpired(expires: string, now: Date): boolean {
  const last = Date.parse(`${expires}T00:00:00Z`);
  return Number.isFinite(last) && now.getTime() >= last + 24 * 3600 * 1000;
}

function site(
  kind: SuppressionSite['kind'],
  form: string,
  ruleId: string,
  reason: string | undefined,
  span: Span,
  needsReason: boolean,
  known: boolean,
  appliesTo: (c: Candidate) => boolean,
  expired?: string,
): SuppressionSite {
  return { kind, form, ruleId, reason, span, needsReason, known, expired, used: false, appliesTo };
}

/**
 * Suppressions listed on one finding (SARIF result.suppressions), the first in the sites' order;
 * every one that applies still counts as used. 1,000 nested #disable-diagnostics of one code over
 * 1,000 findings listed a million: a 543 MB SARIF log from 150 KB of Bicep, 1.5 GB of memory.
 */
export const MAX_LISTED_SUPPRESSIONS = 8;

/** Marks the candidates the sites suppress (finding.suppressions) and the sites that were used. */
export function applySuppressions(candidates: readonly Candidate[], sites: readonly SuppressionSite[]): void {
  if (sites.length === 0) return;
  // A site applies only to findings of its rule, and a pragma only to findings on its lines: each
  // finding is tried against the sites of its rule that may apply, looked up by file and line,
  // not against every site (findings x sites was quadratic: 20,000 #disable-next-line lines and
  // as many findings of one rule made 400 million calls). They are tried in the sites' order.
  const byRule = new Map<string, RuleSites>();
  sites.forEach((s, order) => {
    if (!s.known || s.expired) return;
    let r = byRule.get(s.ruleId);
    if (!r) byRule.set(s.ruleId, (r = { other: [], files: new Map() }));
    const at: Ordered = { site: s, order };
    if (!s.lines) {
      r.other.push(at);
      return;
    }
    let f = r.files.get(s.lines.path);
    if (!f) r.files.set(s.lines.path, (f = { points: new Map(), ranges: [] }));
    if (s.lines.to === s.lines.from + 1) {
      const list = f.points.get(s.lines.from);
      if (list) list.push(at);
      else f.points.set(s.lines.from, [at]);
    } else f.ranges.push(at);
  });
  for (const r of byRule.values()) for (const f of r.files.values()) prepareRanges(r, f);
  for (const c of candidates) {
    // unused-suppression findings are not themselves suppressible: that would hide the reminder.
    if (c.finding.ruleId === UNUSED_SUPPRESSION) continue;
    const r = byRule.get(c.finding.ruleId);
    if (!r) continue;
    let listed = 0;
    for (const { site: s } of sitesFor(r, c)) {
      if (!s.appliesTo(c)) continue;
      s.used = true;
      if (listed++ < MAX_LISTED_SUPPRESSIONS) (c.finding.suppressions ??= []).push({ kind: s.kind, justification: s.reason, location: locate(s.span) });
    }
  }
}

interface Ordered {
  site: SuppressionSite;
  /** Its place among the sites given: a finding gets its suppressions in that order. */
  order: number;
}

interface FileSites {
  /** Sites of one line (the next-line forms), by that line. */
  points: Map<number, Ordered[]>;
  /** Sites of longer runs of lines, by their first line (see prepareRanges). */
  ranges: Ordered[];
}

interface RuleSites {
  /** Sites not tied to lines (metadata, config): tried for every finding of the rule. */
  other: Ordered[];
  files: Map<string, FileSites>;
}

const lines = (o: Ordered) => o.site.lines as NonNullable<SuppressionSite['lines']>;

/**
 * Sorts a file's ranges by their first line. A file's #disable-diagnostics of one code each end at
 * the first #restore-diagnostics after them, so a range that starts later never ends earlier; the
 * ranges holding a line are then one run of that order, found by a binary search and a walk back
 * (sitesFor). Ranges that do not have that shape (none do today) are tried for every finding.
 */
function prepareRanges(r: RuleSites, f: FileSites): void {
  f.ranges.sort((a, b) => lines(a).from - lines(b).from || a.order - b.order);
  for (let i = 1; i < f.ranges.length; i++) {
    if (lines(f.ranges[i] as Ordered).to < lines(f.ranges[i - 1] as Ordered).to) {
      pushAll(r.other, f.ranges);
      r.other.sort((a, b) => a.order - b.order);
      f.ranges = [];
      return;
    }
  }
}

/** The sites of a rule that may apply to a candidate, in their order. */
function sitesFor(r: RuleSites, c: Candidate): readonly Ordered[] {
  const f = r.files.get(c.finding.location.file.path);
  if (!f) return r.other;
  const line = c.finding.location.region.start.line;
  const found: Ordered[] = [...r.other, ...(f.points.get(line) ?? [])];
  // The last range starting on or before the line, and the ones before it while they reach it.
  let lo = 0;
  let hi = f.ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines(f.ranges[mid] as Ordered).from <= line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && lines(f.ranges[i] as Ordered).to > line; i--) found.push(f.ranges[i] as Ordered);
  if (found.length > 1) found.sort((a, b) => a.order - b.order);
  return found;
}

/**
 * What is wrong with a site, if anything: the message of its unused-suppression finding. `ruleIds`:
 * the rules there are, for the one spelt alike when the site names none of them (a typo in a rule
 * id silently suppressed nothing until this warning, which then says what was meant).
 */
export function siteProblem(s: SuppressionSite, ruleIds: readonly string[] = []): string | undefined {
  const what = s.ruleId ? `'${s.ruleId}'` : '(no rule id)';
  if (s.unsupported) {
    return `'${s.form}' is not a vtaplint directive and suppresses nothing (vtaplint has no block suppressions): write '// vtaplint-disable-next-line <rule-id> -- <reason>' on the line before a finding, or '// vtaplint-disable-line <rule-id> -- <reason>' at the end of its line`;
  }
  if (!s.ruleId) return `the ${s.form} suppression names no rule id`;
  if (!s.known) {
    const near = suggestion(s.ruleId, ruleIds);
    return `the ${s.form} suppression of ${what} names no vtaplint rule${near ? `; did you mean '${near}'?` : ''}`;
  }
  if (s.expired) return `the ${s.form} suppression of ${what} expired on ${s.expired}: the finding is reported again; renew it with a reason, or fix the finding`;
  if (!s.used) return `the ${s.form} suppression of ${what} is unused: no ${s.ruleId} finding is there to suppress; remove it`;
  if (s.needsReason && !s.reason) {
    return s.kind === 'external' ? `the ${s.form} suppression of ${what} has no reason: add "reason"` : `the ${s.form} suppression of ${what} has no reason: add one${s.form.startsWith('//') ? " after ' -- '" : ' as the value'}`;
  }
  return undefined;
}
