// One file through the front half of the pipeline: read → load (ARM JSON, or Bicep lowered into
// the same model) → deploy → graph. Shared by linting and the `graph` command, so both see exactly
// the same deployment.
import { DiagnosticSink, limitReached, type Diagnostic } from '../model/diagnostic.js';
import type { SourceText } from '../model/source.js';
import { TextSpan, type Span } from '../model/span.js';
import { isTObject, own, type TNode, type TObject } from '../model/template.js';
import { Budget, budgetLimits, type DeploymentContext } from '../expr/context.js';
import { clearParseCache } from '../expr/parser.js';
import { envAnswer, noteInput, recording } from '../model/inputs.js';
import { ObjectValue, type Value } from '../expr/value.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { extensionOf } from '../discover/discover.js';
import { isInsideRoot, listFilesInside, outsideRootReason, readBytesInside, readSource, readSourceInside, unreadFileMessage } from '../load/read.js';
import { loadJson } from '../load/arm-json.js';
import { PARAMETERS_FILE_NAME, classifyJson, looksLikeParametersText, looksLikeTemplateText } from '../load/classify.js';
import { loadBicepTemplate, writtenPath, type BicepHost } from '../bicep/load.js';
import { BASE_VALUES, checkAssignments, loadBicepParams, type BicepParams } from '../bicep/params.js';
import type { Pragma } from '../bicep/pragmas.js';
import { associatedParameterFile, cliParameters, environmentParameterTemplate, markOwnParametersFile, readParameterFile, type ParameterFileReads, type SuppliedParameters } from '../deploy/parameters.js';
import { deployFile, type DeployResult } from '../deploy/deploy.js';
import { TemplateScope } from '../deploy/scope.js';
import { ResourceGraph } from '../graph/graph.js';

export interface AnalyzeOptions {
  /** The lint root: linked templates, modules and load*Content files are read only inside it. */
  root: string;
  deployment: DeploymentContext;
  /**
   * The parameters file the config maps to this template (after the one associated by name). The
   * config sits in the repository being linted, so it is read only inside the root, like that one.
   */
  mappedParameterFile?: string | undefined;
  /** --parameters files (after those): the user named them, so they may be anywhere. */
  parameterFiles?: readonly string[] | undefined;
  /** The --parameters files are this template's own (LintOptions.parameterFilesBelong): ARM rejects an entry it does not declare. */
  parameterFilesBelong?: boolean | undefined;
  /** -p name=value (last). */
  params?: Readonly<Record<string, string>> | undefined;
  /** The run's reads of the mapped and --parameters files, shared by its templates (each is read once). */
  parameterFileReads?: ParameterFileReads | undefined;
  /** Named on the command line: reported even when it does not look like a template. */
  explicit: boolean;
  /**
   * Skip JSON the Bicep compiler wrote (its Bicep source is linted in the same run): every finding
   * would otherwise be reported twice, once on lines nobody wrote. True: skip any (a .bicep file
   * is beside it); a function: skip the one it says is the compilation of a .bicep file of the
   * run (see compiled-bicep.ts).
   */
  skipGeneratedFromBicep?: boolean | ((jsonPath: string, template: TObject) => boolean) | undefined;
  /** vtaplint's limits (the config's `limits`; the defaults when absent). */
  limits?: Readonly<Limits> | undefined;
  /** Check every expression, also those no rule reads (see DeployOptions.checkExpressions; default true). */
  checkExpressions?: boolean | undefined;
}

/**
 * A parameters file (ARM JSON or .bicepparam) that gives a template values. A finding decided by
 * one of them lands in the template, with a related location at the value; a suppression comment
 * on the line before that value accepts it there, for that file's values only.
 */
export interface ParameterSource {
  source: SourceText;
  /** A .bicepparam file's comments and directives, read by its parser (an ARM parameters file's are read by the engine). */
  pragmas?: Pragma[] | undefined;
  /**
   * Only this analysis uses it (the .bicepparam file linted, x.parameters.json beside x.json), so
   * a suppression in it that suppresses nothing here is unused. A file that several templates
   * may use (--parameters, a config mapping, a base a .bicepparam extends) is not judged by one.
   */
  own: boolean;
}

