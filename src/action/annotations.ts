// Annotations within what GitHub shows. The runner keeps at most 10 error, 10 warning and 10
// notice annotations per step and 50 per job (all steps together), and drops the rest without a
// word (actions/toolkit, docs/problem-matchers.md, "Limitations":
// https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md#limitations). A command
// past the cap would only be noise in the log and would hide nothing less, so the sink stops at
// the cap and counts what it left out; the caller puts the failure reason first so that it is
// never the one dropped. This step's 30 fit in the job's 50; other steps' annotations are theirs.
import { annotation, type AnnotationProps } from './runner.js';
import { ANNOTATIONS_PER_STEP, ANNOTATION_LIMIT_TEXT, type AnnotationKind } from '../report/github.js';

// The caps live with the github format, which says when a run goes past them.
export { ANNOTATIONS_PER_STEP, ANNOTATION_LIMIT_TEXT, type AnnotationKind };

export class AnnotationSink {
  private readonly used: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };
  /** Annotations not written because their level's cap was reached. */
  dropped = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly caps: Readonly<Record<AnnotationKind, number>> = ANNOTATIONS_PER_STEP,
  ) {}

  /** Writes the annotation unless its level is full; true when written. */
  add(kind: AnnotationKind, message: string, props: AnnotationProps = {}): boolean {
    if (this.used[kind] >= this.caps[kind]) {
      this.dropped++;
      return false;
    }
    this.used[kind]++;
    this.log(annotation(kind, message, props));
    return true;
  }
}
