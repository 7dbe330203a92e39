// Suppression pragmas of a Bicep file, gathered from the lexer's trivia for the engine:
//   #disable-next-line code1 code2          Bicep's own directive (codes of Bicep or of our rules)
//   #disable-diagnostics code1 ...          from this line on, until
//   #restore-diagnostics code1 ...
//   // vtaplint-disable-next-line rule-a, rule-b -- reason   (also in a /* ... */ comment)
//   ... // vtaplint-disable-line rule-a -- reason            (at the end of the line it is for)
//   // vtaplint-disable, // vtaplint-enable                  (ESLint's block forms, which vtaplint
//                                                             does not have: kept to be reported)
// Only the text is interpreted here; whether the ids are known rules is the engine's business.
import type { SourceText } from '../model/source.js';
import { TextSpan } from '../model/span.js';
import type { Trivia } from './lexer.js';

export type PragmaKind = 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics' | 'vtaplint-disable-next-line' | 'vtaplint-disable-line' | 'vtaplint-unsupported';

export interface Pragma {
  kind: PragmaKind;
  /** Codes or rule ids as written; empty when none were given. */
  ruleIds: string[];
  /** Text after ` -- ` in a vtaplint comment. */
  reason?: string;
  /** For 'vtaplint-unsupported': the directive as written (`vtaplint-disable`). */
  directive?: string;
  /**
   * 1-based line the pragma applies to: the next line for the *-next-line forms, the pragma's
   * own line for disable-/restore-diagnostics (which take effect from there on) and for
   * vtaplint-disable-line (the line the comment starts on).
   */
  line: number;
  span: TextSpan;
}

const VTAPLINT = 'vtaplint-disable-next-line';
const VTAPLINT_LINE = 'vtaplint-disable-line';
/** ESLint's block directives: a user may write them expecting them to work, and would get nothing without a word. */
const UNSUPPORTED = /^(vtaplint-(?:disable|enable))(?=$|[\s,])/;

export function collectPragmas(source: SourceText, trivia: readonly Trivia[]): Pragma[] {
  const out: Pragma[] = [];
  const text = source.text;
  for (const t of trivia) {
    const raw = text.slice(t.start, t.end);
    const span = new TextSpan(source, t.start, t.end);
    if (t.kind === 'directive') {
      const words = raw.slice(1).split(/[ \t]+/).filter((w) => w.length > 0);
      const kind = words[0] as PragmaKind;
      const ownLine = source.position(t.start).line;
      out.push({ kind, ruleIds: words.slice(1), line: kind === 'disable-next-line' ? ownLine + 1 : ownLine, span });
      continue;
    }
    const body = t.kind === 'line-comment' ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
    const trimmed = body.trim();
    const unsupported = UNSUPPORTED.exec(trimmed);
    if (unsupported) {
      out.push({ kind: 'vtaplint-unsupported', ruleIds: [], directive: unsupported[1] as string, line: source.position(t.start).line, span });
      continue;
    }
    const sameLine = trimmed.startsWith(VTAPLINT_LINE);
    if (!sameLine && !trimmed.startsWith(VTAPLINT)) continue;
    const after = trimmed.slice((sameLine ? VTAPLINT_LINE : VTAPLINT).length);
    // `vtaplint-disable-next-lines` is not the pragma.
    if (after.length > 0 && !/^[\s,]/.test(after)) continue;
    const sep = after.indexOf('--');
    const ids = (sep >= 0 ? after.slice(0, sep) : after).split(/[\s,]+/).filter((w) => w.length > 0);
    const reason = sep >= 0 ? after.slice(sep + 2).trim() : '';
    if (sameLine) {
      out.push({ kind: 'vtaplint-disable-line', ruleIds: ids, ...(reason ? { reason } : {}), line: source.position(t.start).line, span });
      continue;
    }
    const endLine = source.position(t.end).line;
    out.push({ kind: 'vtaplint-disable-next-line', ruleIds: ids, ...(reason ? { reason } : {}), line: endLine + 1, span });
  }
  return out;
}
