// Findings as plain data, to cross a worker-thread boundary: a span becomes its file path,
// region, identity and text (all a formatter, a fingerprint or a baseline needs), so the whole
// source text is never copied back to the main thread.
import { SourceText, type SourceKind } from '../model/source.js';
import { Span, type Range, type Region } from '../model/span.js';
import type { AppliedSuppression, Finding } from './finding.js';
import type { OneResult } from './lint.js';
import type { CachedResult } from './result-cache.js';
import type { SuppressionSite } from './suppress.js';

export interface WireSpan {
  path: string;
  kind: SourceKind;
  region: Region;
  identity: string;
  text: string;
}

export interface WireFinding {
  ruleId: string;
  level: Finding['level'];
  kind: Finding['kind'];
  message: string;
  span: WireSpan;
  related: { span: WireSpan; message: string }[];
  logical: string | undefined;
  plainMessage: string | undefined;
  missingFile?: string;
  suppressions?: { kind: AppliedSuppression['kind']; justification: string | undefined; span: WireSpan }[];
}

function toWireSpan(file: SourceText, region: Region, span: Span | undefined): WireSpan {
  return { path: file.path, kind: file.kind, region, identity: span?.identity() ?? `${file.path}@${region.start.line}:${region.start.column}`, text: span?.text(400) ?? '' };
}

export function toWire(f: Finding): WireFinding {
  return {
    ruleId: f.ruleId,
    level: f.level,
    kind: f.kind,
    message: f.message,
    span: toWireSpan(f.location.file, f.location.region, f.span),
    related: f.related.map((r) => ({ span: toWireSpan(r.file, r.region, undefined), message: r.message })),
    logical: f.logical,
    plainMessage: f.plainMessage,
    ...(f.missingFile !== undefined ? { missingFile: f.missingFile } : {}),
    ...(f.suppressions
      ? { suppressions: f.suppressions.map((s) => ({ kind: s.kind, justification: s.justification, span: toWireSpan(s.location.file, s.location.region, undefined) })) }
      : {}),
  };
}

/** A span whose position and text were resolved in another thread. */
class ResolvedSpan extends Span {
  constructor(
    readonly file: SourceText,
    private readonly at: Region,
    private readonly id: string,
    private readonly covered: string,
  ) {
    super();
  }

  range(): Range {
    return { start: 0, end: 0 };
  }

  override region(): Region {
    return this.at;
  }

  override text(max = 400): string {
    return this.covered.slice(0, max);
  }

  identity(): string {
    return this.id;
  }

  child(): Span {
    return this;
  }

  keySpan(): Span {
    return this;
  }

  sub(): Span {
    return this;
  }

  override toString(): string {
    return `${this.file.path}:${this.at.start.line}:${this.at.start.column}`;
  }
}

/** Rebuilds findings on the main thread; files are shared stand-ins (path and kind, no text). */
export class WireReader {
  private readonly files = new Map<string, SourceText>();

  private file(path: string, kind: SourceKind): SourceText {
    let f = this.files.get(path);
    if (!f) {
      f = new SourceText(path, '', kind);
      this.files.set(path, f);
    }
    return f;
  }

  private span(w: WireSpan): Span {
    return new ResolvedSpan(this.file(w.path, w.kind), w.region, w.identity, w.text);
  }

  finding(w: WireFinding): Finding {
    const span = this.span(w.span);
    return {
      ruleId: w.ruleId,
      level: w.level,
      kind: w.kind,
      message: w.message,
      location: { file: span.file, region: w.span.region },
      related: w.related.map((r) => ({ file: this.file(r.span.path, r.span.kind), region: r.span.region, message: r.message })),
      logical: w.logical,
      plainMessage: w.plainMessage,
      fingerprint: '',
      span,
      ...(w.missingFile !== undefined ? { missingFile: w.missingFile } : {}),
      ...(w.suppressions
        ? { suppressions: w.suppressions.map((s) => ({ kind: s.kind, justification: s.justification, location: { file: this.file(s.span.path, s.span.kind), region: s.span.region } })) }
        : {}),
    };
  }
}

/**
 * A file's result as plain data (what a worker sends, what the result cache keeps); `sites` are
 * the config's suppression sites its lint was given, which say which of them it used.
 */
export function toWireResult(r: OneResult, sites: readonly SuppressionSite[]): CachedResult {
  return {
    kind: r.result.kind,
    path: r.result.path,
    findings: r.result.findings.map(toWire),
    passes: r.passes,
    notifications: r.notifications,
    usedConfigSuppressions: sites.flatMap((s, i) => (s.used ? [i] : [])),
    modules: r.modules ?? [],
    ...(r.parameters ? { parameters: r.parameters } : {}),
  };
}

/** A result sent as plain data (by a worker, or kept in the result cache), as the main thread uses it. */
export function fromWire(r: CachedResult, sites: readonly SuppressionSite[], reader: WireReader): OneResult {
  for (const i of r.usedConfigSuppressions) if (sites[i]) (sites[i] as SuppressionSite).used = true;
  return {
    result: { path: r.path, kind: r.kind, findings: r.findings.map((w) => reader.finding(w)) },
    passes: r.passes,
    notifications: r.notifications,
    modules: r.modules,
    ...(r.parameters ? { parameters: r.parameters } : {}),
  };
}
