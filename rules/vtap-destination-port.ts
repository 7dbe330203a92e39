import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { taps } from '../src/graph/vtap.js';
import { Unknown } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import facts from './data/vtap-facts.json' with { type: 'json' };
import { unknownOrigin } from './lib/support.js';
import docs from './vtap-destination-port.md';

const PORT = facts.defaultDestinationPort;

export default defineRule(
  {
    id: 'vtap-destination-port',
    name: 'VtapDestinationPort',
    shortDescription: `A TAP's destinationPort, when set, is ${PORT} (VXLAN).`,
    fullDescription: `The destination port of a virtual network TAP is no longer configurable: mirrored traffic arrives as VXLAN on UDP ${PORT}. A destinationPort other than ${PORT} is ignored or rejected, and a collector listening on it receives nothing. The rule warns when destinationPort is set to another value.`,
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Azure docs change (2024): "VTAP destination port is no longer configurable"; the REST example answers destinationPort 4789',
  },
  docs,
  (ctx) => {
    for (const tap of taps(ctx.graph)) {
      const port = at(tap.root, 'properties', 'destinationPort');
      const v = port.value;
      if (v === undefined || v === null) continue;
      const base = { span: port.span, resource: tap };
      if (v === PORT) ctx.pass({ ...base, message: 'default port' });
      else if (v instanceof Unknown) {
        if (v.oneOf && v.oneOf.every((x) => x === PORT)) ctx.pass({ ...base, message: 'default port' });
        else ctx.indeterminate({ ...base, related: unknownOrigin(v, port.span), message: `the destinationPort of TAP '${tap.displayName}' is ${describeUnknown(v)}; the port is no longer configurable and is always ${PORT}: remove destinationPort` });
      } else if (typeof v === 'string' && v.trim() === String(PORT))
        // The port, written as a string: the schema wants an integer.
        ctx.fail({
          ...base,
          message: `TAP '${tap.displayName}' sets destinationPort to the string "${v}", where the resource schema wants an integer; remove destinationPort (the port is always ${PORT}) or write it as the number ${PORT}`,
        });
      else
        ctx.fail({
          ...base,
          message: `TAP '${tap.displayName}' sets destinationPort ${JSON.stringify(v)}, but the destination port is no longer configurable: mirrored traffic arrives on UDP ${PORT}; remove destinationPort (or set it to ${PORT}) and listen on UDP ${PORT}`,
        });
    }
  },
);
