// Whether a run deploys one template, decided from the files found before any is linted: then the
// --parameters files are that template's own, as a deployment command gives them to the one
// template it deploys, and an entry the template does not declare is ARM's rejection (see
// LintOptions.parameterFilesBelong). Files that deploy nothing do not count: a package.json, an
// earlier report, the template's own parameters files (x.parameters.json, an environment's), a
// `using none` .bicepparam (given to a template, or extended), and the JSON the Bicep compiler
// made from a .bicep file of the run, which the lint skips as its analysis does (skipsGenerated).
import { extensionOf, type DiscoveredFile } from '../discover/discover.js';
import { readSource } from '../load/read.js';
import { loadJson } from '../load/arm-json.js';
import { PARAMETERS_FILE_NAME, classifyJson, saysUsingNone } from '../load/classify.js';
import { skipsGenerated, type AnalyzeOptions } from './analyze.js';

/** `generated(f)`: which compiled JSON the lint of `f` skips (AnalyzeOptions.skipGeneratedFromBicep). */
export function deploysOneTemplate(files: readonly DiscoveredFile[], generated: (f: DiscoveredFile) => AnalyzeOptions['skipGeneratedFromBicep']): boolean {
  let templates = 0;
  for (const f of files) {
    const ext = extensionOf(f.path);
    let deploys = ext === 'bicep';
    // A .bicepparam file deploys its template (a deployment of its own), unless it names none.
    if (ext === 'bicepparam') {
      const read = readSource(f.path, 'bicepparam');
      deploys = !read.ok || !saysUsingNone(read.source.text);
    } else if ((ext === 'json' || ext === 'jsonc') && !PARAMETERS_FILE_NAME.test(f.path)) {
      // JSON is read and classified as its lint does (it is read again then; this stops at the second template).
      const read = readSource(f.path, 'arm');
      const root = read.ok ? loadJson(read.source).root : undefined;
      deploys = root !== undefined && classifyJson(root) === 'template' && !skipsGenerated({ skipGeneratedFromBicep: generated(f) }, f.path, root);
    }
    if (deploys && ++templates > 1) return false;
  }
  return templates === 1;
}
