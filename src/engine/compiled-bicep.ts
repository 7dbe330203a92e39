// JSON the Bicep compiler wrote from a .bicep file that the same lint reads: its findings would all
// be reported twice, once on lines nobody wrote. Beside its source (`bicep build main.bicep`) it is
// skipped as before; elsewhere (`--outdir build`, `bin/main.json`, not git-ignored) it is skipped
// when it is the compilation of a .bicep file of the run by a signature: the compiler's
// `metadata._generator.name` is "bicep", the file is named as that source (main.json for
// main.bicep), and it declares what the source declares (the same parameters and outputs, and a
// resource of each type the source deploys, nothing of a type the source does not deploy). A
// template edited by hand after compiling it that adds or drops a parameter, output or resource
// no longer matches, and is linted; one with only other values still matches (see the README).
import path from 'node:path';
import { extensionOf } from '../discover/discover.js';
import { readSourceInside } from '../load/read.js';
import { InputMemo, noteInput, recording } from '../model/inputs.js';
import { parseBicep } from '../bicep/parser.js';
import type { Statement } from '../bicep/syntax.js';
import { isTObject, type TNode, type TObject } from '../model/template.js';

const DEPLOYMENTS = 'microsoft.resources/deployments';

interface Signature {
  parameters: string;
  outputs: string;
  /** Lower-cased types of the resources and modules it deploys (not `existing` ones). */
  types: Set<string>;
}

export class BicepSources {
  /** Folders with a .bicep file in this run: JSON compiled from Bicep there is not linted twice. */
  readonly dirs: ReadonlySet<string>;
  private readonly byStem = new Map<string, string[]>();
  /** Each signature is an input of every template compared with it (--cache: src/model/inputs.ts). */
  private readonly signatures = new InputMemo<Signature | undefined>();

  constructor(
    readonly files: readonly string[],
    private readonly root: string,
  ) {
    this.dirs = new Set(files.map((f) => path.dirname(f)));
    for (const f of files) {
      const stem = path.basename(f, path.extname(f)).toLowerCase();
      const list = this.byStem.get(stem);
      if (list) list.push(f);
      else this.byStem.set(stem, [f]);
    }
  }

  static of(files: readonly string[], root: string): BicepSources {
    return new BicepSources(
      files.filter((f) => extensionOf(f) === 'bicep'),
      root,
    );
  }

  /** The .bicep file of the run that the compiled template at `jsonPath` was made from, if one matches its signature. */
  compiledFrom(jsonPath: string, template: TObject): string | undefined {
    const stem = path.basename(jsonPath, path.extname(jsonPath)).toLowerCase();
    const json = jsonSignature(template);
    return this.withStem(stem).find((b) => {
      const s = this.signature(b);
      return s !== undefined && matches(s, json);
    });
  }

  /** The .bicep files of the run named `stem` (lower case). */
  withStem(stem: string): readonly string[] {
    const files = this.byStem.get(stem) ?? [];
    if (recording()) noteInput('bicepStem', [stem], () => files.join('\u0000'));
    return files;
  }

  /** Whether a .bicep file of the run is in the folder `dir`. */
  hasDir(dir: string): boolean {
    const has = this.dirs.has(dir);
    if (recording()) noteInput('bicepDir', [dir], () => (has ? 't' : 'f'));
    return has;
  }

  private signature(file: string): Signature | undefined {
    return this.signatures.get(file, () => {
      const read = readSourceInside(file, 'bicep', this.root);
      return read.ok ? bicepSignature(parseBicep(read.source).program.statements) : undefined;
    });
  }
}

function names(list: Iterable<string>): string {
  return [...list].map((n) => n.toLowerCase()).sort().join('\u0000');
}

function bicepSignature(statements: readonly Statement[]): Signature {
  const parameters: string[] = [];
  const outputs: string[] = [];
  const types = new Set<string>();
  for (const s of statements) {
    if (s.kind === 'Parameter') parameters.push(s.name.name);
    else if (s.kind === 'Output') outputs.push(s.name.name);
    else if (s.kind === 'Module') types.add(DEPLOYMENTS);
    else if (s.kind === 'Resource' && !s.existing && s.type.kind === 'String' && s.type.value !== undefined) {
      const type = s.type.value.split('@')[0] as string;
      if (type.includes('/')) types.add(type.toLowerCase());
    }
  }
  return { parameters: names(parameters), outputs: names(outputs), types };
}

function jsonSignature(t: TObject): Signature {
  const section = (k: string) => {
    const v = Object.prototype.hasOwnProperty.call(t, k) ? t[k] : undefined;
    return isTObject(v) ? Object.keys(v) : [];
  };
  const types = new Set<string>();
  const collect = (resources: TNode | undefined) => {
    const list = Array.isArray(resources) ? resources : isTObject(resources) ? Object.values(resources) : [];
    for (const r of list) {
      if (!isTObject(r) || r.existing === true) continue;
      if (typeof r.type === 'string' && r.type.includes('/')) types.add(r.type.toLowerCase());
      collect(r.resources as TNode | undefined);
    }
  };
  collect(t.resources as TNode | undefined);
  return { parameters: names(section('parameters')), outputs: names(section('outputs')), types };
}

/**
 * The same parameters and outputs; every type the source deploys in the JSON, and every type of
 * the JSON deployed by the source or a child of one (a resource nested in another's body is a
 * top-level `parent/child` type in the JSON).
 */
function matches(bicep: Signature, json: Signature): boolean {
  if (bicep.parameters !== json.parameters || bicep.outputs !== json.outputs) return false;
  for (const t of bicep.types) if (!json.types.has(t)) return false;
  for (const t of json.types) {
    if (bicep.types.has(t)) continue;
    if (![...bicep.types].some((b) => t.startsWith(`${b}/`))) return false;
  }
  return true;
}
