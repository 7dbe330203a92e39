import { defineRule } from '../src/engine/rule.js';
import { at } from '../src/expr/located.js';
import { normalizeRegion, taps } from '../src/graph/vtap.js';
import { unknownRegion } from './lib/regions.js';
import { Unknown } from '../src/expr/value.js';
import { VALUE_ORIGIN, describeUnknown } from '../src/engine/describe.js';
import { unknownOrigin } from './lib/support.js';
import docs from './vtap-supported-region.md';

/**
 * What makes an unknown region known. The config's deployment.location gives the location of the
 * deployment's own resource group (resourceGroup().location, deployment().location); not that of
 * another resource group a module or nested deployment is deployed to (its unknown's symbol is
 * resourceGroup('monitoring-rg').location), nor a location read from a resource that exists
 * already (hubVnet.location): only a value written in the template or a parameter gives those.
 */
function howToKnow(v: Unknown): string {
  const symbol = v.symbol ?? '';
  if (symbol === 'resourceGroup().location' || symbol === 'deployment().location') return 'set "deployment.location" in vtaplint.config.json to check it; where a parameter takes the location, passing it works too';
  if (v.reason.code === 'parameter-without-value') return 'pass the parameter (a parameters file, or -p) to check it';
  if (symbol.endsWith('.location') && symbol.startsWith('resourceGroup('))
    return `it is the location of ${symbol.slice(0, -'.location'.length)}, another resource group than the deployment's, which "deployment.location" in vtaplint.config.json does not describe: pass the location as a parameter to check it`;
  return 'write the region, or pass it as a parameter, to check it';
}

export default defineRule(
  {
    id: 'vtap-supported-region',
    name: 'VtapSupportedRegion',
    shortDescription: 'A virtual network TAP is deployed in a region where Azure offers virtual network TAP.',
    fullDescription:
      'Virtual network TAP is in public preview in a few regions only. A TAP in any other region fails to deploy; a TAP in a region listed as "coming soon" fails until Azure enables it there. A location only known at deployment is decided by the regions it can be (a parameter\'s allowedValues) when they agree. The region lists are data (rules/data/vtap-facts.json) and can be overridden in vtaplint.config.json.',
    defaultLevel: 'error',
    tags: ['vtap'],
    precision: 'very-high',
    source: 'Virtual network TAP overview, "Supported Regions" and "Coming soon"',
  },
  docs,
  (ctx) => {
    // An empty list (a config that lists none) still reads as a sentence.
    const supported = [...ctx.regions.supported].join(', ') || '(none: the config lists no supported region in regions.supported)';
    for (const tap of taps(ctx.graph)) {
      const loc = at(tap.root, 'location');
      const v = loc.value;
      if (v === undefined) {
        // Not a value known only at deployment: there is none. Microsoft.Network rejects a TAP,
        // as any of its tracked resources, without a location ("LocationRequired: The location
        // property is required for this definition"), though the schema does not mark it required
        // and Bicep's required-properties completion leaves it out. Reported at the name.
        ctx.fail({
          message: `TAP '${tap.displayName}' sets no location; Azure rejects a network resource without one (LocationRequired), and virtual network TAP is only available in: ${supported}: set location to one of them`,
          span: tap.nameSpan,
          resource: tap,
        });
      } else if (v instanceof Unknown && v.oneOf !== undefined && v.oneOf.length > 0) {
        // The regions it can be (a parameter's allowedValues, the branches of a Bicep `?:`): the
        // verdict is theirs when they all agree.
        const can = v.choice ? 'can be in' : 'allows';
        const choices = v.oneOf;
        const names = choices.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)));
        const isSupported = (r: unknown) => typeof r === 'string' && ctx.regions.supported.has(normalizeRegion(r));
        const isComingSoon = (r: unknown) => typeof r === 'string' && ctx.regions.comingSoon.has(normalizeRegion(r));
        const notSupported = names.filter((_, i) => !isSupported(choices[i]));
        const base = { span: loc.span, related: unknownOrigin(v, loc.span), resource: tap };
        if (notSupported.length === 0) ctx.pass({ ...base, message: `every region TAP '${tap.displayName}' ${can} (${names.join(', ')}) supports virtual network TAP` });
        else if (notSupported.length === names.length) {
          const soon = choices.every(isComingSoon);
          ctx.fail({
            ...base,
            message: `the region of TAP '${tap.displayName}' is ${describeUnknown(v)}, and no region it ${can} (${names.join(', ')}) ${soon ? 'has virtual network TAP yet (they are only "coming soon")' : 'supports virtual network TAP'}; deploy it in one of: ${supported}`,
            ...(soon ? { level: 'warning' as const } : {}),
          });
        } else {
          ctx.indeterminate({
            ...base,
            message: `the region of TAP '${tap.displayName}' is ${describeUnknown(v)}, and of the regions it ${can}, ${notSupported.join(', ')} ${notSupported.length === 1 ? 'does' : 'do'} not support virtual network TAP (only ${supported} do)`,
          });
        }
      } else if (v instanceof Unknown) {
        ctx.indeterminate({
          message: `the region of TAP '${tap.displayName}' is ${describeUnknown(v)}; virtual network TAP is only available in: ${supported} (${howToKnow(v)})`,
          span: loc.span,
          related: v.reason.span && v.reason.span !== loc.span ? [{ span: v.reason.span, message: VALUE_ORIGIN }] : [],
          resource: tap,
        });
      } else if (typeof v !== 'string') {
        ctx.fail({ message: `the location of TAP '${tap.displayName}' is not a string; set it to the name of a region, one of: ${supported}`, span: loc.span, resource: tap });
      } else {
        const region = normalizeRegion(v);
        if (ctx.regions.supported.has(region)) ctx.pass({ message: `region '${v}' supports virtual network TAP`, span: loc.span, resource: tap });
        else if (ctx.regions.comingSoon.has(region))
          ctx.fail({
            message: `TAP '${tap.displayName}' is in '${v}', where virtual network TAP is only "coming soon"; deploy it in one of: ${supported}`,
            span: loc.span,
            resource: tap,
            level: 'warning',
          });
        else {
          // A misspelt region ('eastus3', 'East-US'): ARM rejects the location itself; say so, and
          // name the region it is likely meant to be.
          const typo = unknownRegion(v, ctx.regions);
          ctx.fail({
            message: typo
              ? `TAP '${tap.displayName}' is in '${v}', but ${typo}: Azure rejects a location it does not have, and virtual network TAP is only available in: ${supported}`
              : `TAP '${tap.displayName}' is in '${v}', where virtual network TAP is not available; deploy it in one of: ${supported}`,
            span: loc.span,
            resource: tap,
          });
        }
      }
    }
  },
);