export type Analysis =
  /** Not something vtaplint lints (other JSON), or a parameters file (used by its template). */
  | { kind: 'skipped' | 'parameters' }
  /** Meant to be a template but could not be read or parsed. */
  | { kind: 'broken'; diagnostics: Diagnostic[] }
  | {
      kind: 'template';
      /** The template's file (for a .bicepparam: the .bicep file it names). */
      source: SourceText;
      /** 'arm' or 'bicep'; JSON compiled from Bicep says so in `generatedFromBicep`. */
      language: 'arm' | 'bicep';
      generatedFromBicep: boolean;
      deployed: DeployResult;
      graph: ResourceGraph;
      /** Everything reported up to the end of the deploy stage (see diagnosticsNow). */
      diagnostics: Diagnostic[];
      /** How many of `deployed.diagnostics` `diagnostics` holds. */
      deployedSeen: number;
      /** Suppression comments and #disable-next-line pragmas (Bicep). */
      pragmas: Pragma[];
      /** The parameters files that give it values, whose suppression comments apply too. */
      parameterSources: ParameterSource[];
      /**
       * Files it declares as modules (Bicep) or linked templates (templateLink.relativePath;
       * absolute), deployed or not with the values given: a module whose condition is false, or
       * whose loop is empty, is still this file's to judge.
       */
      declaredModules: readonly string[];
    };

/**
 * The diagnostics of an analysis as they are now. Resource bodies are evaluated when rules first
 * read them, after the deploy stage, and an expression Azure would reject found then is reported
 * with the rest. (Not a getter on the analysis: a getter closing over the deployment made linting
 * the quickstart templates ~45 MB larger and ~10% slower.)
 */
export function diagnosticsNow(a: Extract<Analysis, { kind: 'template' }>): Diagnostic[] {
  const all = a.deployed.diagnostics;
  return all.length === a.deployedSeen ? a.diagnostics : [...a.diagnostics, ...all.slice(a.deployedSeen)];
}

/**
 * The environment variables readEnvironmentVariable() reads: each one read is an input of the
 * file's result (--cache), noted as a digest (src/model/inputs.ts).
 */
const environment: Readonly<Record<string, string | undefined>> = new Proxy(process.env, {
  get(env, name) {
    const value = typeof name === 'string' ? env[name] : undefined;
    if (typeof name === 'string' && recording()) noteInput('env', [name], () => envAnswer(value));
    return value;
  },
});

/** Reads files for the Bicep front end, never outside the lint root (symbolic links resolved). */
export function bicepHost(root: string, limits: Readonly<Limits> = DEFAULT_LIMITS): BicepHost {
  return {
    root,
    depth: limits.maxDeploymentDepth,
    limits,
    env: environment,
    read(absPath: string) {
      if (!isInsideRoot(absPath, root)) return { error: outsideRootReason(absPath, root) };
      // The resolved path is read (not the link again), and positions keep the path as written.
      const r = readSourceInside(absPath, extensionOf(absPath) === 'bicep' ? 'bicep' : 'other', root, limits);
      return r.ok ? r.source : { error: r.diagnostic.message };
    },
    readBytes(absPath: string) {
      if (!isInsideRoot(absPath, root)) return { error: outsideRootReason(absPath, root) };
      return readBytesInside(absPath, root, limits);
    },
    listFiles(absDir: string) {
      if (!isInsideRoot(absDir, root)) return { error: outsideRootReason(absDir, root) };
      return listFilesInside(absDir, root);
    },
  };
}

/**
 * The parameter values a template is deployed with: the file associated with it by name (when
 * `associated`), then the config's mapped file, --parameters files and -p values.
 */
export function suppliedFromFiles(templatePath: string, opts: AnalyzeOptions, sink: DiagnosticSink, associated: boolean | string): SuppliedParameters {
  const parameters: SuppliedParameters = new Map();
  // A string: the template is deployed with that parameters file of it instead (an environment's).
  const assoc = typeof associated === 'string' ? associated : associated ? associatedParameterFile(templatePath) : undefined;
  if (assoc) readParameterFile(assoc, parameters, sink, { root: opts.root, limits: opts.limits, belongs: true });
  readGivenParameterFiles(opts, parameters, sink);
  return parameters;
}

