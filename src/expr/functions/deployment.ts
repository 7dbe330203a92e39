// Deployment values: parameters, variables, copyIndex, and the scope/deployment objects
// (subscription, resourceGroup, tenant, managementGroup, deployment, environment, deployer).
// Values the configuration does not supply are Unknowns with a `symbol` (the same in the whole
// deployment), so resourceGroup().location equals resourceGroup().location.
import { ObjectValue, Unknown } from '../value.js';
import type { Value } from '../value.js';
import { fromJson, partialString } from '../ops.js';
import { expectArray, expectInt, expectString } from './args.js';
import type { FnDef, FnEnv, ReturnType } from './types.js';

/**
 * "... is only known at deployment", one string per name: every resourceId() call makes such
 * reasons for the subscription and resource group, and each built message was a string of its own.
 */
const deploymentTimeMessages = new Map<string, string>();

function deploymentTimeMessage(what: string): string {
  let m = deploymentTimeMessages.get(what);
  if (m === undefined) {
    m = `${what} is only known at deployment`;
    deploymentTimeMessages.set(what, m);
  }
  return m;
}

function sym(env: FnEnv, symbol: string, type: ReturnType = 'string', what?: string): Unknown {
  return new Unknown(
    { code: 'deployment-time', message: deploymentTimeMessage(what ?? symbol), span: env.span },
    type,
    undefined,
    symbol,
  );
}

function known(v: string | undefined, env: FnEnv, symbol: string): string | Unknown {
  return v !== undefined && v !== '' ? v : sym(env, symbol);
}

/**
 * How the current resource group's unknowns are named: `resourceGroup()` for the root
 * deployment's (the same in all of it), another name for a nested deployment to another group,
 * so that its location is not taken for the root's.
 */
function group(env: FnEnv): string {
  return env.ctx.deploymentContext.groupSymbol ?? 'resourceGroup()';
}

function subscriptionId(env: FnEnv): string | Unknown {
  return env.ctx.deploymentContext.subscriptionIdValue ?? known(env.ctx.deploymentContext.subscriptionId, env, 'subscription().subscriptionId');
}

function resourceGroupName(env: FnEnv): string | Unknown {
  return env.ctx.deploymentContext.resourceGroupValue ?? known(env.ctx.deploymentContext.resourceGroup, env, `${group(env)}.name`);
}

/**
 * The unknown subscription id and resource group name that resourceId() and its variants put
 * into the ids they build, one of each per deployment: a large deployment builds hundreds of
 * thousands of ids, and an unknown, its reason and its span for each piece of each id were a
 * tenth of what a 10,000-VM deployment kept. One of each per file's evaluation budget, so a
 * span never points into another file. The id itself gets a reason of its own at its own
 * call (resource.ts), so only a piece taken out of an id (split()) points at the first call.
 */
const idPieces = new WeakMap<FnEnv['ctx']['budget'], Map<string, Unknown>>(); // one budget per deployment (file)
const shared = new WeakSet<Unknown>();

/** Whether `u` is a deployment's shared subscription id or resource group name piece (see idPiece). */
export function isSharedIdPiece(u: Unknown): boolean {
  return shared.has(u);
}

function idPiece(env: FnEnv, v: string | undefined, symbol: string): string | Unknown {
  if (v !== undefined && v !== '') return v;
  const budget = env.ctx.budget;
  let pieces = idPieces.get(budget);
  if (!pieces) idPieces.set(budget, (pieces = new Map()));
  let u = pieces.get(symbol);
  if (!u) {
    pieces.set(symbol, (u = sym(env, symbol)));
    shared.add(u);
  }
  return u;
}

/** The id of the current subscription, for the ids resourceId() builds (known, or the deployment's unknown). */
export function currentSubscriptionId(env: FnEnv): string | Unknown {
  return env.ctx.deploymentContext.subscriptionIdValue ?? idPiece(env, env.ctx.deploymentContext.subscriptionId, 'subscription().subscriptionId');
}

/** The name of the current resource group, for the ids resourceId() builds (known, or the deployment's unknown). */
export function currentResourceGroup(env: FnEnv): string | Unknown {
  return env.ctx.deploymentContext.resourceGroupValue ?? idPiece(env, env.ctx.deploymentContext.resourceGroup, `${group(env)}.name`);
}

