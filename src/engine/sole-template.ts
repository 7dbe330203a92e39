// Whether a run deploys one template, decided from the files found before any is linted: then the
// --parameters files are that template's own, as a deployment command gives them to the one
// template it deploys, and an entry the template does not declare is ARM's rejection (see
// LintOptions.parameterFilesBelong). Files that deploy nothing do not count: a package.json, an
// earlier report, the template's own parameters files (x.parameters.json, an environment's), a
// `using none` .bicepparam (given to a template, or extended), and the JSON the Bicep compiler
// made from a .bicep file of the run (linted through that file, not again).
import { extensionOf, type DiscoveredFile } from '../discover/discover.js';
import { readSource } from '../load/read.js';
import { PARAMETERS_FILE_NAME, looksLikeTemplateText, saysUsingNone } from '../load/classify.js';

/** The compiler's mark in the JSON it writes (metadata._generator.name "bicep"). */
const BICEP_GENERATED = /"_generator"\s*:\s*\{[^{}]*"name"\s*:\s*"bicep"/;

export function deploysOneTemplate(files: readonly DiscoveredFile[]): boolean {
  const withBicep = files.some((f) => extensionOf(f.path) === 'bicep');
  let templates = 0;
  for (const f of files) {
    const ext = extensionOf(f.path);
    let deploys = ext === 'bicep';
    // A .bicepparam file deploys its template (a deployment of its own), unless it names none.
    if (ext === 'bicepparam') {
      const read = readSource(f.path, 'bicepparam');
      deploys = !read.ok || !saysUsingNone(read.source.text);
    } else if ((ext === 'json' || ext === 'jsonc') && !PARAMETERS_FILE_NAME.test(f.path)) {
      // JSON is read to tell (the lint reads it again; this stops at the second template).
      const read = readSource(f.path, 'arm');
      deploys = read.ok && looksLikeTemplateText(read.source.text) && !(withBicep && !f.explicit && BICEP_GENERATED.test(read.source.text));
    }
    if (deploys && ++templates > 1) return false;
  }
  return templates === 1;
}