/** The config's mapped file (inside the root only), then --parameters files, then -p values. */
function readGivenParameterFiles(opts: AnalyzeOptions, parameters: SuppliedParameters, sink: DiagnosticSink): void {
  const reads = opts.parameterFileReads;
  if (opts.mappedParameterFile) readParameterFile(opts.mappedParameterFile, parameters, sink, { root: opts.root, limits: opts.limits, reads });
  for (const f of opts.parameterFiles ?? []) {
    if (extensionOf(f) === 'bicepparam') usingNoneValues(f, opts, parameters, sink);
    else readParameterFile(f, parameters, sink, { limits: opts.limits, reads, belongs: opts.parameterFilesBelong === true });
  }
  cliParameters({ ...(opts.params ?? {}) }, parameters, opts.parameterFilesBelong === true);
}

/**
 * The values of a `.bicepparam` file that names no template (`using none`), given with
 * --parameters to the template it is for, as `az deployment group create --template-file
 * main.bicep --parameters prod.bicepparam` gives them (the CLI refuses a file with a template of
 * its own: that one is linted as a file). Its own problems are reported at it.
 */
function usingNoneValues(file: string, opts: AnalyzeOptions, parameters: SuppliedParameters, sink: DiagnosticSink): void {
  const read = readSource(file, 'bicepparam', opts.limits);
  if (!read.ok) {
    sink.add(read.diagnostic);
    return;
  }
  const p = loadBicepParams(read.source, bicepHost(opts.root, opts.limits));
  for (const d of p.diagnostics) sink.add(d);
  // The one template of the run's: held to it as an ARM parameters file is (an entry it does not
  // declare is an error, a required one left out a note).
  const belongs = opts.parameterFilesBelong === true;
  if (belongs) markOwnParametersFile(parameters, p.usingSpan ?? new TextSpan(read.source, 0, 0));
  for (const [name, v] of assignedValues(p, opts, sink)) parameters.set(name, belongs ? { ...v, mustBeDeclared: true, keySpan: p.names.get(name) } : v);
}

/** Deploys a loaded template with the run's deployment context and limits (the lint's and eval's deploy stage). */
export function deployTemplate(source: SourceText, root: TNode, span: Span, parameters: SuppliedParameters, opts: AnalyzeOptions): DeployResult {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  return deployFile(
    source,
    { root, span },
    { deployment: opts.deployment, parameters, root: opts.root, maxResources: limits.maxResources, maxDeploymentDepth: limits.maxDeploymentDepth, maxDeployments: limits.maxDeployments, limits: budgetLimits(limits), fileLimits: limits, checkExpressions: opts.checkExpressions },
  );
}

function finish(
  source: SourceText,
  root: TNode,
  span: Span,
  language: 'arm' | 'bicep',
  parameters: SuppliedParameters,
  opts: AnalyzeOptions,
  earlier: Diagnostic[],
  pragmas: Pragma[],
  generatedFromBicep: boolean,
  declaredModules: readonly string[] = [],
  bicepParams: readonly ParameterSource[] = [],
): Analysis {
  const deployed = deployTemplate(source, root, span, parameters, opts);
  // What the graph finds (when rules build the deployment order) joins the deployment's diagnostics.
  const graph = new ResourceGraph(deployed.resources, deployed.notDeployed, { add: (d) => deployed.diagnostics.push(d) }, (opts.limits ?? DEFAULT_LIMITS).maxGraphEdges, limitReached(deployed.diagnostics));
  return {
    kind: 'template',
    source,
    language,
    generatedFromBicep,
    deployed,
    graph,
    diagnostics: [...earlier, ...deployed.diagnostics],
    deployedSeen: deployed.diagnostics.length,
    pragmas,
    parameterSources: parameterSourcesOf(parameters, bicepParams),
    declaredModules: deployed.linkedTemplates.length === 0 ? declaredModules : [...declaredModules, ...deployed.linkedTemplates],
  };
}

/**
 * What a .bicep file deploys (lowered), or for a .bicepparam file the template it names with the
 * values it gives, plus the parameter files and -p values of the options. Shared by the lint and
 * by `vtaplint eval`.
 */
