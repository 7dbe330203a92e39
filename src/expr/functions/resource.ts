// Resource functions: resourceId and its scoped variants (exact strings when every part is
// known; otherwise partial strings with symbolic parts and a description), reference(s),
// list(), providers() (runtime state of resources, asked of the context).
import { Unknown } from '../value.js';
import type { Describer, UnknownReason, Value } from '../value.js';
import { partialString, typeName } from '../ops.js';
import { currentResourceGroup, currentSubscriptionId, isSharedIdPiece } from './deployment.js';
import type { FnDef, FnEnv } from './types.js';

type Piece = string | Unknown;

function isTypeArg(v: Value): v is string {
  return typeof v === 'string' && v.includes('/');
}

function pieceOf(env: FnEnv, v: Value, i: number): Piece | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Unknown) return v;
  if (typeof v === 'number') return String(v);
  env.error(`The template function '${env.name}' expects string parameters; parameter ${i + 1} is of type '${typeName(v)}'.`, i);
  return undefined;
}

/** Resource types split into namespace and type segments ("Microsoft.Network/vnets/subnets"), by type text. */
const typeSegments = new Map<string, readonly string[]>();
const MAX_TYPES = 2048;

/** The non-empty '/'-separated segments of a resource type; a template uses a few types many times. */
function segmentsOf(type: string): readonly string[] {
  let segs = typeSegments.get(type);
  if (segs === undefined) {
    segs = type.split('/').filter((s) => s !== '');
    if (typeSegments.size >= MAX_TYPES) typeSegments.clear();
    typeSegments.set(type, segs);
  }
  return segs;
}

/** Appends "/providers/ns/t1/n1/t2/n2" pieces for a type and its names to `out`, or gives an error. */
function providerPath(env: FnEnv, type: string, names: Value[], firstName: number, out: Piece[]): Piece[] | Unknown {
  const segs = segmentsOf(type);
  if (segs.length < 2) return env.error(`The resource type '${type}' is not valid (expected 'Namespace/type').`, firstName - 1);
  const typeCount = segs.length - 1;
  if (names.length !== typeCount) {
    // A single name may hold several segments ("vnet/subnet"): ARM accepts that too.
    const joinedOk = names.length < typeCount && names.every((n) => typeof n === 'string') && (names as string[]).join('/').split('/').length === typeCount;
    if (!joinedOk && !names.some((n) => n instanceof Unknown)) {
      return env.error(
        `Unable to evaluate template language function '${env.name}': the type '${type}' requires ${typeCount} resource name argument(s) but ${names.length} were given.`,
      );
    }
    if (joinedOk) names = (names as string[]).join('/').split('/');
  }
  out.push('/providers/', segs[0] as string);
  const n = Math.max(typeCount, names.length);
  for (let i = 0; i < n; i++) {
    if (i < typeCount) out.push('/', segs[i + 1] as string);
    const name = names[i];
    if (name === undefined) continue;
    const p = pieceOf(env, name, firstName + i);
    if (p === undefined) return new Unknown({ code: 'error', message: 'invalid resource name', span: env.span });
    out.push('/', p);
  }
  return out;
}

/** "a resource id of type T named 'n' in an unknown subscription", made when a message asks. */
class ResourceIdDescription implements Describer {
  constructor(
    private readonly type: string,
    private readonly names: readonly Value[],
    private readonly where: string,
  ) {}

  describe(): string {
    const named = this.names.map((n) => (typeof n === 'string' ? n : typeof n === 'number' ? String(n) : '<unknown>')).join('/');
    return hasUnknown(this.names)
      ? `a resource id of type ${this.type} with a name known only at deployment ('${named}')${this.where}`
      : `a resource id of type ${this.type} named '${named}'${this.where}`;
  }
}

function finish(env: FnEnv, pieces: Piece[], type: string, names: Value[], where: string): Value {
  // A fully known id is just its text: the description is for an id known only in part.
  if (!hasUnknown(pieces)) return pieces.join('');
  // The subscription and resource group pieces are shared by every id of the deployment: the
  // id's reason is theirs, at this call.
  let first: Unknown | undefined;
  for (let i = 0; i < pieces.length && !first; i++) if (pieces[i] instanceof Unknown) first = pieces[i] as Unknown;
  const reason = first && isSharedIdPiece(first) ? { code: first.reason.code, message: first.reason.message, span: env.span } : undefined;
  const memo = reason ? partialIdMemo(env) : undefined;
  const key = memo ? sharedPiecesKey(pieces) : undefined;
  if (memo === undefined || key === undefined) return partialString(pieces, new ResourceIdDescription(type, names, where), reason);
  // The same id is written many times (each NIC's id in its VM, in dependsOn, in its TAP
  // configuration): in a large deployment, calls that make the same id share its parts and
  // description, and each keeps its own reason at its own call. 10,000 expanded VMs make 80,000
  // such ids, 10,000 different ones.
  const known = memo.get(key);
  if (known) return new Unknown(reason as UnknownReason, 'string', known.parts, undefined, known.about);
  const id = partialString(pieces, new ResourceIdDescription(type, names, where), reason);
  if (id instanceof Unknown && id.parts && memo.size < MAX_PARTIAL_IDS) memo.set(key, { parts: id.parts, about: id.about as Describer });
  return id;
}

