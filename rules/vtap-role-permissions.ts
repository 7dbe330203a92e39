import { defineRule } from '../src/engine/rule.js';
import { Unknown, type Value } from '../src/expr/value.js';
import { describeUnknown } from '../src/engine/describe.js';
import { at } from '../src/expr/located.js';
import { actionMatches, grants, permissionsOf, roleDefinitions } from '../src/graph/roles.js';
import { unknownOrigin } from './lib/support.js';
import facts from './data/vtap-facts.json' with { type: 'json' };
import type { Span } from '../src/model/span.js';
import docs from './vtap-role-permissions.md';

const REQUIRED = facts.rolePermissions.required;
const OPERATIONS: Record<string, string[]> = facts.rolePermissions.operations;
const WRONG: Record<string, string> = facts.rolePermissions.documentedButWrong;
const TAP_WORDS = /virtualnetworktaps|tapconfigurations/i;

export default defineRule(
  {
    id: 'vtap-role-permissions',
    name: 'VtapRolePermissions',
    shortDescription: 'A custom role meant for virtual network TAP grants every operation TAP needs.',
    fullDescription:
      'To work with virtual network TAP an account needs Microsoft.Network/virtualNetworkTaps/*, Microsoft.Network/networkInterfaces/read and Microsoft.Network/networkInterfaces/tapConfigurations/*. For a role definition whose actions mention TAP operations (or whose notActions take some, not all, of them away), the rule checks that its permissions grant all of them (wildcards count, notActions must not take them away), and flags the documented Microsoft.Network/tapConfigurations/*, which matches no real operation.',
    defaultLevel: 'warning',
    tags: ['vtap'],
    precision: 'high',
    source: 'Virtual network TAP overview, "Prerequisites": the account needs a role with "Microsoft.Network/virtualNetworkTaps/*", "Microsoft.Network/networkInterfaces/read" and "Microsoft.Network/tapConfigurations/*"',
  },
  docs,
  (ctx) => {
    for (const role of roleDefinitions(ctx.graph)) {
      const perms = permissionsOf(role);
      const all = perms.flatMap((p) => p.actions);
      // A role is meant for TAP when its actions name a TAP operation, or its notActions take some
      // of them away; notActions that take every TAP operation away (`Microsoft.Network/*` but
      // not virtualNetworkTaps/* nor tapConfigurations/*) make a role meant to have none.
      const notActions = perms.flatMap((p) => p.notActions);
      const names = (list: readonly { value: Value | undefined }[]) => list.some((a) => typeof a.value === 'string' && TAP_WORDS.test(a.value));
      if (!names(all) && (!names(notActions) || takesAllTapAway(perms))) continue;
      // One whose TAP operations are reads only (an auditor's `virtualNetworkTaps/read`) is not a
      // role to apply TAP configurations with, which is what the document's permissions are for.
      // Actions known only in part may grant more; the documentation's misspelling means to.
      const partlyKnown = all.some((a) => a.value instanceof Unknown) || perms.some((p) => p.actionsInPart);
      const misspelt = all.some((a) => misspelling(a.value) !== undefined);
      if (!partlyKnown && !misspelt && TAP_CHANGES.every((op) => !perms.some((p) => grants(p, op).granted))) continue;
      const roleName = at(role.root, 'properties', 'roleName').value;
      const name = typeof roleName === 'string' ? roleName : role.displayName;
      for (const a of all) {
        const fix = misspelling(a.value);
        if (fix)
          ctx.fail({
            message: `role '${name}' grants '${a.value as string}', which matches no Azure operation (the TAP documentation's spelling); write '${fix}' instead`,
            span: a.span,
            resource: role,
          });
      }
      // The first entry only known at deployment decides: an action, or a notAction that may take one away.
      // A list known only in part (concat() of known actions and a parameter) counts as such an entry.
      const unknownAction = all.find((a) => a.value instanceof Unknown) ?? perms.find((p) => p.actionsInPart)?.actionsInPart;
      const unknownNot = unknownAction ? undefined : (perms.flatMap((p) => p.notActions).find((n) => n.value instanceof Unknown) ?? perms.find((p) => p.notActionsInPart)?.notActionsInPart);
      if (unknownNot) {
        ctx.indeterminate({
          message: `some notActions of role '${name}' are only known at deployment (${describeUnknown(unknownNot.value as Unknown)}), so vtaplint cannot tell whether it grants what virtual network TAP needs (${REQUIRED.join(', ')})`,
          span: unknownNot.span,
          related: unknownOrigin(unknownNot.value, unknownNot.span),
          resource: role,
        });
        continue;
      }
      // Actions known only in part only add to those known: what these already grant (and the
      // notActions, all known, do not take away) is granted, and what those notActions take
      // away is not, whatever the rest is. What is left is only known at deployment.
      const undecided: string[] = [];
      for (const needed of REQUIRED) {
        if (!unknownAction) break;
        const ops = OPERATIONS[needed] ?? [needed];
        const missing = ops.filter((op) => !perms.some((p) => grants(p, op).granted));
        if (missing.length > 0 && !missing.some((op) => perms.every((p) => p.notActions.some((n) => typeof n.value === 'string' && actionMatches(n.value, op))))) undecided.push(needed);
      }
      if (unknownAction && undecided.length > 0) {
        ctx.indeterminate({
          message: `some actions of role '${name}' are only known at deployment (${describeUnknown(unknownAction.value as Unknown)}), so vtaplint cannot tell whether it grants ${undecided.join(', ')}, which virtual network TAP needs`,
          span: unknownAction.span,
          related: unknownOrigin(unknownAction.value, unknownAction.span),
          resource: role,
        });
      }
      for (const needed of REQUIRED) {
        if (undecided.includes(needed)) continue;
        const ops = OPERATIONS[needed] ?? [needed];
        const missing = ops.filter((op) => !perms.some((p) => grants(p, op).granted));
        if (missing.length === 0) {
          ctx.pass({ message: `grants ${needed}`, span: at0(perms, role.span), resource: role });
          continue;
        }
        // A notAction takes it away: found for the action that grants it, or (with actions known
        // only in part) whatever grants it.
        const removed =
          perms.map((p) => grants(p, missing[0] as string).removedBy).find((x) => x !== undefined) ??
          (unknownAction === undefined
            ? undefined
            : perms.map((p) => p.notActions.find((n) => typeof n.value === 'string' && missing.some((op) => actionMatches(n.value as string, op)))).find((x) => x !== undefined));
        ctx.fail({
          message: removed
            ? `role '${name}' takes away ${missing.join(', ')} with notActions '${String(removed.value)}'; virtual network TAP needs ${needed}: remove that notAction`
            : `role '${name}' does not grant ${missing.length === ops.length ? needed : missing.join(', ')}, which virtual network TAP needs: add ${needed} to the role's actions`,
          span: removed ? removed.span : at0(perms, role.span),
          resource: role,
        });
      }
    }
  },
);