export type BicepDeployment =
  | {
      kind: 'template';
      /** The template (for a .bicepparam file, the one its `using` names). */
      source: SourceText;
      root: TNode;
      span: Span;
      language: 'arm' | 'bicep';
      parameters: SuppliedParameters;
      diagnostics: Diagnostic[];
      pragmas: Pragma[];
      /** The .bicepparam file deployed and the files it extends (ARM parameters files are found in `parameters`). */
      parameterSources: ParameterSource[];
      /** The local files it declares as modules (absolute), nested ones included. */
      modules: readonly string[];
    }
  | { kind: 'broken'; diagnostics: Diagnostic[] }
  | { kind: 'skipped' };

export function bicepDeployment(file: string, opts: AnalyzeOptions): BicepDeployment {
  return extensionOf(file) === 'bicepparam' ? bicepParamsDeployment(file, opts) : bicepFileDeployment(file, opts);
}

function bicepFileDeployment(file: string, opts: AnalyzeOptions): BicepDeployment {
  const read = readSourceInside(file, 'bicep', opts.root, opts.limits);
  if (!read.ok) return { kind: 'broken', diagnostics: [read.diagnostic] };
  const t = loadBicepTemplate(read.source, bicepHost(opts.root, opts.limits));
  if (!t.root) return { kind: 'broken', diagnostics: t.diagnostics };
  const sink = new DiagnosticSink();
  const parameters = suppliedFromFiles(file, opts, sink, false);
  return { kind: 'template', source: read.source, root: t.root, span: t.span, language: 'bicep', parameters, diagnostics: [...t.diagnostics, ...sink.items], pragmas: t.pragmas, parameterSources: [], modules: t.modules };
}

/** A .bicepparam file deploys the template it names, with its values; findings land on the template. */
function bicepParamsDeployment(file: string, opts: AnalyzeOptions): BicepDeployment {
  const read = readSourceInside(file, 'bicepparam', opts.root, opts.limits);
  if (!read.ok) return { kind: 'broken', diagnostics: [read.diagnostic] };
  const host = bicepHost(opts.root, opts.limits);
  const p = loadBicepParams(read.source, host);
  if (!p.templatePath) {
    if (p.diagnostics.length) return { kind: 'broken', diagnostics: p.diagnostics };
    // `using none` (a file others extend) deploys nothing; no `using` at all is an error, as for the compiler.
    if (!p.hasUsing) return { kind: 'broken', diagnostics: [{ code: 'invalid-template', message: "the file names no template: add a 'using' statement ('using none' for a file other parameters files extend)", span: new TextSpan(read.source, 0, 0) }] };
    return { kind: 'skipped' };
  }
  const tRead = host.read(p.templatePath);
  if ('error' in tRead) {
    const at = p.usingSpan ?? new TextSpan(read.source, 0, 0);
    return { kind: 'broken', diagnostics: [...p.diagnostics, { code: 'invalid-template', message: unreadFileMessage('template', writtenPath(file, p.templatePath, p.templateWritten), tRead.error), span: at }] };
  }
  const isJson = extensionOf(p.templatePath) === 'json';
  const parameterSources = bicepParamsSources(p);
  const sink = new DiagnosticSink();
  const parameters = assignedValues(p, opts, sink);
  readGivenParameterFiles(opts, parameters, sink);
  if (isJson) {
    const loaded = loadJson(tRead, opts.limits);
    if (!loaded.root) return { kind: 'broken', diagnostics: [...p.diagnostics, ...loaded.diagnostics] };
    // An ARM parameters file deploys nothing: its entries were taken as the template's declarations.
    if (classifyJson(loaded.root) === 'parameters') {
      const message = `'using' names '${writtenPath(file, p.templatePath, p.templateWritten)}', an ARM parameters file: it must name the template the values are for (a .bicep or ARM .json template)`;
      return { kind: 'broken', diagnostics: [...p.diagnostics, { code: 'invalid-template', message, span: p.usingSpan ?? new TextSpan(read.source, 0, 0) }] };
    }
    const mismatched = isTObject(loaded.root) ? checkAssignments(p, own(loaded.root, 'parameters'), loaded.root) : checkAssignments(p, undefined);
    return { kind: 'template', source: tRead, root: loaded.root, span: loaded.span, language: 'arm', parameters, diagnostics: [...p.diagnostics, ...mismatched, ...sink.items, ...loaded.diagnostics], pragmas: [], parameterSources, modules: [] };
  }
  const t = loadBicepTemplate(tRead, host);
  if (!t.root) return { kind: 'broken', diagnostics: [...p.diagnostics, ...t.diagnostics] };
  const mismatched = checkAssignments(p, own(t.root, 'parameters'), isTObject(t.root) ? t.root : undefined);
  return { kind: 'template', source: tRead, root: t.root, span: t.span, language: 'bicep', parameters, diagnostics: [...p.diagnostics, ...mismatched, ...sink.items, ...t.diagnostics], pragmas: t.pragmas, parameterSources, modules: t.modules };
}

