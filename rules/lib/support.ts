// Small helpers the vTAP rules share: related locations for unknown values, and the wording of
// a source's declaration.
import { Unknown, type Value } from '../../src/expr/value.js';
import type { RelatedLocation } from '../../src/engine/rule.js';
import type { Span } from '../../src/model/span.js';
import type { TapSource } from '../../src/graph/vtap.js';
import { nicName } from '../../src/graph/vtap.js';

/** "the value comes from here" at the expression that made a value unknown (when it is elsewhere). */
export function unknownOrigin(v: Value | undefined, span: Span): RelatedLocation[] {
  return v instanceof Unknown && v.reason.span && v.reason.span !== span ? [{ span: v.reason.span, message: 'the value comes from here' }] : [];
}

/** A related location at a source's declaration (the tap configuration, or the NIC's virtualNetworkTaps entry). */
export function sourceRelated(source: TapSource): RelatedLocation {
  const how =
    source.declaration === 'child'
      ? `tap configuration '${source.holder.displayName}'`
      : source.declaration === 'inline'
        ? `the inline tapConfigurations entry of '${nicName(source.nic)}'`
        : source.declaration === 'scaleset'
          ? `the virtualNetworkTaps entry of scale set '${source.holder.displayName}'`
          : `the virtualNetworkTaps entry of '${nicName(source.nic)}'`;
  return { span: source.tapId.span, message: `the TAP source: ${how}` };
}