type PartialIdMemo = Map<string, { parts: readonly Piece[]; about: Describer }>;

/** Per deployment (its budget): how many partly known ids it made, and from MEMO_FROM on, the memo. */
const partialIds = new WeakMap<object, { made: number; memo: PartialIdMemo | undefined }>();
/** Ids made before the memo starts: a template of a few hundred resources never pays for its keys. */
const MEMO_FROM = 2_000;
const MAX_PARTIAL_IDS = 100_000;

function partialIdMemo(env: FnEnv): PartialIdMemo | undefined {
  let state = partialIds.get(env.ctx.budget);
  if (!state) partialIds.set(env.ctx.budget, (state = { made: 0, memo: undefined }));
  if (state.memo) return state.memo;
  if (++state.made >= MEMO_FROM) state.memo = new Map();
  return state.memo;
}

/**
 * The text of an id's pieces, its unknown pieces by their symbol, when every unknown piece is the
 * deployment's shared subscription or resource group piece (the same object for the same symbol
 * in one deployment); undefined otherwise.
 */
function sharedPiecesKey(pieces: readonly Piece[]): string | undefined {
  let key = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    if (typeof p === 'string') {
      // Kept exact: no piece may contain the separators.
      if (p.includes('\u0000') || p.includes('\u0001')) return undefined;
      key += `${p}\u0000`;
    }
    else if (isSharedIdPiece(p) && p.symbol !== undefined) key += `\u0001${p.symbol}\u0000`;
    else return undefined;
  }
  return key;
}

function hasUnknown(values: readonly Value[]): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] instanceof Unknown) return true;
  return false;
}

function whereText(sub: Piece | undefined, rg: Piece | undefined): string {
  const subU = sub instanceof Unknown;
  const rgU = rg instanceof Unknown;
  if (subU && rgU) return ' in an unknown subscription and resource group';
  if (subU) return ` in an unknown subscription${typeof rg === 'string' ? ` (resource group '${rg}')` : ''}`;
  if (rgU) return ' in an unknown resource group';
  return '';
}

/** Whether a name argument has a '/' (a partly known string: in its known text). */
function hasSlash(v: Value): boolean {
  if (typeof v === 'string') return v.includes('/');
  return v instanceof Unknown && v.parts !== undefined && v.parts.some((p) => typeof p === 'string' && p.includes('/'));
}

/**
 * ARM's error when an argument besides the resource type has a '/': resourceId() takes one name
 * per type segment ('vnet', 'sn'), never a joined 'vnet/sn' (MicrosoftDocs/azure-docs#37451,
 * azure-quickstart-templates#1965 and #6744 show this error; the Bicep compiler splits a child's
 * name into its segments for that reason).
 */
function multiSegmentError(env: FnEnv, args: Value[], at: number): Unknown {
  const shown = args.every((a) => typeof a === 'string' || typeof a === 'number') ? ` Current function arguments '${args.join(',')}'.` : '';
  return env.error(
    `Unable to evaluate template language function '${env.name}': function requires exactly one multi-segmented argument which must be resource type including resource provider namespace.${shown} Please see https://aka.ms/arm-template-expressions/#resourceid for usage details.`,
    at,
  );
}

function unknownType(env: FnEnv, args: Value[]): Value {
  const u = args.find((a) => a instanceof Unknown) as Unknown | undefined;
  if (u) return new Unknown(u.reason, 'string', undefined, undefined, 'a resource id whose type is known only at deployment');
  return env.error(`The template function '${env.name}' needs a resource type of the form 'Namespace/type'.`);
}

/**
 * resourceId('Namespace/type', names...) deployed at subscription scope (`prefix` is the
 * subscription) or at management group or tenant scope (no prefix): the type's names below the
 * scope, as subscriptionResourceId() and tenantResourceId() write them.
 */
function scopedResourceId(env: FnEnv, args: Value[], type: string, prefix: Piece[]): Value {
  const names = args.slice(1);
  const joined = names.findIndex(hasSlash);
  if (joined >= 0) return multiSegmentError(env, args, 1 + joined);
  const path = providerPath(env, type, names, 1, prefix);
  if (path instanceof Unknown) return path;
  const sub = prefix[1];
  return finish(env, path, type, names, sub === undefined ? '' : whereText(sub, undefined));
}

