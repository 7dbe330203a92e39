// A file as read from disk: its text and the means to turn offsets into line/column positions.
// Line starts are computed on first use only, because most files never need a position
// (positions are only needed where a finding is reported).
import { nodeZlib } from './lazy-builtins.js';

export type SourceKind = 'arm' | 'arm-parameters' | 'bicep' | 'bicepparam' | 'other';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (SARIF's default column kind). */
  column: number;
}

/** A text deflated (SourceText.pack), with the encoding that gives it back exactly. */
interface PackedText {
  bytes: Buffer;
  encoding: 'latin1' | 'utf16le';
}

export class SourceText {
  private lineStartsCache: Int32Array | undefined;
  private content: string | undefined;
  /** The text deflated while it is not needed (see pack); set exactly when `content` is not. */
  private packed: PackedText | undefined;

  constructor(
    /** Absolute path on disk (or a virtual path for in-memory sources). */
    readonly path: string,
    text: string,
    readonly kind: SourceKind,
  ) {
    this.content = text;
  }

  /** The text, without a leading byte order mark. */
  get text(): string {
    return this.content ?? this.unpack();
  }

  /**
   * Keeps the text deflated until it is asked for again. A large template's text is needed to
   * parse it and to place findings, not while rules run over its deployment, when memory is
   * fullest: 17 MB of JSON deflate to well under 1 MB in ~15 ms, and inflate in ~25 ms. In
   * memory, not read again from disk, where the file may have changed in between.
   */
  pack(): void {
    const text = this.content;
    if (text === undefined) return;
    // One byte per character when every character fits (JSON is mostly ASCII), else UTF-16:
    // either way the exact string comes back, lone surrogates included.
    const encoding = /[\u0100-\uffff]/.test(text) ? 'utf16le' : 'latin1';
    this.packed = { bytes: nodeZlib().deflateRawSync(Buffer.from(text, encoding), { level: 1 }), encoding };
    this.content = undefined;
  }

  private unpack(): string {
    const p = this.packed as PackedText;
    const text = nodeZlib().inflateRawSync(p.bytes).toString(p.encoding);
    this.content = text;
    this.packed = undefined;
    return text;
  }

  /**
   * Offsets where each line starts; CRLF, LF and a lone CR all end a line. Counted first, then
   * filled in, in a typed array: kept with the file, and a 17 MB template has 580,000 lines (a
   * push-grown array of them took ~10 MB, this 2.3 MB).
   */
  lineStarts(): Int32Array {
    if (this.lineStartsCache) return this.lineStartsCache;
    let count = 1;
    eachLineStart(this.text, () => count++);
    const starts = new Int32Array(count);
    let n = 1;
    eachLineStart(this.text, (offset) => (starts[n++] = offset));
    this.lineStartsCache = starts;
    return starts;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (starts[lo] as number) + 1 };
  }

  /** Offset of a 1-based line and column (used by tests and by suppression comments). */
  offsetAt(line: number, column: number): number {
    const starts = this.lineStarts();
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] as number;
    return Math.min(start + column - 1, this.text.length);
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}

/**
 * Calls `at` with the offset after each line break (CRLF, LF or a lone CR), in order. The breaks
 * are found with indexOf, which searches many characters at a time: a loop over every character
 * took 67 ms per pass on a 17 MB template.
 */
function eachLineStart(t: string, at: (offset: number) => void): void {
  let lf = t.indexOf('\n');
  let cr = t.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr < 0 || (lf >= 0 && lf < cr)) {
      at(lf + 1);
      lf = t.indexOf('\n', lf + 1);
      continue;
    }
    // A CR before the next LF: with that LF right after it, one CRLF break; else a lone CR.
    if (lf === cr + 1) {
      at(lf + 1);
      lf = t.indexOf('\n', lf + 1);
    } else at(cr + 1);
    cr = t.indexOf('\r', cr + 1);
  }
}
