// Which JSON files are ARM templates, which are parameter files, and which are other JSON
// (package.json, tsconfig.json, ...) that vtaplint skips silently.
import { isTObject, ownProp, type TNode } from '../model/template.js';

export type JsonKind = 'template' | 'parameters' | 'other';

/** Names only ARM parameters files have: x.parameters.json, x.parameters.<env>.json. */
export const PARAMETERS_FILE_NAME = /\.parameters(\.[^./\\]+)?\.jsonc?$/i;

/**
 * Whether a .bicepparam file's text says `using none` (it names no template: it is extended, or
 * given to a template with --parameters), read before the file is parsed. A byte order mark
 * (Visual Studio writes one) is no part of the first line.
 */
export function saysUsingNone(text: string): boolean {
  return /^[ \t]*using[ \t]+none\b/m.test(text.replace(/^\uFEFF/, ''));
}

const TEMPLATE_SCHEMA = /deploymentTemplate\.json/i;
const PARAMETERS_SCHEMA = /deploymentParameters\.json/i;

// ARM reads a template's keys in any case ("Resources", "ContentVersion"): so does this.
export function classifyJson(root: TNode | undefined): JsonKind {
  if (!isTObject(root)) return 'other';
  const schema = ownProp(root, '$schema');
  if (typeof schema === 'string') {
    if (TEMPLATE_SCHEMA.test(schema)) return 'template';
    if (PARAMETERS_SCHEMA.test(schema)) return 'parameters';
  }
  const hasVersion = ownProp(root, 'contentVersion') !== undefined || ownProp(root, 'languageVersion') !== undefined;
  const resources = ownProp(root, 'resources');
  if (resources !== undefined && hasVersion) return 'template';
  if (isTObject(ownProp(root, 'parameters')) && ownProp(root, 'contentVersion') !== undefined && resources === undefined) return 'parameters';
  return 'other';
}

/** For text that does not parse: does it look like an ARM template someone meant to write? */
export function looksLikeTemplateText(text: string): boolean {
  return TEMPLATE_SCHEMA.test(text) || (/"resources"\s*:/i.test(text) && /"(contentVersion|languageVersion)"\s*:/i.test(text));
}

export function looksLikeParametersText(text: string): boolean {
  return PARAMETERS_SCHEMA.test(text);
}