export const resourceFunctions: FnDef[] = [
  {
    name: 'resourceId',
    min: 2,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const t = args.findIndex((a, i) => i <= 2 && isTypeArg(a));
      if (t < 0) return unknownType(env, args);
      const type = args[t] as string;
      let sub: Piece | undefined;
      let rg: Piece | undefined;
      if (t === 2) {
        sub = pieceOf(env, args[0] as Value, 0);
        rg = pieceOf(env, args[1] as Value, 1);
      } else if (t === 1) {
        sub = currentSubscriptionId(env);
        rg = pieceOf(env, args[0] as Value, 0);
      } else {
        // No resource group given: the id is in the deployment's own scope, which has no resource
        // group at subscription, management group or tenant scope ("The resource ID is returned in
        // different formats at different scopes", template-functions-resource#resourceid).
        const kind = env.ctx.deploymentContext.scopeKind;
        if (kind === 'managementGroup' || kind === 'tenant') return scopedResourceId(env, args, type, []);
        sub = currentSubscriptionId(env);
        if (kind === 'subscription') return scopedResourceId(env, args, type, ['/subscriptions/', sub]);
        rg = currentResourceGroup(env);
      }
      if (sub === undefined || rg === undefined) return new Unknown({ code: 'error', message: 'invalid resourceId()', span: env.span }, 'string');
      const names = args.slice(t + 1);
      const joined = names.findIndex(hasSlash);
      if (joined >= 0) return multiSegmentError(env, args, t + 1 + joined);
      const path = providerPath(env, type, names, t + 1, ['/subscriptions/', sub, '/resourceGroups/', rg]);
      if (path instanceof Unknown) return path;
      return finish(env, path, type, names, whereText(sub, rg));
    },
  },
  {
    name: 'subscriptionResourceId',
    min: 2,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const t = args.findIndex((a, i) => i <= 1 && isTypeArg(a));
      if (t < 0) return unknownType(env, args);
      const type = args[t] as string;
      const sub = t === 1 ? pieceOf(env, args[0] as Value, 0) : currentSubscriptionId(env);
      if (sub === undefined) return new Unknown({ code: 'error', message: 'invalid subscriptionResourceId()', span: env.span }, 'string');
      const names = args.slice(t + 1);
      const path = providerPath(env, type, names, t + 1, ['/subscriptions/', sub]);
      if (path instanceof Unknown) return path;
      return finish(env, path, type, names, whereText(sub, undefined));
    },
  },
  {
    name: 'tenantResourceId',
    min: 2,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const type = args[0] as Value;
      if (!isTypeArg(type)) return unknownType(env, args);
      const names = args.slice(1);
      const path = providerPath(env, type, names, 1, []);
      if (path instanceof Unknown) return path;
      return finish(env, path, type, names, '');
    },
  },
  {
    name: 'extensionResourceId',
    min: 3,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const base = pieceOf(env, args[0] as Value, 0);
      const type = args[1] as Value;
      if (base === undefined) return new Unknown({ code: 'error', message: 'invalid extensionResourceId()', span: env.span }, 'string');
      if (!isTypeArg(type)) return unknownType(env, args);
      const names = args.slice(2);
      const path = providerPath(env, type, names, 2, [base]);
      if (path instanceof Unknown) return path;
      return finish(env, path, type, names, base instanceof Unknown ? ' on a resource known only at deployment' : '');
    },
  },
  {
    name: 'managementGroupResourceId',
    min: 2,
    max: undefined,
    returns: 'string',
    unknownArgs: true,
    impl: (args, env) => {
      const t = args.findIndex((a, i) => i <= 1 && isTypeArg(a));
      if (t < 0) return unknownType(env, args);
      const type = args[t] as string;
      const mgDefault = env.ctx.deploymentContext.managementGroup;
      const mg: Piece | undefined =
        t === 1
          ? pieceOf(env, args[0] as Value, 0)
          : mgDefault ?? new Unknown({ code: 'deployment-time', message: 'managementGroup().name is only known at deployment', span: env.span }, 'string', undefined, 'managementGroup().name');
      if (mg === undefined) return new Unknown({ code: 'error', message: 'invalid managementGroupResourceId()', span: env.span }, 'string');
      const names = args.slice(t + 1);
      const path = providerPath(env, type, names, t + 1, ['/providers/Microsoft.Management/managementGroups/', mg]);
      if (path instanceof Unknown) return path;
      return finish(env, path, type, names, mg instanceof Unknown ? ' in an unknown management group' : '');
    },
  },
  ...(
    [
      ['reference', 1, 3, 'object'],
      ['references', 0, 2, 'array'],
      // languageVersion 2.0: the id, name, type and API version of a resource by its symbolic name.
      ['resourceInfo', 1, 1, 'object'],
      ['list', 2, undefined, 'object'],
      ['providers', 1, 2, 'object'],
      ['extensions', 0, 1, 'object'],
      ['roleDefinitions', 1, 1, 'object'],
      // target('full'): the resource being deployed as it exists before this deployment (null
      // when it does not exist yet), what Bicep's `this.existingResource()` compiles to (the
      // experimental "runtime values in tags and sku" of Bicep 0.46): runtime state. Not knowing
      // it made PSRule fail the whole file (microsoft/PSRule#3425); here it was an error.
      ['target', 0, 1, 'object'],
    ] as const
  ).map(
    ([name, min, max, returns]): FnDef => ({
      name,
      min,
      max,
      returns,
      unknownArgs: true,
      impl: (args, env) =>
        env.ctx.runtime?.(name, args, env.span) ?? env.unknown('runtime-state', `${name}() returns runtime state known only at deployment`, returns),
    }),
  ),
];
