// One file through the front half of the pipeline: read → load → deploy → graph. Shared by
// linting and the `graph` command, so both see exactly the same deployment.
import { DiagnosticSink, type Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import type { DeploymentContext } from '../expr/context.js';
import { extensionOf } from '../discover/discover.js';
import { readSource } from '../load/read.js';
import { loadJson } from '../load/arm-json.js';
import { classifyJson, looksLikeTemplateText } from '../load/classify.js';
import { associatedParameterFile, cliParameters, readParameterFile, type SuppliedParameters } from '../deploy/parameters.js';
import { deployFile, type DeployResult } from '../deploy/deploy.js';
import { ResourceGraph } from '../graph/graph.js';

export interface AnalyzeOptions {
  /** The lint root: linked templates and modules are read only inside it. */
  root: string;
  deployment: DeploymentContext;
  /** --parameters files (after the file associated by name). */
  parameterFiles?: readonly string[] | undefined;
  /** -p name=value (last). */
  params?: Readonly<Record<string, string>> | undefined;
  /** Named on the command line: reported even when it does not look like a template. */
  explicit: boolean;
}

export type Analysis =
  /** Not something vtaplint lints (other JSON), or a parameters file (used by its template). */
  | { kind: 'skipped' | 'parameters' | 'bicep-pending' }
  /** Meant to be a template but could not be read or parsed. */
  | { kind: 'broken'; diagnostics: Diagnostic[] }
  | { kind: 'template'; source: SourceText; deployed: DeployResult; graph: ResourceGraph; diagnostics: Diagnostic[] };

export function analyzeFile(file: string, opts: AnalyzeOptions): Analysis {
  const ext = extensionOf(file);
  if (ext === 'bicep' || ext === 'bicepparam') return { kind: 'bicep-pending' };
  const read = readSource(file, 'arm');
  if (!read.ok) return opts.explicit || ext === 'json' || ext === 'jsonc' ? { kind: 'broken', diagnostics: [read.diagnostic] } : { kind: 'skipped' };
  const source = read.source;
  const loaded = loadJson(source);
  if (!loaded.root) {
    return opts.explicit || looksLikeTemplateText(source.text) ? { kind: 'broken', diagnostics: loaded.diagnostics } : { kind: 'skipped' };
  }
  const kind = classifyJson(loaded.root);
  if (kind === 'parameters') return { kind: 'parameters' };
  if (kind !== 'template') return { kind: 'skipped' };
  const parameters: SuppliedParameters = new Map();
  const sink = new DiagnosticSink();
  const associated = associatedParameterFile(source.path);
  if (associated) readParameterFile(associated, parameters, sink);
  for (const f of opts.parameterFiles ?? []) readParameterFile(f, parameters, sink);
  cliParameters({ ...(opts.params ?? {}) }, parameters);
  const deployed = deployFile(source, loaded, { deployment: opts.deployment, parameters, root: opts.root });
  const graph = new ResourceGraph(deployed.resources, deployed.notDeployed);
  return { kind: 'template', source, deployed, graph, diagnostics: [...loaded.diagnostics, ...sink.items, ...deployed.diagnostics] };
}