/** The AzureCloud environment, as documented for environment(). */
const AZURE_CLOUD = {
  name: 'AzureCloud',
  gallery: 'https://gallery.azure.com/',
  graph: 'https://graph.windows.net/',
  portal: 'https://portal.azure.com',
  graphAudience: 'https://graph.windows.net/',
  activeDirectoryDataLake: 'https://datalake.azure.net/',
  batch: 'https://batch.core.windows.net/',
  media: 'https://rest.media.azure.net',
  sqlManagement: 'https://management.core.windows.net:8443/',
  vmImageAliasDoc: 'https://raw.githubusercontent.com/Azure/azure-rest-api-specs/master/arm-compute/quickstart-templates/aliases.json',
  resourceManager: 'https://management.azure.com/',
  authentication: {
    loginEndpoint: 'https://login.microsoftonline.com/',
    audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'],
    tenant: 'common',
    identityProvider: 'AAD',
  },
  suffixes: {
    acrLoginServer: '.azurecr.io',
    azureDatalakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
    azureDatalakeStoreFileSystem: 'azuredatalakestore.net',
    azureFrontDoorEndpointSuffix: 'azurefd.net',
    keyvaultDns: '.vault.azure.net',
    sqlServerHostname: '.database.windows.net',
    storage: 'core.windows.net',
  },
};

/**
 * The error for the first known argument not of its type ('s' string, 'i' integer, 'a' array), for the
 * functions whose result is only known at deployment: a wrong argument is wrong all the same.
 */
function wrongArgument(env: FnEnv, args: Value[], types: readonly ('s' | 'i' | 'a')[]): Unknown | undefined {
  const n = Math.min(args.length, types.length);
  for (let i = 0; i < n; i++) {
    if (args[i] instanceof Unknown) continue;
    const t = types[i];
    const r = t === 's' ? expectString(env, args, i) : t === 'i' ? expectInt(env, args, i) : expectArray(env, args, i);
    if (r instanceof Unknown) return r;
  }
  return undefined;
}

function deploymentFn(name: string, returns: ReturnType, build: (env: FnEnv) => Value, min = 0, max = 0): FnDef {
  return { name, min, max, returns, unknownArgs: true, impl: (_args, env) => build(env) };
}

