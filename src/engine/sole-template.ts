// Whether a run deploys one template, decided from the files found before any is linted: then the
// --parameters files are that template's own, as a deployment command gives them to the one
// template it deploys, and an entry the template does not declare is ARM's rejection (see
// LintOptions.parameterFilesBelong). Files that deploy nothing do not count: a package.json, an
// earlier report, the template's own parameters files (x.parameters.json, an environment's).
import { extensionOf, type DiscoveredFile } from '../discover/discover.js';
import { readSource } from '../load/read.js';
import { looksLikeTemplateText } from '../load/classify.js';
import { PARAMETERS_FILE_NAME } from './analyze.js';

export function deploysOneTemplate(files: readonly DiscoveredFile[]): boolean {
  let templates = 0;
  for (const f of files) {
    const ext = extensionOf(f.path);
    // A .bicepparam file deploys its template: a deployment of its own.
    let deploys = ext === 'bicep' || ext === 'bicepparam';
    if (!deploys && (ext === 'json' || ext === 'jsonc') && !PARAMETERS_FILE_NAME.test(f.path)) {
      // JSON is read to tell (the lint reads it again; this stops at the second template).
      const read = readSource(f.path, 'arm');
      deploys = read.ok && looksLikeTemplateText(read.source.text);
    }
    if (deploys && ++templates > 1) return false;
  }
  return templates === 1;
}
