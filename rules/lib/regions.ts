// Region names as Azure knows them, to tell a misspelt location ('eastus3', 'East-US') from a
// real one in messages: "'eastus3' is not an Azure region vtaplint knows (did you mean 'eastus'?)".
import { normalizeRegion } from '../../src/graph/vtap.js';
import { suggestion } from '../../src/model/spelling.js';
import type { RuleContext } from '../../src/engine/rule.js';
import data from '../data/azure-regions.json' with { type: 'json' };

const KNOWN: readonly string[] = data.regions;
const KNOWN_SET: ReadonlySet<string> = new Set(KNOWN);

/**
 * For a location that is no Azure region (compared as ARM compares them: case and spaces aside),
 * the words that say so, with the nearest region when one is close; undefined for a known region,
 * or one the config's region lists name.
 */
export function unknownRegion(location: string, lists: RuleContext['regions']): string | undefined {
  const region = normalizeRegion(location);
  if (KNOWN_SET.has(region) || lists.supported.has(region) || lists.comingSoon.has(region)) return undefined;
  const near = suggestion(region, KNOWN);
  return `'${location}' is not an Azure region vtaplint knows${near !== undefined ? ` (did you mean '${near}'?)` : ''}`;
}
