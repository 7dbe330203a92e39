// Corpus check: no network, no reads outside the lint root. Lints every folder of the shared
// corpus (default: ../shared/corpus/quickstart and ../shared/corpus/bicep-baselines) in-process,
// each folder as its own lint root, with sockets, DNS, HTTP(S), TLS and fetch refused and every
// file-system path recorded; fails when a connection was attempted, a file outside the root was
// opened, a file ended in an internal error, a quickstart .bicep file (all of them compile) got
// an error, or one of the Bicep compiler's valid samples got an error ARM would not raise.
//   node scripts/run-ts.mjs scripts/corpus-guard.ts [folder ...]
import path from 'node:path';
import { installGuards, outsideRoot } from './lib/guard.js';
import { RULES } from '../rules/index.js';
import { lint } from '../src/engine/lint.js';

/** The copies of a baseline the compiler's test suite derives from it (diagnostics, symbols, tokens, ...). */
const DERIVED = /\.(diagnostics|symbols|syntax|tokens|formatted|ir|sourcemap|pprint|symbolicnames)\.(bicep|bicepparam|json)$/;

/**
 * Errors in the compiler's valid samples that ARM itself raises when it deploys them (the
 * compiler does not evaluate): vtaplint reports them on purpose.
 */
const KNOWN_ARM_ERRORS: { file: string; line: number; rule: string; why: string }[] = [
  { file: 'baselines/Modules_CRLF/main.bicep', line: 250, rule: 'evaluation-error', why: 'i / i2 with i2 = 0 in a for over range(1, 2): division by zero' },
  { file: 'user_submitted/101/sqlmi-new-vnet/main.bicep', line: 111, rule: 'invalid-template', why: "a subnet named by the parameter default 'subnet-01', without its network" },
  { file: 'user_submitted/201/web-app-asev2-create/main.bicep', line: 17, rule: 'invalid-template', why: "a subnet named by the parameter default 'subnet-01', without its network" },
  { file: 'user_submitted/201/api-management-create-all-resources/main.bicep', line: 108, rule: 'invalid-template', why: 'apis/operations/policies named with two segments below the service' },
  { file: 'user_submitted/201/api-management-create-all-resources/main.bicep', line: 128, rule: 'invalid-template', why: 'apis named under a product (products/apis)' },
  // "The resource ... is defined multiple times in a template": compile-only samples that declare
  // one resource (or module deployment) twice, which the compiler accepts and ARM rejects.
  { file: 'user_submitted/201/api-management-create-all-resources/main.bicep', line: 161, rule: 'invalid-template', why: "exampleUser3 is named 'exampleUser1', as exampleUser1 is" },
  ...['Loops_LF', 'LoopsIndexed_LF'].flatMap((sample) => [
    { file: `baselines/${sample}/main.bicep`, line: 131, rule: 'invalid-template', why: "anotherSingleResource has singleResource's name ('${name}single-resource-name')" },
    { file: `baselines/${sample}/main.bicep`, line: 221, rule: 'invalid-template', why: 'a second module loop over moduleSetup with the same deployment names' },
    { file: `baselines/${sample}/main.bicep`, line: 242, rule: 'invalid-template', why: 'a third module loop over moduleSetup with the same deployment names' },
    { file: `baselines/${sample}/main.bicep`, line: 344, rule: 'invalid-template', why: 'two front doors named by the parameter name' },
  ]),
  // Found since every deployed body is evaluated (not only those a rule reads):
  // `for (index, i) in range(0, length(regions))` makes index equal i, so apim[index + i] reads
  // apim[2] of a two-instance module loop for the second region.
  ...[304, 305, 329, 330].map((line) => ({ file: 'baselines/LoopsIndexed_LF/main.bicep', line, rule: 'evaluation-error', why: 'apim[index + i] is apim[2] of a two-instance module loop' })),
  // The id of a subnet named with one segment: the compiler's split(name, '/')[1] has no element 1
  // (the invalid-template finding at the same line says why).
  { file: 'user_submitted/101/sqlmi-new-vnet/main.bicep', line: 111, rule: 'evaluation-error', why: "split('subnet-01', '/')[1] in the compiled id of a subnet named without its network" },
  { file: 'user_submitted/201/web-app-asev2-create/main.bicep', line: 17, rule: 'evaluation-error', why: "split('subnet-01', '/')[1] in the compiled id of a subnet named without its network" },
  // Found since every variable is evaluated, read or not (ARM evaluates the whole variables
  // section): compile-only samples whose unused variables fail when evaluated.
  { file: 'baselines/NewlineSensitivity_LF/main.bicep', line: 12, rule: 'evaluation-error', why: "concat('abc', any(['hello']), 'def'): a string and an array in one concat()" },
  { file: 'baselines/Variables_LF/main.bicep', line: 91, rule: 'evaluation-error', why: 'any(true)[any(false)]: a boolean indexed' },
  { file: 'baselines/Variables_LF/main.bicep', line: 252, rule: 'evaluation-error', why: '2199023255552 * 2199023255552 is beyond a 64-bit integer' },
  { file: 'baselines/Modules_CRLF/main.bicep', line: 168, rule: 'invalid-template', why: 'a second module loop over myModules with the same deployment names' },
  { file: 'baselines/Modules_CRLF/main.bicep', line: 181, rule: 'invalid-template', why: 'a third module loop over myModules with the same deployment names' },
  { file: 'baselines/NestedResources_LF/main.bicep', line: 79, rule: 'invalid-template', why: "a child loop over two items, both named 'loopChild'" },
  ...[344, 355, 366].map((line) => ({ file: 'baselines/Resources_CRLF/main.bicep', line, rule: 'invalid-template', why: "another loop naming virtual networks 'vnet-0' to 'vnet-2', as the loop at line 330 does" })),
  // Deployments of one name in one scope from different files (the compiler checks one file only,
  // BCP122): run at once, ARM fails the second (DeploymentActive). The sample deploys its modules
  // several times into the same scopes, each with constant names.
  ...[
    { m: 'managementgroup', line: 8, why: "'myManagementGroupMod' in management group 'myManagementGroup2', as main.bicep's module of that name there" },
    { m: 'managementgroup', line: 12, why: "'mySubscriptionMod' in subscription 1ad827ac-..., as main.bicep's module of that name there" },
    { m: 'resourcegroup', line: 4, why: "'myTenantMod' at the tenant, from every instance of this module and of managementgroup.bicep" },
    { m: 'resourcegroup', line: 9, why: "'myOtherResourceGroup' in resource group myOtherRg, from each of the three deployments of this module" },
    { m: 'resourcegroup', line: 14, why: "'mySubscription' in the subscription, from each deployment of this module into it" },
    { m: 'resourcegroup', line: 19, why: "'otherSubscription' in subscription cd780357-..., from each deployment of this module" },
    { m: 'subscription', line: 4, why: "'myResourceGroupMod' in the subscription, from mySubscriptionMod and mySubscriptionModWithCondition (both deployed there)" },
    { m: 'subscription', line: 9, why: "'myResourceGroupMod2', likewise" },
    { m: 'subscription', line: 14, why: "'myResourceGroupMod3', likewise" },
    { m: 'subscription', line: 20, why: "'myTenantMod' at the tenant, as managementgroup.bicep's" },
  ].map(({ m, line, why }) => ({ file: `baselines/ModulesWithScopes_LF/modules/${m}.bicep`, line, rule: 'evaluation-error', why })),
];