/** A .bicepparam file and the files it extends (which other files may extend as well). */
function bicepParamsSources(p: BicepParams): ParameterSource[] {
  const out: ParameterSource[] = [];
  for (let f: BicepParams | 'unread' | undefined = p; f && f !== 'unread'; f = f.base) out.push({ source: f.source, pragmas: f.pragmas, own: f === p });
  return out;
}

/**
 * The parameters files an analysis uses: `known` (a .bicepparam chain) and the ARM parameters
 * files its values come from. x.parameters.json beside x.json is the template's own (its entries
 * must be declared: mustBeDeclared); a mapped or --parameters file may serve many templates.
 */
function parameterSourcesOf(parameters: SuppliedParameters, known: readonly ParameterSource[]): ParameterSource[] {
  const byPath = new Map(known.map((k) => [k.source.path, { ...k }]));
  for (const v of parameters.values()) {
    const file = v.span?.file;
    if (!file || file.kind !== 'arm-parameters') continue;
    const seen = byPath.get(file.path);
    if (seen) seen.own ||= v.mustBeDeclared === true;
    else byPath.set(file.path, { source: file, own: v.mustBeDeclared === true });
  }
  return [...byPath.values()];
}

/**
 * The values a .bicepparam file assigns, over those of the files it `extends`. Each file's values
 * are expressions of that file: evaluated in a scope of their own, which holds only what they
 * import, each once (a value another one uses is evaluated there first).
 */
function assignedValues(p: BicepParams, opts: AnalyzeOptions, sink: DiagnosticSink): SuppliedParameters {
  const parameters: SuppliedParameters = p.base && p.base !== 'unread' ? assignedValues(p.base, opts, sink) : new Map();
  // `base`: the values the extended file gives, as computed there (before this file's own replace them).
  const base = p.base && p.base !== 'unread' ? new Map([[BASE_VALUES, { value: ObjectValue.from([...parameters].map(([k, v]): [string, Value] => [k, v.value])) }]]) : undefined;
  const valueScope = new TemplateScope(p.scope, new TextSpan(p.source, 0, p.source.text.length), {
    deployment: opts.deployment,
    diagnostics: sink,
    budget: new Budget(budgetLimits(opts.limits ?? DEFAULT_LIMITS)),
    parameters: base,
  });
  for (const [name, v] of p.values) {
    for (const k of parameters.keys()) if (k.toLowerCase() === name.toLowerCase()) parameters.delete(k);
    // Checked against the parameter's declared type as ARM checks it (the compiler too: BCP033).
    parameters.set(name, { value: valueScope.parameterInfo(name)?.value ?? valueScope.evaluateNode(v.node, v.span), span: v.span, typeChecked: true });
  }
  return parameters;
}

function analyzeBicep(file: string, opts: AnalyzeOptions): Analysis {
  const d = bicepDeployment(file, opts);
  if (d.kind !== 'template') return d;
  return finish(d.source, d.root, d.span, d.language, d.parameters, opts, d.diagnostics, d.pragmas, false, d.modules, d.parameterSources);
}

