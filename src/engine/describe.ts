// Words for unknown values in messages: what made them unknown, naming the expression.
import type { Unknown } from '../expr/value.js';
import { spanText } from './finding.js';

/** "only known at deployment (resourceGroup().location)". */
export function describeUnknown(u: Unknown): string {
  const what = u.reason.span ? spanText(u.reason.span) : undefined;
  const shown = what && what.length <= 120 ? ` (${what})` : '';
  switch (u.reason.code) {
    case 'deployment-time':
      return `only known at deployment${shown}`;
    case 'runtime-state':
      return `read from a deployed resource at deployment time${shown}`;
    case 'parameter-without-value':
      // The reason names the parameter; its span is the declaration, not worth quoting. Not "not set":
      // the property may well be set, to an expression that reads the parameter.
      return `unknown: ${u.reason.message}`;
    case 'secure':
      return `a secure value${shown}`;
    case 'external-resource':
      // The reason names the resource (src/deploy/deploy.ts, outsideView).
      return `${u.reason.message}${shown}`;
    case 'not-fetched':
      // What the front end could not read says itself what it is (an unset environment variable, an external input, ...).
      return `not known to vtaplint: ${u.reason.message}`;
    case 'limit':
      return `not evaluated because a limit was reached${shown}`;
    case 'error':
      return u.reason.rejected ? `not known: ${u.reason.message}` : `not computable because of an error${shown}`;
    case 'unsupported':
      return `not computable by vtaplint${shown}`;
  }
}

/** What a rule says at the expression that made a value unknown; the engine drops it where a supplied value's place says more (related.ts withSupplied). */
export const VALUE_ORIGIN = 'the value comes from here';