/** What to write instead of an action spelt as the TAP documentation spells it (matching no operation), if it is one. */
function misspelling(action: Value | undefined): string | undefined {
  return typeof action === 'string' ? Object.entries(WRONG).find(([w]) => w.toLowerCase() === action.toLowerCase())?.[1] : undefined;
}

/** Where a missing action is reported: the first permissions block's actions list. */
function at0(perms: ReturnType<typeof permissionsOf>, fallback: Span): Span {
  const first = perms[0];
  return first ? at(first.decl, 'actions').span : fallback;
}

/** Every TAP operation there is, for a role whose notActions may take them all away. */
const TAP_OPERATIONS = ['virtualNetworkTaps', 'networkInterfaces/tapConfigurations'].flatMap((t) => ['read', 'write', 'delete'].map((op) => `Microsoft.Network/${t}/${op}`));

/** The TAP operations that change something: a role that grants none of them only reads TAPs. */
const TAP_CHANGES = TAP_OPERATIONS.filter((op) => !op.endsWith('/read'));

/**
 * Whether no permission grants a TAP operation in the end: each one its actions grant, its
 * notActions take away (a reader role hiding TAPs takes away the read its `*\/read` grants; a block
 * that grants no TAP operation at all has nothing to take away).
 */
function takesAllTapAway(perms: ReturnType<typeof permissionsOf>): boolean {
  return perms.every((p) => TAP_OPERATIONS.every((op) => !grants(p, op).granted));
}