export function analyzeFile(file: string, opts: AnalyzeOptions): Analysis {
  clearParseCache();
  const ext = extensionOf(file);
  if (ext === 'bicep' || ext === 'bicepparam') return analyzeBicep(file, opts);
  const read = readSourceInside(file, 'arm', opts.root, opts.limits);
  if (!read.ok) {
    // A file found in a folder that is too large to read is reported when its beginning says it
    // is a template or a parameters file, as a broken one is: a 50 MB data set or lock file
    // (package-lock.json) was a limit-exceeded warning on every run, which --max-warnings 0 fails.
    const other = read.head !== undefined && !looksLikeTemplateText(read.head) && !looksLikeParametersText(read.head);
    return opts.explicit || ((ext === 'json' || ext === 'jsonc') && !other) ? { kind: 'broken', diagnostics: [read.diagnostic] } : { kind: 'skipped' };
  }
  const source = read.source;
  const loaded = loadJson(source, opts.limits);
  if (!loaded.root) {
    // A broken file that says it is a template or a parameters file (by its $schema, or by a name
    // only parameters files have: a broken x.parameters.json no template uses went unreported, and
    // the pre-commit hook passed it) is ours to report wherever it was found; other JSON
    // (package.json, ...) only when named.
    const ours = opts.explicit || looksLikeTemplateText(source.text) || looksLikeParametersText(source.text) || PARAMETERS_FILE_NAME.test(file);
    return ours ? { kind: 'broken', diagnostics: loaded.diagnostics } : { kind: 'skipped' };
  }
  const kind = classifyJson(loaded.root);
  if (kind === 'parameters') {
    const template = environmentParameterTemplate(file);
    return template ? analyzeEnvironment(template, file, opts) : { kind: 'parameters' };
  }
  if (kind !== 'template') return { kind: 'skipped' };
  if (skipsGenerated(opts, source.path, loaded.root)) return { kind: 'skipped' };
  const sink = new DiagnosticSink();
  const parameters = suppliedFromFiles(source.path, opts, sink, true);
  return finish(source, loaded.root, loaded.span, 'arm', parameters, opts, [...loaded.diagnostics, ...sink.items], [], isGeneratedFromBicep(loaded.root));
}

/**
 * An environment's parameters file (`azuredeploy.parameters.prod.json`, see
 * environmentParameterTemplate) lints its template with its values, as a `.bicepparam` file
 * does: the findings land in the template, and each environment is one deployment of it. The
 * file is the template's own, so an entry the template does not declare is an error, as ARM
 * gives it; the template's `x.parameters.json` is not read (that is another deployment).
 */
function analyzeEnvironment(templatePath: string, parametersFile: string, opts: AnalyzeOptions): Analysis {
  const read = readSourceInside(templatePath, 'arm', opts.root, opts.limits);
  // Not a template vtaplint can read (outside the root, too large): the file stays a parameters file.
  if (!read.ok) return { kind: 'parameters' };
  const loaded = loadJson(read.source, opts.limits);
  if (!loaded.root || classifyJson(loaded.root) !== 'template') return { kind: 'parameters' };
  // JSON the Bicep compiler wrote beside its source: the source is linted (its values are not these).
  if (skipsGenerated(opts, read.source.path, loaded.root)) return { kind: 'skipped' };
  const sink = new DiagnosticSink();
  const parameters = suppliedFromFiles(read.source.path, opts, sink, parametersFile);
  return finish(read.source, loaded.root, loaded.span, 'arm', parameters, opts, [...loaded.diagnostics, ...sink.items], [], isGeneratedFromBicep(loaded.root));
}

/** Whether the template at `file` is JSON compiled from a .bicep file of the run, to be skipped (AnalyzeOptions.skipGeneratedFromBicep). */
export function skipsGenerated(opts: Pick<AnalyzeOptions, 'skipGeneratedFromBicep'>, file: string, root: TNode): boolean {
  const skip = opts.skipGeneratedFromBicep;
  if (!skip || !isGeneratedFromBicep(root)) return false;
  return skip === true || (isTObject(root) && skip(file, root));
}

/** JSON the Bicep compiler wrote (metadata._generator.name == "bicep"). */
export function isGeneratedFromBicep(root: TNode): boolean {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return false;
  const meta = Object.prototype.hasOwnProperty.call(root, 'metadata') ? (root as Record<string, unknown>).metadata : undefined;
  if (typeof meta !== 'object' || meta === null) return false;
  const gen = (meta as Record<string, unknown>)._generator;
  return typeof gen === 'object' && gen !== null && (gen as Record<string, unknown>).name === 'bicep';
}