export const deploymentFunctions: FnDef[] = [
  {
    name: 'parameters',
    min: 1,
    max: 1,
    impl: (args, env) => {
      const n = expectString(env, args, 0);
      return n instanceof Unknown ? n : env.ctx.parameter(n, env.span);
    },
  },
  {
    name: 'variables',
    min: 1,
    max: 1,
    impl: (args, env) => {
      const n = expectString(env, args, 0);
      return n instanceof Unknown ? n : env.ctx.variable(n, env.span);
    },
  },
  {
    name: 'copyIndex',
    min: 0,
    max: 2,
    returns: 'int',
    impl: (args, env) => {
      let loop: string | undefined;
      let offset = 0;
      if (args.length === 2) {
        const l = expectString(env, args, 0);
        if (l instanceof Unknown) return l;
        loop = l;
        const o = expectInt(env, args, 1);
        if (o instanceof Unknown) return o;
        offset = o;
      } else if (args.length === 1) {
        const a = args[0] as Value;
        if (typeof a === 'string') loop = a;
        else {
          const o = expectInt(env, args, 0);
          if (o instanceof Unknown) return o;
          offset = o;
        }
      }
      const i = env.ctx.copyIndex(loop, env.span);
      if (typeof i === 'number') return i + offset;
      return i;
    },
  },
  deploymentFn('subscription', 'object', (env) => {
    const id = subscriptionId(env);
    const tenant = known(env.ctx.deploymentContext.tenantId, env, 'subscription().tenantId');
    return ObjectValue.from([
      ['id', partialString(['/subscriptions/', id])],
      ['subscriptionId', id],
      ['tenantId', tenant],
      ['displayName', sym(env, 'subscription().displayName')],
    ]);
  }),
  deploymentFn('resourceGroup', 'object', (env) => {
    const kind = env.ctx.deploymentContext.scopeKind;
    if (kind !== undefined && kind !== 'resourceGroup') {
      return env.error(`The template function 'resourceGroup' is not expected at this location: the template is deployed at ${kind === 'managementGroup' ? 'management group' : kind} scope, which has no resource group.`);
    }
    const sub = subscriptionId(env);
    const name = resourceGroupName(env);
    const id = partialString(['/subscriptions/', sub, '/resourceGroups/', name]);
    const entries: [string, Value][] = [
      ['id', id],
      ['name', name],
      ['type', 'Microsoft.Resources/resourceGroups'],
      ['location', known(env.ctx.deploymentContext.location, env, `${group(env)}.location`)],
      ['managedBy', sym(env, `${group(env)}.managedBy`)],
      ['tags', sym(env, `${group(env)}.tags`, 'object')],
      ['properties', ObjectValue.from([['provisioningState', 'Succeeded']])],
    ];
    // A group the deployment creates: an object whose location read is traced to its declaration.
    const traced = env.ctx.deploymentContext.groupObject?.(entries.length);
    if (!traced) return ObjectValue.from(entries);
    for (const [k, v] of entries) traced.set(k, v);
    return traced;
  }),
  deploymentFn('tenant', 'object', (env) => {
    const tid = known(env.ctx.deploymentContext.tenantId, env, 'subscription().tenantId');
    return ObjectValue.from([
      ['countryCode', sym(env, 'tenant().countryCode')],
      ['displayName', sym(env, 'tenant().displayName')],
      ['id', partialString(['/tenants/', tid])],
      ['tenantId', tid],
    ]);
  }),
  deploymentFn('managementGroup', 'object', (env) => {
    const name = known(env.ctx.deploymentContext.managementGroup, env, 'managementGroup().name');
    return ObjectValue.from([
      ['id', partialString(['/providers/Microsoft.Management/managementGroups/', name])],
      ['name', name],
      ['type', '/providers/Microsoft.Management/managementGroups'],
      ['properties', sym(env, 'managementGroup().properties', 'object')],
    ]);
  }),
  deploymentFn('deployment', 'object', (env) => {
    const entries: [string, Value][] = [
      ['name', known(env.ctx.deploymentContext.deploymentName, env, 'deployment().name')],
      ['properties', sym(env, 'deployment().properties', 'object')],
    ];
    // A deployment to a resource group has no location (template-functions-deployment.md; Bicep
    // types deployment().location only outside a resource-group file): reading it is an error.
    if (env.ctx.deploymentContext.scopeKind !== 'resourceGroup') entries.push(['location', known(env.ctx.deploymentContext.location, env, 'deployment().location')]);
    return ObjectValue.from(entries);
  }),
  deploymentFn('environment', 'object', () => fromJson(AZURE_CLOUD)),
  deploymentFn('deployer', 'object', (env) =>
    ObjectValue.from([
      ['objectId', sym(env, 'deployer().objectId')],
      ['tenantId', known(env.ctx.deploymentContext.tenantId, env, 'subscription().tenantId')],
      ['userPrincipalName', sym(env, 'deployer().userPrincipalName')],
    ]),
  ),
  {
    name: 'pickZones',
    min: 3,
    max: 5,
    returns: 'array',
    unknownArgs: true,
    impl: (args, env) =>
      wrongArgument(env, args, ['s', 's', 's', 'i', 'i']) ?? env.unknown('deployment-time', 'pickZones() depends on the zones of the region at deployment', 'array'),
  },
  ...['toLogicalZone', 'toPhysicalZone'].map(
    (name): FnDef => ({
      name,
      min: 3,
      max: 3,
      returns: 'string',
      unknownArgs: true,
      impl: (args, env) => wrongArgument(env, args, ['s', 's', 's']) ?? env.unknown('deployment-time', `${name}() depends on the subscription's zone mapping`, 'string'),
    }),
  ),
  ...['toLogicalZones', 'toPhysicalZones'].map(
    (name): FnDef => ({
      name,
      min: 3,
      max: 3,
      returns: 'array',
      unknownArgs: true,
      impl: (args, env) => wrongArgument(env, args, ['s', 's', 'a']) ?? env.unknown('deployment-time', `${name}() depends on the subscription's zone mapping`, 'array'),
    }),
  ),
  {
    // Bicep `externalInput()` compiles to externalInputs('name'): supplied by the deployment tooling.
    name: 'externalInputs',
    min: 1,
    max: 1,
    unknownArgs: true,
    impl: (args, env) => env.unknown('deployment-time', `externalInputs('${typeof args[0] === 'string' ? args[0] : '?'}') is supplied at deployment`),
  },
  {
    name: 'fail',
    min: 1,
    max: 1,
    unknownArgs: true,
    impl: (args, env) => {
      const m = args[0];
      return env.error(typeof m === 'string' ? m : 'The template called fail().', undefined);
    },
  },
];
