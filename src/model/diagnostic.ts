// What a pipeline stage reports about the input itself (a file that cannot be parsed, an
// expression ARM would reject, a limit that was hit). The engine turns these into findings of
// the core rules in rules/ (invalid-template, evaluation-error, limit-exceeded, ...).
import type { Span } from './span.js';

export type DiagnosticCode =
  | 'invalid-template'
  | 'evaluation-error'
  | 'limit-exceeded'
  | 'unresolved-reference'
  | 'note'
  /** A bug in vtaplint met while analysing (never bad input): a tool notification, not a finding. */
  | 'internal-error';

export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  span: Span;
  related?: { span: Span; message: string }[];
  /** Below the rule's default level (a failure that depends on what exists in Azure); a level set in the config wins. */
  level?: 'warning' | 'note';
  /** The file could not be read at all (permissions, I/O): also a tool notification in SARIF. */
  unreadable?: boolean;
  /**
   * The file (absolute) whose absence this is about: a module or linked template that does not
   * exist. With --context, naming that file (a change that deletes it) reports the diagnostic.
   */
  missingFile?: string;
}

/** Collects diagnostics; stages receive one instead of throwing for bad input. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(d: Diagnostic): void {
    // The same problem reached twice (a variable used twice, a loop body) is reported once.
    const key = `${d.code}\u0000${d.span.identity()}\u0000${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  /** Where it stands now: rollBack() to it drops what was added since (a trial evaluation's errors). */
  mark(): number {
    return this.items.length;
  }

  rollBack(mark: number): void {
    for (const d of this.items.splice(mark)) this.seen.delete(`${d.code}\u0000${d.span.identity()}\u0000${d.message}`);
  }
}

/**
 * Whether one of vtaplint's limits cut the analysis short (maxCopyCount, maxResources, ...):
 * resources it did not expand exist all the same, so that a name names nothing is never certain.
 */
export function limitReached(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'limit-exceeded');
}