const args = process.argv.slice(2);
const folders = (args.length ? args : ['../shared/corpus/quickstart', '../shared/corpus/bicep-baselines']).map((f) => path.resolve(f));

// Loaded lazily by the config loader: load it now so module loading is not recorded.
await import('ajv');
const guard = installGuards([path.resolve('node_modules')]);
let failed = false;
for (const root of folders) {
  guard.record.files.length = 0;
  const t0 = Date.now();
  const result = await lint(['.'], { root, cwd: root, rules: RULES });
  const outside = outsideRoot(guard.record, root);
  const errors = result.notifications.filter((n) => n.level === 'error');
  console.log(
    `${path.relative(process.cwd(), root)}: ${result.files.length} files, ${result.findings.length} findings in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
      `${guard.record.files.length} file-system calls, ${outside.length} outside the root; ${guard.record.network.length} connection attempts; ${errors.length} internal errors`,
  );
  for (const o of outside.slice(0, 20)) console.log(`  outside the root: ${o.call} ${o.path}`);
  for (const n of guard.record.network.slice(0, 20)) console.log(`  network: ${n}`);
  for (const e of errors.slice(0, 20)) console.log(`  internal error: ${e.file ?? ''}: ${e.message.split('\n')[0]}`);
  // The quickstart .bicep files all compile with the Bicep compiler (PAIRS.tsv holds its output):
  // an error there is a false positive of the Bicep front end, except a file the corpus copy
  // lacks (loadTextContent of a file that was not copied) and the deliberately broken ci-tests.
  const bicepErrors = result.findings.filter(
    (f) => f.level === 'error' && /\.bicep$/.test(f.location.file.path) && !f.location.file.path.includes(`${path.sep}ci-tests${path.sep}`) && !/cannot read the file|^load\w*\(\): the file '[^']*' does not exist$/.test(f.message),
  );
  if (path.basename(root) === 'quickstart') {
    console.log(`  errors on .bicep files the Bicep compiler compiled: ${bicepErrors.length}`);
    for (const f of bicepErrors.slice(0, 20)) console.log(`  ${path.relative(root, f.location.file.path)}:${f.location.region.start.line}: ${f.ruleId}: ${f.message}`);
    if (bicepErrors.length) failed = true;
  }
  if (path.basename(root) === 'bicep-baselines') {
    // The compiler's valid samples (not Invalid*, not the derived .diagnostics/.symbols/... copies)
    // compile: an error there is a false positive, unless it is one ARM itself would raise when
    // deploying, listed in KNOWN_ARM_ERRORS with why.
    const unexpected = result.findings.filter((f) => {
      const rel = path.relative(root, f.location.file.path).replaceAll(path.sep, '/');
      if (f.level !== 'error' || /(^|\/)Invalid/.test(rel) || DERIVED.test(rel)) return false;
      return !KNOWN_ARM_ERRORS.some((k) => rel === k.file && f.location.region.start.line === k.line && f.ruleId === k.rule);
    });
    console.log(`  errors on the compiler's valid samples, beyond the ${KNOWN_ARM_ERRORS.length} ARM would raise: ${unexpected.length}`);
    for (const f of unexpected.slice(0, 20)) console.log(`  ${path.relative(root, f.location.file.path)}:${f.location.region.start.line}: ${f.ruleId}: ${f.message}`);
    if (unexpected.length) failed = true;
  }
  if (outside.length || guard.record.network.length || errors.length) failed = true;
  guard.record.network.length = 0;
}
guard.uninstall();
console.log(failed ? 'corpus-guard: FAILED' : 'corpus-guard: ok');
process.exitCode = failed ? 1 : 0;
