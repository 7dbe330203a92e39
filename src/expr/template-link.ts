// The URI a template was deployed from, deployment().properties.templateLink.uri, is known only at
// deployment, but a file named relative to it is known: quickstart-style templates link their
// nested templates as uri(parameters('_artifactsLocation'), 'nestedtemplates/tap.json'), with
// _artifactsLocation defaulting to that URI. uri() of it keeps the relative part beside a piece
// that stands for the template's folder, and the deploy stage reads the file there (beside the
// template that called deployment(), as ARM fetches it beside the template it deployed).
import { Unknown, type Value } from './value.js';
import { partialString } from './ops.js';

/** The symbol unknownMember gives deployment().properties.templateLink.uri (lowercased to compare). */
const LINK_URI = 'deployment().properties.templatelink.uri';

/** The symbol of the folder piece: the template's URI with its file name taken off. */
export const TEMPLATE_FOLDER = "uri(deployment().properties.templateLink.uri, '.')";

/** Whether `u` is the URI the template was deployed from. */
export function isTemplateLinkUri(u: Unknown): boolean {
  return u.symbol !== undefined && u.symbol.length === LINK_URI.length && u.symbol.toLowerCase() === LINK_URI;
}

/**
 * uri(templateLink.uri, rel) for a relative reference `rel` (no scheme, not '//host'): the
 * template's folder followed by `rel`, as ARM resolves it. `rel` may end in a part known only at
 * deployment after a known '.json' file name: the SAS token such links append
 * (concat('nestedtemplates/tap.json', parameters('_artifactsLocationSasToken')), a secure
 * parameter whose value vtaplint never reads). Undefined for anything else.
 */
export function besideTemplate(base: Unknown, rel: string | Unknown): Value | undefined {
  if (!isTemplateLinkUri(base)) return undefined;
  const head = typeof rel === 'string' ? rel : rel.parts?.[0];
  if (typeof head !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(head) || head.startsWith('//')) return undefined;
  if (typeof rel !== 'string' && !JSON_FILE.test(head)) return undefined;
  const folder = new Unknown(base.reason, 'string', undefined, TEMPLATE_FOLDER);
  const first = head.startsWith('/') ? head.slice(1) : head;
  return partialString(typeof rel === 'string' ? [folder, first] : [folder, first, ...(rel.parts ?? []).slice(1)]);
}

/** A relative path ending in a JSON file name, with no query yet. */
const JSON_FILE = /^[^?#]*\.json$/i;

/**
 * A linked template's URI that names a file beside the template that called deployment(): that
 * template's path (from the span of the call) and the relative path, its query (a SAS token) left
 * off; `guessed` when a part known only at deployment follows the file name (taken for a query).
 * Undefined for any other value.
 */
export function linkedBesideTemplate(v: Value): { template: string; rel: string; guessed: boolean } | undefined {
  if (!(v instanceof Unknown) || !v.parts || v.parts.length < 2) return undefined;
  const [first, ...rest] = v.parts;
  if (!(first instanceof Unknown) || first.symbol !== TEMPLATE_FOLDER) return undefined;
  const known = rest.findIndex((p) => typeof p !== 'string');
  const text = (known < 0 ? rest : rest.slice(0, known)).join('');
  const guessed = known >= 0;
  const rel = text.split(/[?#]/)[0] ?? '';
  const template = first.reason.span?.file.path;
  if (template === undefined || rel === '' || (guessed && !JSON_FILE.test(text))) return undefined;
  return { template, rel: decodeURIComponentSafe(rel), guessed };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
